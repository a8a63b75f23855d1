import Foundation
import Testing

/// The `sitegen` executable as an author meets it: exit codes, messages, files written.
@Suite struct CommandTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var sitegen: URL? {
        [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen"),
            repositoryRoot.appendingPathComponent(".build/debug/sitegen"),
        ].first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func run(_ arguments: [String], in folder: URL, started: (Process) -> Void = { _ in }) throws -> Run {
        let process = Process()
        guard let executable = Self.sitegen else { throw MissingExecutable() }
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        started(process)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    struct MissingExecutable: Error, CustomStringConvertible {
        var description: String { "build the sitegen executable first (swift build)" }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the shipped handbook.
    static func handbookCopy() throws -> URL {
        let folder = try temporaryFolder()
        for item in ["sitegen.yml", "Content", "Templates"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        return folder
    }

    @Test func usageErrorsExitWith2() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(["build", "--no-such-flag"], in: folder).status == 2)
        #expect(try Self.run(["build", "--source", "missing-folder"], in: folder).status == 2)
        #expect(try Self.run(["frobnicate"], in: folder).status == 2)
    }

    @Test func helpDocumentsTheExitCodes() throws {
        let run = try Self.run(["build", "--help"], in: Self.repositoryRoot)
        #expect(run.status == 0)
        let text = run.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("0 success, 1 content, configuration or template errors, 2 usage errors, 3 I/O or environment errors"))
    }

    @Test func theShippedSiteChecksClean() throws {
        let folder = try Self.handbookCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Published with its address, as a site is; without one it has no sitemap (a warning).
        let run = try Self.run(["check", "--strict", "--base-url", "https://example.org/handbook/"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("No problems found."))
        let plain = try Self.run(["check"], in: folder)
        #expect(plain.status == 0 && plain.stderr.contains("warning: no sitemap.xml was written"), "\(plain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Output").path), "check never writes")
    }

    @Test func aBrokenCopyReportsEveryProblemLocatedInOneRun() throws {
        let folder = try Self.handbookCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let roles = folder.appendingPathComponent("Content/roles")
        func edit(_ name: String, _ change: (String) -> String) throws {
            let url = roles.appendingPathComponent(name)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        try edit("producer.md") { $0.replacingOccurrences(of: "compare_with: [executive-producer,", with: "compare_with: [line-prodcer, executive-producer,") }
        try edit("director.md") { $0.replacingOccurrences(of: "\ntitle: Director\n", with: "\ntitle: [Director]\n") }
        try edit("showrunner.md") { $0 + "\nSee [the missing page](nowhere.md).\n" }
        let run = try Self.run(["check", "--format", "json"], in: folder)
        #expect(run.status == 1)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let errors = entries.filter { $0["severity"] as? String == "error" }
        let files = Set(errors.compactMap { $0["file"] as? String })
        #expect(files == ["Content/roles/producer.md", "Content/roles/director.md"], "\(errors)")
        #expect(errors.allSatisfy { ($0["line"] as? Int ?? 0) > 0 && ($0["column"] as? Int ?? 0) > 0 })
        #expect(errors.contains { ($0["message"] as? String)?.hasSuffix("did you mean 'line-producer'?") == true })
        // The link check runs once content is valid: fix the two and the broken link is found.
        try edit("producer.md") { $0.replacingOccurrences(of: "compare_with: [line-prodcer, ", with: "compare_with: [") }
        try edit("director.md") { $0.replacingOccurrences(of: "\ntitle: [Director]\n", with: "\ntitle: Director\n") }
        let second = try Self.run(["check"], in: folder)
        #expect(second.status == 1)
        #expect(second.stderr.contains("Content/roles/showrunner.md:"))
        #expect(second.stderr.contains("error: broken link '../nowhere/'"))
        #expect(second.stderr.contains("    See [the missing page](nowhere.md)."), "the source line is quoted")
    }

    @Test func aFailedBuildExitsWith1AndKeepsTheOldOutput() throws {
        let folder = try Self.handbookCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.run(["build", "--quiet"], in: folder).status == 0)
        let index = folder.appendingPathComponent("Output/index.html")
        let before = try Data(contentsOf: index)
        try "---\ntitle: Broken\n".write(to: folder.appendingPathComponent("Content/roles/broken.md"), atomically: true, encoding: .utf8)
        let run = try Self.run(["build"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("Content/roles/broken.md:1:1: error: front matter is not closed"))
        #expect(try Data(contentsOf: index) == before)
    }

    @Test func aForeignOutputFolderExitsWith3() throws {
        let folder = try Self.handbookCopy()
        defer { try? FileManager.default.removeItem(at: folder) }
        let foreign = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try "keep".write(to: foreign.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try Self.run(["build", "--output", "mine"], in: folder)
        #expect(run.status == 3)
        #expect(run.stderr.contains("was not made by sitegen"))
        #expect(try String(contentsOf: foreign.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
    }

    @Test(arguments: [
        ([], "compare/project-manager-vs-project-coordinator/index.html"), (["--example", "film"], "compare/producer-vs-executive-producer/index.html"),
    ])
    func initMakesASiteThatBuildsCleanlyAndRefusesANonEmptyFolder(example: [String], comparison: String) throws {
        let parent = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(try Self.run(["init", "site"] + example, in: parent).status == 0)
        let site = parent.appendingPathComponent("site")
        let check = try Self.run(["check", "--strict", "--base-url", "https://example.org/"], in: site)
        #expect(check.status == 0, "\(check.stderr)")
        let build = try Self.run(["build"], in: site)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("Output/" + comparison).path))
        // A second build leaves the spare site beside Output/: git sees none of what sitegen made.
        #expect(try Self.run(["build"], in: site).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".Output.sitegen-spare").path))
        let git = try Self.git(["init", "-q"], in: site) + Self.git(["status", "--porcelain", "--untracked-files=all"], in: site)
        #expect(!git.contains("Output/") && !git.contains(".sitegen-"), "\(git)")
        #expect(git.contains("Content/"))
        let again = try Self.run(["init", "site"], in: parent)
        #expect(again.status == 3)
        #expect(again.stderr.contains("is not empty"))
    }

    /// The output of `git` run in `folder`.
    static func git(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func initRefusesAnUnknownExample() throws {
        let parent = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let run = try Self.run(["init", "site", "--example", "cooking"], in: parent)
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown example 'cooking'"))
    }

    @Test func newRoleWritesAStubThatKeepsTheSiteClean() throws {
        let parent = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        #expect(try Self.run(["init", "site"], in: parent).status == 0)
        let site = parent.appendingPathComponent("site")
        let created = try Self.run(["new", "role", "Line Producer"], in: site)
        #expect(created.status == 0)
        #expect(created.stdout == "Content/roles/line-producer.md\n")
        let text = try String(contentsOf: site.appendingPathComponent("Content/roles/line-producer.md"), encoding: .utf8)
        // Every core field, and every field the starter's schema declares.
        for field in [
            "title:", "summary:", "duties:", "skills:", "team:", "level: \"Junior\"", "location: [\"Office\"]", "education:", "focus:", "final_say:",
            "compare_with:", "sources:", "draft: true",
        ] {
            #expect(text.contains(field), "stub lacks \(field)")
        }
        #expect(try Self.run(["check", "--strict", "--base-url", "https://example.org/"], in: site).status == 0)
        #expect(try Self.run(["check", "--drafts"], in: site).status == 0, "the stub itself is valid content")
        let again = try Self.run(["new", "role", "Line Producer"], in: site)
        #expect(again.status == 3)
        #expect(again.stderr.contains("already exists"))
    }
}
