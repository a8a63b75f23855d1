import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Exit codes and reasons for inputs that are no text to build (issue 14, items 2 and 3).
@Suite struct ExitCodeTests {
    /// Runs sitegen, killing it after `seconds` (a hang is a failure, not a stuck test run).
    static func run(_ arguments: [String], in folder: URL, within seconds: Double = 30) throws -> CommandTests.Run {
        let deadline = DispatchTime.now() + seconds
        return try CommandTests.run(arguments, in: folder) { process in
            DispatchQueue.global().asyncAfter(deadline: deadline) {
                if process.isRunning { process.terminate() }
            }
        }
    }

    @Test func aFIFONamedSitegenYmlExitsWith3AtOnce() throws {
        let folder = try CommandTests.handbookCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sitegen.yml"))
        #expect(mkfifo(folder.appendingPathComponent("sitegen.yml").path, 0o644) == 0)
        let build = try Self.run(["build"], in: folder)
        #expect(build.status == 3)
        #expect(build.stderr.contains("sitegen.yml: error: not a regular file (a FIFO)"), "\(build.stderr)")
        #expect(try Self.run(["check"], in: folder).status == 3)
    }

    @Test func aSymlinkedRoleLeavingTheSiteIsReportedEvenByCheck() throws {
        let folder = try CommandTests.handbookCopy()
        let elsewhere = try CommandTests.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let role = folder.appendingPathComponent("Content/roles/producer.md")
        try FileManager.default.moveItem(at: role, to: elsewhere.appendingPathComponent("producer.md"))
        try FileManager.default.createSymbolicLink(atPath: role.path, withDestinationPath: elsewhere.appendingPathComponent("producer.md").path)
        let check = try Self.run(["check", "--strict"], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr.contains("Content/roles/producer.md: error: symbolic link leaves the site folder"), "\(check.stderr)")
    }

    @Test func tooDeepYAMLSaysWhatTheAuthorCanDo() throws {
        let folder = try CommandTests.handbookCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deep = "---\ntitle: " + String(repeating: "[", count: 1200) + String(repeating: "]", count: 1200) + "\n---\nBody.\n"
        try Data(deep.utf8).write(to: folder.appendingPathComponent("Content/roles/deep.md"))
        let check = try Self.run(["check"], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr.contains("Content/roles/deep.md:2:"), "\(check.stderr)")
        #expect(check.stderr.contains("YAML nests too deeply here"))
        #expect(!check.stderr.contains("yaml_set_max_nest_level"))
    }
}
