import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// Markdown rendered in worker processes: the same bytes as in-process rendering, and a hang
/// or crash inside cmark-gfm costs one located error, never the build process.
@Suite struct MarkdownWorkerTests {
    /// The sitegen executable built beside this test bundle.
    static var sitegen: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen"),
            Fixtures.repositoryRoot.appendingPathComponent(".build/debug/sitegen"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func workers(_ executable: URL? = sitegen, arguments: [String] = ["__markdown-worker"], count: Int = 2) throws -> MarkdownWorkers {
        let executable = try #require(executable, "build the sitegen executable first (swift build)")
        return MarkdownWorkers(executable: executable, arguments: arguments, count: count)
    }

    static func build(_ site: TestSite, workers: MarkdownWorkers?, output: URL? = nil) -> [Diagnostic] {
        var options = site.options(output: output)
        options.markdownWorkers = workers
        do {
            _ = try BuildPipeline(options: options).run()
            return []
        } catch {
            return error.diagnostics
        }
    }

    static let role = "---\ntitle: %@\nsummary: S.\nduties: [a, b, c]\ncompare_with: [producer]\n---\n"

    /// The published shapes of cmark-gfm 0.29 denial-of-service inputs, about 80 KB each.
    static let pathological: [String: String] = [
        "quotes-and-stars": String(repeating: ">", count: 40_000) + String(repeating: "a*", count: 20_000),
        "nested-images": String(repeating: "![[]()", count: 13_000),
        "wide-table": String(repeating: "|a", count: 200) + "\n" + String(repeating: "|-", count: 200) + "\n"
            + String(repeating: String(repeating: "|a", count: 200) + "\n", count: 200),
        "reference-definitions": String(repeating: "[a]: b\n", count: 12_000),
    ]

    @Test func workersRenderExactlyWhatInProcessRenderingDoes() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let inProcess = site.root.appendingPathComponent("in-process")
        let isolated = site.root.appendingPathComponent("isolated")
        #expect(Self.build(site, workers: nil, output: inProcess).isEmpty)
        #expect(Self.build(site, workers: try Self.workers(), output: isolated).isEmpty)
        #expect(snapshot(of: inProcess) == snapshot(of: isolated))
    }

    @Test func pathologicalInputsEndInLocatedErrorsWithinTheDeadline() throws {
        var files: [String: String?] = [:]
        for (name, body) in Self.pathological {
            files["Content/roles/\(name).md"] = String(format: Self.role, name) + body + "\n"
        }
        let site = try TestSite.make(files)
        defer { site.remove() }
        let started = Date()
        let diagnostics = Self.build(site, workers: try Self.workers())
        let elapsed = Date().timeIntervalSince(started)
        let messages = diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(messages.contains("Content/roles/quotes-and-stars.md: error: Markdown rendering did not finish in 2.8 s (input too complex for cmark-gfm)"))
        for message in messages where message.contains("Markdown rendering") {
            #expect(Self.pathological.keys.contains { message.hasPrefix("Content/roles/\($0).md: error: ") })
        }
        #expect(elapsed < 20, "took \(elapsed) s")
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build writes nothing")
    }

    @Test func aWorkerKilledMidDocumentIsReplaced() throws {
        let sitegen = try #require(Self.sitegen)
        let site = try TestSite.make()
        defer { site.remove() }
        // The first worker dies on its first request; the replacement is a real worker.
        let flag = site.root.appendingPathComponent("crashed-once").path
        let script = site.root.appendingPathComponent("flaky-worker.sh")
        try Data("#!/bin/sh\nif [ ! -e '\(flag)' ]; then touch '\(flag)'; head -c 4 >/dev/null; kill -9 $$; fi\nexec '\(sitegen.path)' \"$@\"\n".utf8).write(
            to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let diagnostics = Self.build(site, workers: try Self.workers(script, count: 1))
        let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(errors.count == 1, "\(errors)")
        #expect(
            errors.first?.hasSuffix(
                "error: Markdown rendering crashed (worker killed by SIGKILL, out of memory?); the input is too complex or malformed for cmark-gfm") == true)
        // Nothing else failed: every other document was rendered by the replacement.
        #expect(Self.build(site, workers: try Self.workers(script, count: 1)).isEmpty)
    }

    @Test func workersAreKeptForTheNextBuildAndReplacedWhenTheyDiedIdle() throws {
        let sitegen = try #require(Self.sitegen)
        let site = try TestSite.make()
        defer { site.remove() }
        // Each worker writes its process id on start; `exec` keeps the id.
        let starts = site.root.appendingPathComponent("starts").path
        let script = site.root.appendingPathComponent("counting-worker.sh")
        try Data("#!/bin/sh\necho $$ >> '\(starts)'\nexec '\(sitegen.path)' \"$@\"\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        var options = site.options()
        options.useCache = false
        options.markdownWorkers = try Self.workers(script, count: 2)
        _ = try BuildPipeline(options: options).run()
        let first = try String(contentsOfFile: starts, encoding: .utf8).split(separator: "\n")
        #expect((1...2).contains(first.count))
        _ = try BuildPipeline(options: options).run()
        #expect(try String(contentsOfFile: starts, encoding: .utf8).split(separator: "\n") == first, "the second build started no worker")
        // Idle workers that died are replaced, and no document is blamed for them.
        for pid in first { kill(pid_t(pid)!, SIGKILL) }
        usleep(100_000)
        _ = try BuildPipeline(options: options).run()
        #expect(try String(contentsOfFile: starts, encoding: .utf8).split(separator: "\n").count > first.count)
    }

    @Test func aWorkerThatCannotStartIsALocatedError() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let diagnostics = Self.build(site, workers: try Self.workers(URL(fileURLWithPath: "/bin/false"), arguments: []))
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.location?.file.hasPrefix("Content/roles/") == true && $0.message.hasPrefix("Markdown rendering crashed") })
    }
}
