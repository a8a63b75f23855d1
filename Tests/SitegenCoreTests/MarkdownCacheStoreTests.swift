import Foundation
import SitegenMarkdown
import Testing

@testable import SitegenCore

/// Storing cache entries: temporary file and rename, no leftovers, a folder made on demand.
@Suite struct MarkdownCacheStoreTests {
    static func entries(_ cache: MarkdownCache) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder.path)) ?? []).sorted()
    }

    @Test func storingCreatesTheFolderAndLeavesOnlyTheEntry() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let cache = MarkdownCache(siteRoot: site.root)
        #expect(!FileManager.default.fileExists(atPath: cache.folder.path))
        let options = MarkdownOptions(documentPath: "roles/a.md")
        let request = MarkdownWire.encodeRequest("# A\n\nText [b](b.md).\n", options)
        let rendered = MarkdownRenderer.render("# A\n\nText [b](b.md).\n", options: options)
        cache.store(request, rendered)
        #expect(Self.entries(cache).count == 1)
        #expect(Self.entries(cache).allSatisfy { $0.hasSuffix(".md-cache") && !$0.hasPrefix(".") })
        #expect(cache.lookup(request) == rendered)
    }

    @Test func storingAgainReplacesTheEntry() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let cache = MarkdownCache(siteRoot: site.root)
        let options = MarkdownOptions(documentPath: "roles/a.md")
        let request = MarkdownWire.encodeRequest("# A\n", options)
        cache.store(request, MarkdownRenderer.render("# Other\n", options: options))
        cache.store(request, MarkdownRenderer.render("# A\n", options: options))
        #expect(Self.entries(cache).count == 1)
        #expect(cache.lookup(request) == MarkdownRenderer.render("# A\n", options: options))
    }

    @Test func manyThreadsStoringTheSameEntryLeaveOneValidEntry() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let cache = MarkdownCache(siteRoot: site.root)
        let options = MarkdownOptions(documentPath: "roles/a.md")
        let request = MarkdownWire.encodeRequest("# A\n", options)
        let rendered = MarkdownRenderer.render("# A\n", options: options)
        _ = Array(0..<64).parallelMap { _ in cache.store(request, rendered) }
        #expect(Self.entries(cache).count == 1)
        #expect(cache.lookup(request) == rendered)
    }

    @Test func anUnwritableFolderOnlyCostsTheEntry() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        // A file where the cache folder should be: nothing can be stored, and nothing fails.
        try Data("x".utf8).write(to: site.root.appendingPathComponent(MarkdownCache.folderName))
        let cache = MarkdownCache(siteRoot: site.root)
        let options = MarkdownOptions(documentPath: "roles/a.md")
        let request = MarkdownWire.encodeRequest("# A\n", options)
        cache.store(request, MarkdownRenderer.render("# A\n", options: options))
        #expect(cache.lookup(request) == nil)
    }
}
