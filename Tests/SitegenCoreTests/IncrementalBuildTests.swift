import Foundation
import Testing

@testable import SitegenCache
@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The page cache: after any edit, a build that reuses the last build's pages gives exactly
/// the files a clean build gives, and it rewrites only the pages that changed.
@Suite struct IncrementalBuildTests {
    /// One edit of the fixture site, as files to write (nil removes a file).
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var files: [String: String?]
        var testDescription: String { name }
    }

    static let beta = try! String(contentsOf: Fixtures.url("Sites/basic/Content/roles/beta.md"), encoding: .utf8)
    static let config = try! String(contentsOf: Fixtures.url("Sites/basic/sitegen.yml"), encoding: .utf8)
    static let alpha = try! String(contentsOf: Fixtures.url("Sites/basic/Content/roles/alpha.md"), encoding: .utf8)

    static let edits: [Edit] = [
        Edit(name: "a role's body", files: ["Content/roles/alpha.md": alpha + "\nOne more sentence.\n"]),
        Edit(name: "the title of a role others show", files: ["Content/roles/beta.md": beta.replacingOccurrences(of: "title: Beta", with: "title: Bravo")]),
        Edit(
            name: "the summary of a role others show",
            files: ["Content/roles/beta.md": beta.replacingOccurrences(of: "Runs the day-to-day work.", with: "Runs every day.")]),
        Edit(
            name: "a role's comparison attribute",
            files: ["Content/roles/beta.md": beta.replacingOccurrences(of: "focus: Daily logistics", with: "focus: Logistics")]),
        Edit(name: "a role's duties", files: ["Content/roles/beta.md": beta.replacingOccurrences(of: "Books the crew", with: "Books the cast")]),
        Edit(name: "the home page", files: ["Content/index.md": "---\ntitle: Welcome\n---\nNew intro.\n"]),
        Edit(name: "a plain page", files: ["Content/about.md": "---\ntitle: About us\n---\nChanged.\n"]),
        Edit(
            name: "a new skill",
            files: ["Content/roles/beta.md": beta.replacingOccurrences(of: "[Budgeting, Scheduling]", with: "[Budgeting, Scheduling, Patience]")]),
        Edit(
            name: "a new role and comparison",
            files: ["Content/roles/epsilon.md": "---\ntitle: Epsilon\nsummary: New.\nduties: [a, b, c]\nskills: [Budgeting]\ncompare_with: [beta]\n---\nNew.\n"]
        ),
        Edit(name: "a role removed", files: ["Content/roles/gamma.md": nil]),
        Edit(
            name: "a draft published",
            files: ["Content/roles/gamma.md": "---\ntitle: Gamma\nsummary: Now public.\nduties: [One, Two, Three]\ncompare_with: [beta]\n---\nBody.\n"]),
        Edit(name: "comparison prose", files: ["Content/compare/alpha-vs-beta.md": "---\ntitle: Alpha vs Beta\nsummary: New summary.\n---\nChanged.\n"]),
        Edit(name: "the site title", files: ["sitegen.yml": config.replacingOccurrences(of: "title: Fixture Handbook", with: "title: Renamed Handbook")]),
        Edit(name: "a template", files: ["Templates/partials/footer.mustache": "<footer>Changed footer</footer>\n"]),
        // Pages that record what they read (a role's, a pair's) must see a new reader of a role.
        Edit(
            name: "a new reporting line",
            files: [
                "Content/roles/delta.md":
                    "---\ntitle: Delta\nsummary: Keeps the books.\ndepartment: Finance\nduties: [Tracks costs, Pays the crew, Reports to the studio]\nskills: [Budgeting]\nreports_to: [beta]\n---\nDelta keeps the accounts.\n"
            ]
        ),
        Edit(
            name: "a role no longer named by another",
            files: ["Content/roles/beta.md": beta.replacingOccurrences(of: "works_with: [alpha]\n", with: "")]),
    ]

    /// Builds `site` through the cache into Output/ and with `--no-cache` into `clean/`.
    static func buildBoth(_ site: TestSite) throws -> (cached: [Diagnostic], clean: [Diagnostic]) {
        var clean = site.options(output: site.root.appendingPathComponent("clean"))
        clean.useCache = false
        let cleanDiagnostics: [Diagnostic]
        do {
            _ = try BuildPipeline(options: clean).run()
            cleanDiagnostics = []
        } catch {
            cleanDiagnostics = error.diagnostics
        }
        return (site.build(), cleanDiagnostics)
    }

    @Test(arguments: edits)
    func anIncrementalBuildEqualsACleanBuild(edit: Edit) throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        for (path, text) in edit.files { try site.write(path, text) }
        let (cached, clean) = try Self.buildBoth(site)
        #expect(cached.map(\.description) == clean.map(\.description))
        #expect(snapshot(of: site.output) == snapshot(of: site.root.appendingPathComponent("clean")))
    }

    @Test func aBodyEditRewritesOnlyThatPage() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let folder = try Self.inode(site.output.path)
        let before = try Self.modificationTimes(site.output)
        Thread.sleep(forTimeInterval: 0.02)
        try site.write("Content/roles/alpha.md", Self.alpha + "\nOne more sentence.\n")
        #expect(site.build().isEmpty)
        #expect(try Self.inode(site.output.path) != folder, "a whole new folder, swapped in")
        let after = try Self.modificationTimes(site.output)
        // The search's files are named by their content: the new sentence's words make a new
        // chunk and word list at most (in place of old ones); nothing else is written.
        let isTerms = { (path: String) in path.hasPrefix("search/t.") || path.hasPrefix("search/w.") }
        #expect(after.keys.filter { !isTerms($0) }.sorted() == before.keys.filter { !isTerms($0) }.sorted())
        let renamed = Set(after.keys).subtracting(before.keys)
        #expect(renamed.allSatisfy(isTerms) && renamed.count <= 2 && renamed.count == Set(before.keys).subtracting(after.keys).count)
        let rewritten = after.keys.filter { !renamed.contains($0) && after[$0] != before[$0] }.sorted()
        #expect(rewritten == ["roles/alpha/index.html", "search/search-terms.js"])
    }

    @Test func aTitleEditBuildsAgainTheViewsThatShowTheRoleAndNoOther() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let first = try BuildPipeline(options: site.options()).run()
        #expect(first.built.filter { $0.hasSuffix(".html") }.count == first.pageCount)
        try site.write("Content/roles/beta.md", Self.beta.replacingOccurrences(of: "title: Beta", with: "title: Bravo"))
        let report = try BuildPipeline(options: site.options()).run()
        let roles = Set(report.built.filter { $0.hasPrefix("roles/") })
        // Beta's own pages, and Alpha's, which names Beta (it supervises Beta); Delta's shows nothing of Beta.
        #expect(roles.isSuperset(of: ["roles/beta/index.html", "roles/beta/duties/index.html", "roles/alpha/index.html"]))
        #expect(!roles.contains("roles/delta/index.html") && !roles.contains("roles/delta/duties/index.html"))
        #expect(report.built.contains("compare/alpha-vs-beta/index.html"))
        // The skill pages that list Beta, and not those that do not.
        #expect(report.built.contains("skills/scheduling/index.html") && !report.built.contains("skills/leadership/index.html"))
        // Nothing changed: nothing is built again.
        let again = try BuildPipeline(options: site.options()).run()
        #expect(again.built.isEmpty)
    }

    @Test func aTitleEditRewritesOnlyThePickersManifestAndThatRolesFile() throws {
        let site = try TestSite.copy(fixture: "Sites/pflege")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let isPicker = { (path: String) in path.hasPrefix(PickerData.folder) && path.hasSuffix(".js") }
        let before = try Self.modificationTimes(site.output).filter { isPicker($0.key) }
        Thread.sleep(forTimeInterval: 0.02)
        let path = "Content/roles/praxisanleitung.md"
        let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title: ") })
        try site.write(path, text.replacingOccurrences(of: String(title), with: "title: Praxisanleiterin"))
        #expect(site.build().isEmpty)
        let after = try Self.modificationTimes(site.output).filter { isPicker($0.key) }
        let gone = Set(before.keys).subtracting(after.keys)
        let new = Set(after.keys).subtracting(before.keys)
        // The role's file is renamed (its content changed); every other role file is kept as it was.
        #expect(gone.count == 1 && new.count == 1 && new.allSatisfy { $0.hasPrefix(PickerData.folder + "r.") })
        #expect(after.keys.filter { !new.contains($0) && after[$0] != before[$0] } == [PickerData.path])
        let manifest = try PickerDataTests.manifest(in: site.output)
        #expect((manifest["roles"] as? [[String]])?.contains { $0[1] == "Praxisanleiterin" && new.contains(PickerData.folder + $0[2] + ".js") } == true)
    }

    @Test func aFileRemovedFromTheOutputComesBack() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let page = site.output.appendingPathComponent("roles/beta/duties/index.html")
        let bytes = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        #expect(site.build().isEmpty)
        #expect(try Data(contentsOf: page) == bytes)
    }

    @Test func aManifestBelongsToOneOutputFolder() throws {
        // The manifest belongs to one output folder: a build into another folder, then back,
        // still gives the right files.
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        try site.write("Content/roles/beta.md", Self.beta.replacingOccurrences(of: "title: Beta", with: "title: Bravo"))
        #expect(site.build(output: site.root.appendingPathComponent("other")).isEmpty)
        #expect(site.build().isEmpty)
        #expect(snapshot(of: site.output) == snapshot(of: site.root.appendingPathComponent("other")))
    }

    @Test func aLostAnchorIsStillReportedAndTheOutputKept() throws {
        // alpha.md links to beta.md#skills; beta without skills has no such element.
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let before = snapshot(of: site.output)
        try site.write(
            "Content/roles/beta.md",
            Self.beta.replacingOccurrences(of: "skills: [Budgeting, Scheduling]\n", with: "").replacingOccurrences(of: "## Skills", with: "## Other"))
        let (cached, clean) = try Self.buildBoth(site)
        #expect(cached.map(\.description) == clean.map(\.description))
        #expect(cached.contains { $0.message.contains("broken link 'beta.md#skills'") || $0.message.contains("#skills") })
        #expect(snapshot(of: site.output) == before)
    }

    @Test func aDamagedManifestOrContentCacheIsDiscarded() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let folder = CacheFolder(siteRoot: site.root).url
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name != MarkdownCache.packName + ".pack" {
            var data = try Data(contentsOf: folder.appendingPathComponent(name))
            for offset in stride(from: 30, to: data.count, by: 41) { data[offset] ^= 0x5A }
            try data.write(to: folder.appendingPathComponent(name))
        }
        try site.write("Content/roles/beta.md", Self.beta.replacingOccurrences(of: "title: Beta", with: "title: Bravo"))
        let (cached, clean) = try Self.buildBoth(site)
        #expect(cached.isEmpty && clean.isEmpty)
        #expect(snapshot(of: site.output) == snapshot(of: site.root.appendingPathComponent("clean")))
    }

    static func inode(_ path: String) throws -> UInt64 {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }

    static func modificationTimes(_ folder: URL) throws -> [String: Date] {
        var times: [String: Date] = [:]
        for path in snapshot(of: folder).keys where path != OutputWriter.markerName {
            times[path] = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        return times
    }
}

/// The parsed-content cache gives back exactly what parsing gives.
@Suite struct ContentCacheTests {
    @Test func aCachedParseEqualsAFreshOne() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let loader = ContentLoader(root: site.root, displayPrefix: "")
        let fresh = loader.load(includeDrafts: true, cache: nil)
        _ = loader.load(includeDrafts: true, cache: ContentCache.memo(siteRoot: site.root))
        #expect(CacheFolder(siteRoot: site.root).pack(ContentCache.packName).count == site.markdownFiles.all.count, "one entry per Markdown file")
        let cached = loader.load(includeDrafts: true, cache: ContentCache.memo(siteRoot: site.root))
        let (freshContent, cachedContent) = (try #require(fresh.0), try #require(cached.0))
        #expect(cachedContent.roles == freshContent.roles)
        #expect(cachedContent.pages == freshContent.pages)
        #expect(cachedContent.home == freshContent.home)
        #expect(cachedContent.comparisonProse == freshContent.comparisonProse)
        #expect(cached.1 == fresh.1)
        // The digests a cached role carries are the ones its values give (roles compare by
        // their values only, so this is checked on its own).
        for role in cachedContent.roles {
            #expect(role.digests == Role(role.fields).digests, "\(role.slug)")
        }
        var fields = cachedContent.roles[0].fields
        fields.summary += " More."
        let edited = Role(fields)
        #expect(edited.digests.withoutBody != cachedContent.roles[0].digests.withoutBody)
        #expect(edited.digests.body == cachedContent.roles[0].digests.body)
    }

    @Test func aChangedFileIsParsedAgain() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let loader = ContentLoader(root: site.root, displayPrefix: "")
        _ = loader.load(includeDrafts: false, cache: ContentCache.memo(siteRoot: site.root))
        try site.write("Content/roles/producer.md", "---\ntitle: Showrunner\nsummary: S.\nduties: [a, b, c]\n---\n")
        let content = try #require(loader.load(includeDrafts: false, cache: ContentCache.memo(siteRoot: site.root)).0)
        #expect(content.roles.map(\.title).sorted() == ["Line Producer", "Showrunner"])
    }
}
