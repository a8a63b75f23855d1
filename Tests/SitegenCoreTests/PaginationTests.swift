import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender

/// Long lists come in numbered pages of `page_size`, linked in both directions; a list that
/// fits stays one page.
@Suite struct PaginationTests {
    /// A site of `count` roles, all in one department and with one skill, with this page size.
    static func site(roles count: Int, pageSize: Int?) throws -> TestSite {
        var files: [String: String?] = [
            "sitegen.yml":
                "title: Big\nbase_url: https://example.org/big/\n\(pageSize.map { "page_size: \($0)\n" } ?? "")schema:\n  fields:\n    team: {type: term, label: Team, url: teams}\n  group_by: team\n",
            "Content/roles/producer.md": nil, "Content/roles/line-producer.md": nil,
        ]
        for number in 1...count {
            let next = number == count ? 1 : number + 1
            files["Content/roles/role-\(number).md"] =
                "---\ntitle: Role \(number)\nsummary: Does job \(number).\nteam: Ops\nduties: [a, b, c]\nskills: [Planning]\ncompare_with: [role-\(next)]\n---\nBody.\n"
        }
        return try TestSite.make(files)
    }

    func page(_ site: TestSite, _ path: String) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func listsSplitIntoLinkedPages() throws {
        let site = try Self.site(roles: 25, pageSize: 10)
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let files = Set(snapshot(of: site.output).keys)
        for path in [
            "roles/index.html", "roles/page/2/index.html", "roles/page/3/index.html", "teams/ops/page/3/index.html", "skills/planning/page/2/index.html",
            "compare/page/3/index.html",
        ] {
            #expect(files.contains(path), "no \(path)")
        }
        #expect(!files.contains("roles/page/4/index.html") && !files.contains("roles/page/1/index.html"))
        let second = try page(site, "roles/page/2/index.html")
        #expect(second.contains(#"<a rel="prev" href="../../">"#) && second.contains(#"<a rel="next" href="../3/">"#), "\(second)")
        #expect(second.contains(#"<span aria-current="page">2</span>"#))
        #expect(second.contains("<title>All roles (page 2 of 3) · Big</title>"))
        #expect(second.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 10)
        let last = try page(site, "roles/page/3/index.html")
        #expect(last.components(separatedBy: "<tr><th scope=\"row\">").count - 1 == 5 && !last.contains("rel=\"next\""))
        // Every role is on exactly one page of the list.
        let titles = try ["roles/index.html", "roles/page/2/index.html", "roles/page/3/index.html"].flatMap { path in
            try page(site, path).components(separatedBy: "\">Role ").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(titles.count == 25 && Set(titles).count == 25)
        let sitemap = try page(site, "sitemap.xml")
        #expect(sitemap.contains("/roles/page/2/</loc>"))
    }

    @Test func theHomePageShowsAFewOfEachGroupAndLinksOnward() throws {
        let site = try Self.site(roles: 25, pageSize: 10)
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let home = try page(site, "index.html")
        #expect(home.components(separatedBy: "<li class=\"card\">").count - 1 == HomePage.groupPreview)
        #expect(home.contains(#"<p class="more"><a href="teams/ops/">All 25 roles in Ops</a></p>"#), "\(home)")
    }

    @Test func aListThatFitsIsOnePage() throws {
        let site = try Self.site(roles: 25, pageSize: nil)
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let files = Set(snapshot(of: site.output).keys)
        #expect(!files.contains { $0.contains("/page/") })
        let home = try page(site, "index.html")
        #expect(home.components(separatedBy: "<li class=\"card\">").count - 1 == 25 && !home.contains("class=\"pager\""))
    }
}
