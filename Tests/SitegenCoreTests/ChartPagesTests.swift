import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender

/// Reporting-line charts in a built site: a cycle in `reports_to` is a warning at its entry,
/// a role's chart shows the lines declared on either side, each group of the home page gets
/// its whole chart (in pages when it is big), and a site without groups gets one chart.
@Suite struct ChartPagesTests {
    static func role(_ slug: String, _ title: String, _ lines: String = "", team: String? = "Ops") -> (String, String?) {
        (
            "Content/roles/\(slug).md",
            "---\ntitle: \(title)\nsummary: Does things.\nduties: [a, b, c]\n\(team.map { "team: \($0)\n" } ?? "")\(lines)---\nBody.\n"
        )
    }

    static let grouped = "title: Team\nschema:\n  fields:\n    team: {type: term, label: Team, url: teams}\n  group_by: team\n"

    static func site(_ roles: [(String, String?)], config: String = grouped) throws -> TestSite {
        var files: [String: String?] = ["sitegen.yml": config, "Content/roles/producer.md": nil, "Content/roles/line-producer.md": nil]
        for (path, text) in roles { files[path] = text }
        return try TestSite.make(files)
    }

    func page(_ site: TestSite, _ path: String) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aCycleInReportsToIsAWarningAtTheEntryThatClosesIt() throws {
        let site = try Self.site([
            Self.role("boss", "Boss", "reports_to: [deputy]\n"),
            Self.role("deputy", "Deputy", "reports_to: [aide]\n"),
            Self.role("aide", "Aide", "reports_to: [boss]\n"),
        ])
        defer { site.remove() }
        let report = try BuildPipeline(options: site.options()).run()
        let cycles = report.warnings.map(\.description).filter { $0.contains("cycle") }
        // The walk starts at Aide (first by title) and goes down its reports: Deputy, then
        // Boss; the line from Boss back down to Aide is Aide's `reports_to: [boss]`.
        #expect(
            cycles == [
                "Content/roles/aide.md:6:14: warning: reporting lines form a cycle (aide reports to boss reports to deputy reports to aide); charts leave out this line"
            ])
        // The chart still draws the other two lines, and the list says the same.
        let chart = try page(site, "charts/ops/index.html")
        #expect(chart.components(separatedBy: "class=\"chart-line\"").count - 1 == 2)
        #expect(chart.contains("data-from=\"aide\" data-to=\"deputy\"") && chart.contains("data-from=\"deputy\" data-to=\"boss\""))
        #expect(!chart.contains("data-from=\"boss\" data-to=\"aide\""))
    }

    @Test func aRolesChartShowsLinesDeclaredOnEitherSide() throws {
        let site = try Self.site([
            Self.role("boss", "Boss", "supervises: [middle]\n"),
            Self.role("middle", "Middle & Co", "works_with: [peer]\n"),
            Self.role("peer", "Peer"),
            Self.role("junior", "Junior", "reports_to: [middle]\n"),
        ])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let middle = try page(site, "roles/middle/index.html")
        #expect(middle.contains("<h2 id=\"reporting-lines\">Reporting lines</h2>"))
        for (from, to) in [("boss", "middle"), ("middle", "junior")] {
            #expect(middle.contains("class=\"chart-line\" data-from=\"\(from)\" data-to=\"\(to)\""))
        }
        #expect(middle.contains("class=\"chart-line chart-peer\" data-from=\"middle\" data-to=\"peer\""))
        #expect(middle.contains("<title>Middle &amp; Co</title>"))
        #expect(middle.contains("<li data-relation=\"reports_to\">Reports to:\n<ul><li><a href=\"../boss/\">Boss</a></li></ul>"))
        #expect(middle.contains("<li data-relation=\"supervises\">Supervises:\n<ul><li><a href=\"../junior/\">Junior</a></li></ul>"))
        #expect(middle.contains("<a href=\"../../charts/ops/\">The whole chart of Ops</a>"))
        // Peer declared nothing, yet its chart shows Middle beside it.
        #expect(try page(site, "roles/peer/index.html").contains("class=\"chart-line chart-peer\" data-from=\"peer\" data-to=\"middle\""))
        let hub = try page(site, "charts/index.html")
        #expect(hub.contains("<a href=\"ops/\">Ops</a> <span class=\"count\">4 roles</span>"))
    }

    @Test func aRoleWithoutLinesHasNoChart() throws {
        let site = try Self.site([Self.role("solo", "Solo"), Self.role("other", "Other")])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        #expect(!(try page(site, "roles/solo/index.html")).contains("reporting-lines"))
        #expect(try page(site, "charts/ops/index.html").contains("data-role=\"solo\""), "the group's chart still has its box")
    }

    @Test func aBigGroupIsSplitIntoPagesKeepingConnectedRolesTogether() throws {
        // 130 roles: a chain of 30 under one boss (31 roles) and 99 roles without lines.
        var roles = [Self.role("boss", "Boss")]
        for number in 1...30 {
            roles.append(Self.role("chain-\(number)", "Chain \(number)", "reports_to: [\(number == 1 ? "boss" : "chain-\(number - 1)")]\n"))
        }
        for number in 1...99 { roles.append(Self.role("single-\(number)", "Single \(number)")) }
        let site = try Self.site(roles)
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let first = try page(site, "charts/ops/index.html")
        let second = try page(site, "charts/ops/page/2/index.html")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("charts/ops/page/3/index.html").path))
        let boxes = { (html: String) in html.components(separatedBy: "class=\"chart-box").count - 1 }
        #expect(boxes(first) + boxes(second) == 130)
        #expect(boxes(first) <= RoleCharts.rolesPerPage && boxes(second) <= RoleCharts.rolesPerPage)
        #expect(first.contains("data-role=\"chain-30\"") == first.contains("data-role=\"boss\""), "the chain stays on one page")
        #expect(first.contains("Reporting lines: Ops") && second.contains("Reporting lines: Ops (page 2 of 2)"))
        #expect(first.contains("class=\"chart-note\""))
    }

    @Test func aSiteWithoutGroupsGetsOneChartOfEveryRole() throws {
        let site = try Self.site(
            [Self.role("boss", "Boss", "supervises: [aide]\n", team: nil), Self.role("aide", "Aide", team: nil)], config: "title: Flat\n")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let chart = try page(site, "charts/index.html")
        #expect(chart.contains("<h1>Reporting lines: Flat</h1>"))
        #expect(chart.contains("data-from=\"boss\" data-to=\"aide\""))
        #expect(try page(site, "roles/aide/index.html").contains("<a href=\"../../charts/\">The whole chart</a>"))
    }
}
