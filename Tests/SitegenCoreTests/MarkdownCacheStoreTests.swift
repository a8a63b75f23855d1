import Foundation
import SitegenMarkdown
import Testing

@testable import SitegenCache
@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The Markdown cache's pack: written through the cache folder, read back entry by entry,
/// damaged entries ignored one by one, and kept to about twice the live renderings.
@Suite struct MarkdownCacheStoreTests {
    static func entry(_ text: String, _ path: String = "roles/a.md") -> (key: Digest, request: Digest, response: Data) {
        let options = MarkdownOptions(documentPath: path)
        let key = MarkdownCache.key(text: text, options: options)
        return (key, key, MarkdownWire.encodeResponse(MarkdownRenderer.render(text, options: options)))
    }

    static func store(_ entries: [(key: Digest, request: Digest, response: Data)], in site: TestSite) {
        MarkdownCache(siteRoot: site.root).store(fresh: entries.map { ($0.key, [UInt8]($0.response)) }, live: entries.map(\.key))
    }

    @Test func storingCreatesTheFolderAndLeavesOnlyThePack() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let folder = CacheFolder(siteRoot: site.root)
        #expect(!FileManager.default.fileExists(atPath: folder.url.path))
        let entries = [Self.entry("# A\n\nText [b](b.md).\n"), Self.entry("# B\n", "roles/b.md")]
        Self.store(entries, in: site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == [MarkdownCache.packName + ".pack"])
        let cache = MarkdownCache(siteRoot: site.root)
        #expect(cache.count == 2)
        for entry in entries { #expect(cache.response(forKey: entry.key) == entry.response) }
        #expect(
            cache.lookup(key: entries[0].request) == MarkdownRenderer.render("# A\n\nText [b](b.md).\n", options: MarkdownOptions(documentPath: "roles/a.md")))
    }

    @Test func aDamagedEntryIsIgnoredAndTheOthersKept() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let first = Self.entry("# A\n")
        let second = Self.entry("# B\n", "roles/b.md")
        Self.store([first, second], in: site)
        let url = CacheFolder(siteRoot: site.root).packURL(MarkdownCache.packName)
        var data = try Data(contentsOf: url)
        // The last byte of the first entry's response.
        let offset = data.range(of: first.response)!.upperBound - 1
        data[offset] ^= 0xFF
        try data.write(to: url)
        let cache = MarkdownCache(siteRoot: site.root)
        #expect(cache.lookup(key: first.request) == nil)
        #expect(cache.response(forKey: second.key) == second.response)
    }

    @Test func aPackFromAnotherSitegenIsNotRead() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let entry = Self.entry("# A\n")
        Self.store([entry], in: site)
        let url = CacheFolder(siteRoot: site.root).packURL(MarkdownCache.packName)
        var text = try Data(contentsOf: url)
        // The header names the binary that wrote the pack: another digest is another binary.
        let header = Data(CacheFolder.header(MarkdownCache.packName).utf8)
        text.replaceSubrange(
            0..<header.count,
            with: Data(CacheFolder.header(MarkdownCache.packName).replacingOccurrences(of: "\(CacheFolder.binary)", with: "\(Digest.zero)").utf8))
        try text.write(to: url)
        #expect(MarkdownCache(siteRoot: site.root).lookup(key: entry.request) == nil)
    }

    @Test func storingRemovesOtherCacheVersions() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let folder = CacheFolder(siteRoot: site.root)
        let old = folder.url.deletingLastPathComponent().appendingPathComponent("sitegen-0.1.0-markdown-5")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        Self.store([Self.entry("# A\n")], in: site)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.deletingLastPathComponent().path) == [CacheFolder.version])
    }

    @Test func anUnwritableFolderOnlyCostsTheCache() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        // A file where the cache folder should be: nothing can be stored, and nothing fails.
        try Data("x".utf8).write(to: site.root.appendingPathComponent(CacheFolder.name))
        let entry = Self.entry("# A\n")
        Self.store([entry], in: site)
        #expect(MarkdownCache(siteRoot: site.root).lookup(key: entry.request) == nil)
        #expect(site.build().isEmpty)
    }

    @Test func bodyEditsDoNotPileUp() throws {
        // Measured on 02970d0: six body edits grew the pack from 2.6 KB to 66.9 KB. Each edit
        // leaves a dead rendering behind; the pack stays within twice the site's documents.
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let url = CacheFolder(siteRoot: site.root).packURL(MarkdownCache.packName)
        let alpha = try String(contentsOf: site.root.appendingPathComponent("Content/roles/alpha.md"), encoding: .utf8)
        let documents = MarkdownCache(siteRoot: site.root).count
        for edit in 1...30 {
            try site.write("Content/roles/alpha.md", alpha + "\nEdit \(edit).\n")
            #expect(site.build().isEmpty)
            let pack = CachePack(contentsOf: url, header: CacheFolder.header(MarkdownCache.packName))
            #expect(pack.entryCount <= max(2 * documents, 16), "edit \(edit): \(pack.entryCount) entries for \(documents) documents")
        }
    }
}
