import Foundation
import SitegenMarkdown
import Testing

@testable import SitegenCache
@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// Rendered Markdown reused between builds: identical output, and nothing untrustworthy used.
@Suite struct MarkdownCacheTests {
    static func cachedEntries(_ site: TestSite) -> Int { MarkdownCache(siteRoot: site.root).count }

    /// The basic fixture's Markdown fields (alpha's `notes`), each a document of its own.
    static let markdownFields = 1

    @Test func aCachedBuildIsByteIdenticalToACleanOne() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        var clean = site.options(output: site.root.appendingPathComponent("clean"))
        clean.useCache = false
        _ = try BuildPipeline(options: clean).run()
        #expect(Self.cachedEntries(site) == 0, "--no-cache writes no cache")
        #expect(site.build(output: site.root.appendingPathComponent("first")).isEmpty)
        #expect(
            Self.cachedEntries(site) == site.markdownFiles.all.count - site.markdownFiles.drafts + Self.markdownFields,
            "one entry per published Markdown document")
        #expect(site.build(output: site.root.appendingPathComponent("cached")).isEmpty)
        #expect(snapshot(of: site.root.appendingPathComponent("cached")) == snapshot(of: site.root.appendingPathComponent("clean")))
    }

    @Test(arguments: ["truncated", "flipped", "garbage"])
    func aCorruptCacheIsDiscarded(damage: String) throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build(output: site.root.appendingPathComponent("first")).isEmpty)
        let pack = CacheFolder(siteRoot: site.root).packURL(MarkdownCache.packName)
        var data = try Data(contentsOf: pack)
        switch damage {
        case "truncated": data = data.prefix(data.count / 2)
        case "flipped": for offset in stride(from: 40, to: data.count, by: 97) { data[offset] ^= 0xFF }
        default: data = Data("garbage".utf8)
        }
        try data.write(to: pack)
        #expect(site.build(output: site.root.appendingPathComponent("after")).isEmpty)
        var clean = site.options(output: site.root.appendingPathComponent("clean"))
        clean.useCache = false
        _ = try BuildPipeline(options: clean).run()
        #expect(snapshot(of: site.root.appendingPathComponent("after")) == snapshot(of: site.root.appendingPathComponent("clean")))
        #expect(Self.cachedEntries(site) == site.markdownFiles.all.count - site.markdownFiles.drafts + Self.markdownFields, "the damaged pack was replaced")
    }

    @Test func anEntryIsUsedOnlyForTheExactRequest() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let cache = MarkdownCache(siteRoot: site.root)
        let options = MarkdownOptions(documentPath: "roles/a.md")
        let key = MarkdownCache.key(text: "# A\n", options: options)
        let other = MarkdownCache.key(text: "# B\n", options: options)
        let elsewhere = MarkdownCache.key(text: "# A\n", options: MarkdownOptions(documentPath: "roles/b.md"))
        cache.store(fresh: [(key, [UInt8](MarkdownWire.encodeResponse(MarkdownRenderer.render("# A\n", options: options))))], live: [key])
        #expect(MarkdownCache(siteRoot: site.root).lookup(key: key) != nil)
        #expect(MarkdownCache(siteRoot: site.root).lookup(key: other) == nil)
        #expect(MarkdownCache(siteRoot: site.root).lookup(key: elsewhere) == nil)
    }
}
