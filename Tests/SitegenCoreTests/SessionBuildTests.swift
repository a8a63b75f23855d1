import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenSupport

/// The oracle of the resident builds of `sitegen serve` (`BuildSession`): every edit of the
/// cache's oracle (`OracleBuildTests`), built by one session that keeps its parses between
/// builds and is told which files changed, gives exactly the bytes and diagnostics of a
/// `--no-cache` build; and so does a build whose watcher missed the edit, since a file's
/// status is looked at too. Body edits, which reuse the last resolved site, are among them.
@Suite struct SessionBuildTests {
    /// The site's source files (everything but its outputs and cache), relative path → bytes.
    static func sources(_ site: TestSite) -> [String: Data] {
        snapshot(of: site.root).filter { path, _ in
            !path.hasPrefix("Output") && !path.hasPrefix("clean/") && !path.hasPrefix(".sitegen")
        }
    }

    /// The paths that differ between two snapshots of the sources, as a watcher names them.
    static func changed(_ before: [String: Data], _ after: [String: Data]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// Builds with the session; the diagnostics of a failure, or an empty list.
    static func build(_ session: BuildSession, changed: [String]?) -> [Diagnostic] {
        do {
            _ = try session.build(changed: changed)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// A clean `--no-cache` build of the site into `clean/`: its diagnostics.
    static func cleanBuild(_ site: TestSite) -> [Diagnostic] {
        var clean = site.options(output: site.root.appendingPathComponent("clean"))
        clean.useCache = false
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("clean"))
        do {
            _ = try BuildPipeline(options: clean).run()
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// Builds `site` with one session (twice), applies `edit`, builds again naming the changed files
    /// (or none, when `watcherMisses`), and compares the output with a clean build; then builds
    /// once more with nothing changed, which must give the same.
    static func check(_ site: TestSite, edit: OracleBuildTests.Edit, watcherMisses: Bool = false, mustChange: Bool = false) throws {
        try edit.prepare?(site)
        let session = BuildSession(options: site.options())
        defer { session.finish() }
        #expect(build(session, changed: nil).isEmpty)
        // Once more, unchanged: the session has then digested the table of reads the first
        // build recorded, and keeps those digests (`KeptReadDigests`) when the edit comes.
        #expect(build(session, changed: []).isEmpty)
        let output = snapshot(of: site.output)
        let before = sources(site)
        // The file system's clock is coarse: an edit in the same tick as the read keeps a
        // file's times. The watcher names such a file; a test that claims to miss it must wait.
        if watcherMisses { Thread.sleep(forTimeInterval: 0.02) }
        try edit.apply(site)
        let named = changed(before, sources(site))
        let resident = build(session, changed: watcherMisses ? [] : named)
        let clean = cleanBuild(site)
        #expect(resident.map(\.description) == clean.map(\.description))
        if resident.containsErrors {
            #expect(snapshot(of: site.output) == output, "a failed build leaves the output as it was")
        } else {
            #expect(snapshot(of: site.output) == snapshot(of: site.root.appendingPathComponent("clean")))
            if mustChange { #expect(snapshot(of: site.output) != output, "the edit changes the site") }
        }
        #expect(build(session, changed: []).map(\.description) == clean.map(\.description))
        if clean.isEmpty { #expect(snapshot(of: site.output) == snapshot(of: site.root.appendingPathComponent("clean"))) }
    }

    @Test(arguments: OracleBuildTests.fieldEdits + OracleBuildTests.configEdits + OracleBuildTests.themeEdits + OracleBuildTests.fileEdits)
    func aResidentBuildAfterAnEditEqualsACleanBuild(edit: OracleBuildTests.Edit) throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        try Self.check(site, edit: edit)
    }

    @Test(arguments: OracleBuildTests.languageEdits)
    func aResidentBuildOfATwoLanguageSiteAfterAnEditEqualsACleanBuild(edit: OracleBuildTests.Edit) throws {
        let site = try TestSite.copy(fixture: "Sites/library")
        defer { site.remove() }
        try Self.check(site, edit: edit, mustChange: true)
    }

    /// Edits a resident build answers without resolving the site again (only role bodies
    /// changed), and the edits next to them that must resolve again.
    static let bodyEdits: [OracleBuildTests.Edit] = [
        OracleBuildTests.Edit(name: "a role body edited") { site in
            let path = "Content/roles/alpha.md"
            try site.write(path, try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8) + "\nOne more [link](beta.md).\n")
        },
        OracleBuildTests.Edit(name: "two role bodies edited, one emptied") { site in
            for (name, extra) in [("beta", "\nA new paragraph.\n"), ("delta", nil)] {
                let path = "Content/roles/\(name).md"
                let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
                let end = try #require(text.range(of: "\n---\n", range: text.index(after: text.startIndex)..<text.endIndex))
                try site.write(path, extra.map { text + $0 } ?? String(text[..<end.upperBound]))
            }
        },
        OracleBuildTests.Edit(name: "a role body edited with a link to no page") { site in
            let path = "Content/roles/alpha.md"
            try site.write(path, try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8) + "\nSee [nothing](missing.md).\n")
        },
        OracleBuildTests.Edit(name: "a comparison prose body edited") { site in
            let path = "Content/compare/alpha-vs-beta.md"
            try site.write(path, try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8) + "\nMore prose.\n")
        },
        OracleBuildTests.Edit(name: "a role body and title edited") { site in
            let path = "Content/roles/beta.md"
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            try site.write(path, text.replacingOccurrences(of: "title: Beta", with: "title: Beta Prime") + "\nMore.\n")
        },
    ]

    @Test(arguments: bodyEdits)
    func aResidentBuildAfterABodyEditEqualsACleanBuild(edit: OracleBuildTests.Edit) throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        try Self.check(site, edit: edit, mustChange: true)
    }

    /// Edits of role files a watcher did not report: the file's status still shows them.
    @Test(arguments: OracleBuildTests.fieldEdits.filter { $0.subject == "role field 'title'" || $0.subject == "role field 'duties'" })
    func anEditTheWatcherMissedIsStillSeen(edit: OracleBuildTests.Edit) throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        try Self.check(site, edit: edit, watcherMisses: true)
    }

    /// A file the watcher names is read again even when its status looks as it did (a change
    /// in the same tick of the file system's clock, with the same size, keeps a file's times);
    /// one whose status changed is read again though nobody named it.
    @Test func theKeptParsesAnswerOnlyForAnUnchangedUnnamedFile() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let url = site.root.appendingPathComponent("Content/roles/alpha.md")
        let parses = ResidentParses()
        // What the loader takes for a file: its kept entry, when the status is the one recorded.
        let entry = { (path: String, status: ResidentParses.Status, schema: Digest) in
            parses.files(for: schema)[path].flatMap { $0.status == status ? $0 : nil }
        }
        let status = try #require(ResidentParses.status(of: url.path))
        let kept = ResidentParses.Kept(status: status, stamp: Digest(high: 1, low: 2), entry: (nil, []))
        _ = parses.files(for: .zero)
        parses.keep([("roles/alpha.md", kept), ("roles/beta.md", kept)], live: ["roles/alpha.md", "roles/beta.md"])
        #expect(entry("roles/alpha.md", status, .zero)?.stamp == Digest(high: 1, low: 2))
        parses.forget(["roles/alpha.md"])
        #expect(entry("roles/alpha.md", status, .zero) == nil, "named by the watcher")
        #expect(entry("roles/beta.md", status, .zero) != nil)
        parses.forget(["roles"])
        #expect(entry("roles/beta.md", status, .zero) == nil, "below a folder the watcher named")

        parses.keep([("roles/alpha.md", kept)], live: ["roles/alpha.md"])
        Thread.sleep(forTimeInterval: 0.02)
        try site.write("Content/roles/alpha.md", try String(contentsOf: url, encoding: .utf8))
        let rewritten = try #require(ResidentParses.status(of: url.path))
        #expect(rewritten != status, "the same bytes written again: another change time")
        #expect(entry("roles/alpha.md", rewritten, .zero) == nil)
        #expect(entry("roles/alpha.md", status, .zero) != nil)
        #expect(entry("roles/alpha.md", status, Digest(high: 3, low: 4)) == nil, "another schema's parses are dropped")
    }
}
