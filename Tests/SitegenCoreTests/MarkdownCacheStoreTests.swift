import Foundation
import SitegenMarkdown
import Testing

@testable import SitegenCore

/// The Markdown cache's pack file: written whole through a temporary file, read back entry by
/// entry, damaged entries ignored one by one.
@Suite struct MarkdownCacheStoreTests {
    static func entry(_ text: String, _ path: String = "roles/a.md") -> (request: Data, response: Data) {
        let options = MarkdownOptions(documentPath: path)
        return (MarkdownWire.encodeRequest(text, options), MarkdownWire.encodeResponse(MarkdownRenderer.render(text, options: options)))
    }

    @Test func savingCreatesTheFolderAndLeavesOnlyThePack() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let cache = MarkdownCache(siteRoot: site.root)
        #expect(!FileManager.default.fileExists(atPath: cache.folder.path))
        let entries = [Self.entry("# A\n\nText [b](b.md).\n"), Self.entry("# B\n", "roles/b.md")]
        cache.save(entries.map { (MarkdownCache.key($0.request), $0.response) })
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.path) == [MarkdownCache.packName])
        let pack = cache.load()
        #expect(pack.count == 2)
        for (request, response) in entries { #expect(pack.response(to: request) == response) }
        #expect(pack.lookup(entries[0].request) == MarkdownRenderer.render("# A\n\nText [b](b.md).\n", options: MarkdownOptions(documentPath: "roles/a.md")))
    }

    @Test func aDamagedEntryIsIgnoredAndTheOthersKept() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let cache = MarkdownCache(siteRoot: site.root)
        let first = Self.entry("# A\n")
        let second = Self.entry("# B\n", "roles/b.md")
        cache.save([first, second].map { (MarkdownCache.key($0.request), $0.response) })
        var data = try Data(contentsOf: cache.packURL)
        // The last byte of the first entry's response.
        let offset = data.range(of: first.response)!.upperBound - 1
        data[offset] ^= 0xFF
        try data.write(to: cache.packURL)
        let pack = cache.load()
        #expect(pack.lookup(first.request) == nil)
        #expect(pack.response(to: second.request) == second.response)
    }

    @Test func savingRemovesOtherCacheVersions() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let cache = MarkdownCache(siteRoot: site.root)
        let old = cache.folder.deletingLastPathComponent().appendingPathComponent("sitegen-0.0.1-markdown-1")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        cache.save([Self.entry("# A\n")].map { (MarkdownCache.key($0.request), $0.response) })
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder.deletingLastPathComponent().path) == [MarkdownCache.formatVersion])
    }

    @Test func anUnwritableFolderOnlyCostsTheCache() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        // A file where the cache folder should be: nothing can be stored, and nothing fails.
        try Data("x".utf8).write(to: site.root.appendingPathComponent(MarkdownCache.folderName))
        let cache = MarkdownCache(siteRoot: site.root)
        let entry = Self.entry("# A\n")
        cache.save([(MarkdownCache.key(entry.request), entry.response)])
        #expect(cache.load().lookup(entry.request) == nil)
        #expect(site.build().isEmpty)
    }
}
