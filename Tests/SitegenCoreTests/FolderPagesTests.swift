import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// Plain pages choose their layout, and a folder of pages gets a list page.
@Suite struct FolderPagesTests {
    static let guides: [String: String?] = [
        "Content/guides/start.md": "---\ntitle: Start here\nsummary: The first steps.\nweight: 2\n---\nHello.\n",
        "Content/guides/budgets.md": "---\ntitle: Budgets\nsummary: How money works.\nweight: 1\n---\nMoney.\n",
        "Content/guides/zebra.md": "---\ntitle: Zebra crossings\n---\nNo weight.\n",
        "Content/guides/apples.md": "---\ntitle: Apples\n---\nNo weight either.\n",
    ]

    @Test func aFolderOfPagesGetsAListPageByWeightThenTitle() throws {
        let site = try TestSite.make(Self.guides)
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let list = try String(contentsOf: site.output.appendingPathComponent("guides/index.html"), encoding: .utf8)
        #expect(list.contains("<h1>Guides</h1>"))
        let order = ["Budgets", "Start here", "Apples", "Zebra crossings"].map { list.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "by weight, then title")
        #expect(list.contains("href=\"start/\""))
        #expect(try String(contentsOf: site.output.appendingPathComponent("sitemap.xml"), encoding: .utf8).contains("/guides/</loc>"))
    }

    @Test func aFoldersIndexGivesItsTitleSummaryBodyAndLayout() throws {
        var files = Self.guides
        files["Content/guides/_index.md"] = "---\ntitle: Guides for newcomers\nsummary: Read these first.\nlayout: shelf\n---\nAn introduction.\n"
        files["Templates/layouts/shelf.mustache"] =
            "{{<base}}{{$main}}<h1>{{title}}</h1><p>{{summary}}</p>{{{bodyHTML}}}{{#pages}}<b>{{title}}</b>{{/pages}}{{/main}}{{/base}}"
        let site = try TestSite.make(files)
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let list = try String(contentsOf: site.output.appendingPathComponent("guides/index.html"), encoding: .utf8)
        #expect(list.contains("<h1>Guides for newcomers</h1><p>Read these first.</p><p>An introduction.</p>\n<b>Budgets</b>"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("guides/_index/index.html").path))
    }

    @Test func aPageChoosesItsLayoutAndAMissingOneIsReportedAtItsLine() throws {
        let site = try TestSite.make([
            "Content/about.md": "---\ntitle: About\nlayout: wide\n---\nText.\n",
            "Templates/layouts/wide.mustache": "{{<base}}{{$main}}<h1 class=\"wide\">{{title}}</h1>{{/main}}{{/base}}",
        ])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        #expect(try String(contentsOf: site.output.appendingPathComponent("about/index.html"), encoding: .utf8).contains("<h1 class=\"wide\">About</h1>"))
        try site.write("Content/about.md", "---\ntitle: About\nlayout: narrow\n---\nText.\n")
        #expect(site.build().map(\.description) == ["Content/about.md:3:1: error: the theme has no 'narrow' layout (Templates/layouts/narrow.mustache)"])
    }
}
