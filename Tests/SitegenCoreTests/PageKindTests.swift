import Foundation
import SitegenTemplates
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// A page kind is one type and one layout: the pipeline derives the layout it needs, the
/// Markdown it shows, its sitemap entries and its fingerprints from the kind's specs.
@Suite struct PageKindTests {
    /// `/titles/`: every role's other titles. The whole of a new kind, searchable.
    enum TitlesPage: PageKind {
        static func pages(_ context: RenderContext) -> [PageSpec] {
            let search = SearchIndex.Document(
                kind: .page, textsKey: Digest.of(text: "titles"),
                record: { .init(title: "Other titles", url: "titles/", summary: "What else each role is called.") },
                texts: { ([("Other titles", 3), ("synonymy of roles", 0)], "synonymy of roles") })
            return [
                .page(url: "titles/", layout: "titles", search: search) { context in
                    let rows = context.site.roles.map { FactView(label: $0.title, value: $0.alternateTitles.joined(separator: ", ")) }
                    let view = ListView(title: "Other titles", summary: "What else each role is called.", values: ["rows": rows])
                    return context.view(url: "titles/", title: view.title, description: view.summary, content: view)
                }
            ]
        }
    }

    static let layout = """
        {{<base}}{{$main}}<h1>{{title}}</h1><dl>{{#rows}}<dt>{{label}}</dt><dd>{{value}}</dd>{{/rows}}</dl>{{/main}}{{/base}}
        """

    static func options(_ site: TestSite, output: URL? = nil) -> BuildOptions {
        var options = site.options(output: output)
        options.pageKinds = PageKinds.all + [TitlesPage.self]
        return options
    }

    @Test func aNewKindNeedsOnlyItsTypeAndItsLayout() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        try site.write("Templates/layouts/titles.mustache", Self.layout)
        _ = try BuildPipeline(options: Self.options(site)).run()
        let page = try String(contentsOf: site.output.appendingPathComponent("titles/index.html"), encoding: .utf8)
        #expect(page.contains("<dt>Alpha &lt;Lead&gt; &amp; &quot;Chief&quot;</dt><dd>A-lead</dd>"))
        let sitemap = try String(contentsOf: site.output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(sitemap.contains("handbook/titles/</loc>"))
        // Its search document is in the index: its record and the words of its text.
        let search = site.output.appendingPathComponent("search")
        let index = try FileManager.default.contentsOfDirectory(atPath: search.path).map {
            try String(contentsOf: search.appendingPathComponent($0), encoding: .utf8)
        }
        #expect(index.contains { $0.contains("\"Other titles\",\"titles/\"") })
        #expect(index.contains { $0.contains("\"synonymy\":") })
        // Its fingerprints come from its view: an edit of what it shows re-renders it, through the cache.
        let alpha = try String(contentsOf: site.root.appendingPathComponent("Content/roles/alpha.md"), encoding: .utf8)
        try site.write("Content/roles/alpha.md", alpha.replacingOccurrences(of: "alternate_titles: [A-lead]", with: "alternate_titles: [A-chief]"))
        _ = try BuildPipeline(options: Self.options(site)).run()
        var clean = Self.options(site, output: site.root.appendingPathComponent("clean"))
        clean.useCache = false
        _ = try BuildPipeline(options: clean).run()
        #expect(snapshot(of: site.output) == snapshot(of: site.root.appendingPathComponent("clean")))
        #expect(try String(contentsOf: site.output.appendingPathComponent("titles/index.html"), encoding: .utf8).contains("<dd>A-chief</dd>"))
    }

    @Test func aKindWhoseLayoutIsMissingIsReportedBeforeRendering() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        do {
            _ = try BuildPipeline(options: Self.options(site)).run()
            Issue.record("the build succeeded without the layout")
        } catch {
            #expect(error.step == .renderingPages)
            #expect(error.diagnostics.map(\.message) == ["the theme has no 'titles' layout (Templates/layouts/titles.mustache)"])
        }
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}
