import Foundation
import Testing

@testable import SitegenCore
@testable import SitegenRender

/// `sitemap.xml` as the sitemaps.org protocol has it: one `urlset`, or past the limit of URLs
/// per file an index of parts that together list every page once.
@Suite struct SitemapTests {
    static let pages = ["a/index.html", "b/index.html", "c/index.html", "d/index.html", "index.html"]

    @Test func withoutABaseURLThereIsNoSitemapAndTheBuildSaysWhy() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let config = try String(contentsOf: site.root.appendingPathComponent("sitegen.yml"), encoding: .utf8)
        try site.write("sitegen.yml", config.replacingOccurrences(of: "base_url: https://example.org/test/\n", with: ""))
        let report = try BuildPipeline(options: site.options()).run()
        #expect(
            report.warnings.map(\.description) == [
                "sitegen.yml: warning: no sitemap.xml was written: a sitemap's addresses must be absolute, so it needs base_url (or --base-url)"
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("sitemap.xml").path))
        let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("sitemap.xml"), "the footer links no sitemap")
        #expect(try String(contentsOf: site.output.appendingPathComponent("robots.txt"), encoding: .utf8) == "User-agent: *\nAllow: /\n")
        // With one, every address is absolute.
        var options = site.options()
        options.baseURL = "https://example.org/h"
        #expect(try BuildPipeline(options: options).run().warnings.isEmpty)
        let sitemap = try String(contentsOf: site.output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("<loc>https://example.org/h/roles/producer/</loc>"))
        #expect(!sitemap.contains("<loc>/"))
        #expect(try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8).contains("sitemap.xml\">"))
    }

    @Test func upToTheLimitOneFileListsEveryPage() {
        #expect(SiteFiles.sitemapPaths(count: 5, limit: 5) == ["sitemap.xml"])
        let file = SiteFiles.sitemap(part: 0, pages: Self.pages, baseURL: "https://example.org/h/", limit: 5)
        let text = String(decoding: file.contents, as: UTF8.self)
        #expect(file.path == "sitemap.xml")
        #expect(text.contains("<urlset"))
        #expect(
            locations(text) == [
                "https://example.org/h/a/", "https://example.org/h/b/", "https://example.org/h/c/", "https://example.org/h/d/", "https://example.org/h/",
            ])
    }

    @Test func pastTheLimitAnIndexNamesPartsThatListEveryPageOnce() {
        let paths = SiteFiles.sitemapPaths(count: 5, limit: 2)
        #expect(paths == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        let files = paths.indices.map { SiteFiles.sitemap(part: $0, pages: Self.pages, baseURL: "https://example.org/", limit: 2) }
        #expect(files.map(\.path) == paths)
        let index = String(decoding: files[0].contents, as: UTF8.self)
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        #expect(locations(index) == ["https://example.org/sitemap-1.xml", "https://example.org/sitemap-2.xml", "https://example.org/sitemap-3.xml"])
        let listed = files.dropFirst().map { String(decoding: $0.contents, as: UTF8.self) }
        #expect(listed.allSatisfy { $0.contains("<urlset") && locations($0).count <= 2 })
        #expect(listed.flatMap(locations) == Self.pages.map { "https://example.org/" + $0.replacingOccurrences(of: "index.html", with: "") })
    }

    /// The `<loc>` values of a sitemap, in order.
    func locations(_ xml: String) -> [String] {
        xml.components(separatedBy: "<loc>").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }
}
