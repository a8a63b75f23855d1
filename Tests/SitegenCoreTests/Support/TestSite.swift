import Foundation

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// A small site written to a temporary folder, for tests that build from files.
struct TestSite {
    let root: URL

    /// A valid three-file site; `files` replaces or adds files (a nil value removes one).
    static func make(_ files: [String: String?] = [:]) throws -> TestSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-test-\(UUID().uuidString)")
        var all: [String: String?] = [
            "sitegen.yml": """
            title: Test Site
            base_url: https://example.org/test/
            schema:
              fields:
                focus: {type: text, label: Focus}
              compare: [focus]
            """,
            "Content/roles/producer.md": """
            ---
            title: Producer
            summary: Runs the project.
            duties: [Finds the story, Hires the crew, Delivers the film]
            skills: [Budgeting, Leadership]
            compare_with: [line-producer]
            focus: The whole project
            ---
            Body.
            """,
            "Content/roles/line-producer.md": """
            ---
            title: Line Producer
            summary: Runs the physical production.
            duties: [Builds the budget, Hires the crew, Tracks costs]
            skills: [Budgeting, Scheduling]
            ---
            Body.
            """,
        ]
        for (path, text) in files { all[path] = text }
        for (path, text) in all {
            guard let text else { continue }
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return TestSite(root: root)
    }

    /// A copy of a fixture folder under Tests/Fixtures.
    static func copy(fixture: String) throws -> TestSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-test-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Fixtures.url(fixture), to: root)
        return TestSite(root: root)
    }

    var output: URL { root.appendingPathComponent("Output") }

    func options(output: URL? = nil, drafts: Bool = false) -> BuildOptions {
        BuildOptions(source: root, output: output ?? self.output, includeDrafts: drafts, displayPrefix: "")
    }

    /// Builds the site; returns the diagnostics of a failure (or an empty list on success).
    @discardableResult
    func build(output: URL? = nil, drafts: Bool = false) -> [Diagnostic] {
        do {
            _ = try BuildPipeline(options: options(output: output, drafts: drafts)).run()
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Writes (or with nil, removes) a file of the site.
    func write(_ path: String, _ text: String?) throws {
        let url = root.appendingPathComponent(path)
        guard let text else {
            try FileManager.default.removeItem(at: url)
            return
        }
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// The site's Markdown files (content paths), and how many of them are drafts.
    var markdownFiles: (all: [String], drafts: Int) {
        let content = root.appendingPathComponent("Content")
        let all = snapshot(of: content).filter { $0.key.hasSuffix(".md") }
        return (all.keys.sorted(), all.values.filter { String(decoding: $0, as: UTF8.self).contains("\ndraft: true\n") }.count)
    }
}

/// Paths of the checked-in fixtures.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ relative: String) -> URL { folder.appendingPathComponent(relative) }

    static let repositoryRoot = folder.deletingLastPathComponent().deletingLastPathComponent()
}

/// Every regular file below a folder: relative path → bytes.
func snapshot(of folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
    let base = folder.standardizedFileURL.path
    for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
        let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
        // The marker carries each full build's own token; its text without it is compared.
        if path == OutputWriter.markerName {
            let text = String(decoding: FileManager.default.contents(atPath: url.path) ?? Data(), as: UTF8.self)
            files[path] = Data(text.split(separator: "\n").filter { !$0.hasPrefix("build: ") }.joined(separator: "\n").utf8)
            continue
        }
        files[path] = FileManager.default.contents(atPath: url.path)
    }
    return files
}
