import Foundation
import SitegenMarkdown
import Testing

@testable import SitegenCore

/// Rendered Markdown reused between builds: identical output, and nothing untrustworthy used.
@Suite struct MarkdownCacheTests {
    static func cacheFiles(_ site: TestSite) -> [URL] {
        let folder = MarkdownCache(siteRoot: site.root).folder
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).map { folder.appendingPathComponent($0) }
    }

    @Test func aCachedBuildIsByteIdenticalToACleanOne() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        var clean = site.options(output: site.root.appendingPathComponent("clean"))
        clean.useCache = false
        _ = try BuildPipeline(options: clean).run()
        #expect(Self.cacheFiles(site).isEmpty, "--no-cache writes no cache")
        #expect(site.build(output: site.root.appendingPathComponent("first")).isEmpty)
        #expect(Self.cacheFiles(site).count == 5, "one entry per Markdown document")
        #expect(site.build(output: site.root.appendingPathComponent("cached")).isEmpty)
        #expect(snapshot(of: site.root.appendingPathComponent("cached")) == snapshot(of: site.root.appendingPathComponent("clean")))
    }

    @Test func aCorruptCacheIsDiscarded() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build(output: site.root.appendingPathComponent("first")).isEmpty)
        for (index, file) in Self.cacheFiles(site).enumerated() {
            var data = try Data(contentsOf: file)
            switch index % 3 {
            case 0: data = data.prefix(data.count / 2)  // truncated
            case 1: data[data.count - 20] ^= 0xFF  // flipped bits in the rendered part
            default: data = Data("garbage".utf8)
            }
            try data.write(to: file)
        }
        #expect(site.build(output: site.root.appendingPathComponent("after")).isEmpty)
        var clean = site.options(output: site.root.appendingPathComponent("clean"))
        clean.useCache = false
        _ = try BuildPipeline(options: clean).run()
        #expect(snapshot(of: site.root.appendingPathComponent("after")) == snapshot(of: site.root.appendingPathComponent("clean")))
    }

    @Test func anEntryIsUsedOnlyForTheExactRequest() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let cache = MarkdownCache(siteRoot: site.root)
        let options = MarkdownOptions(documentPath: "roles/a.md")
        let request = MarkdownWire.encodeRequest("# A\n", options)
        let other = MarkdownWire.encodeRequest("# B\n", options)
        cache.store(request, MarkdownRenderer.render("# A\n", options: options))
        #expect(cache.lookup(request) != nil)
        #expect(cache.lookup(other) == nil)
    }
}
