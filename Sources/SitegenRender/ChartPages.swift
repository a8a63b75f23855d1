import SitegenContent
import SitegenMarkdown

/// `/charts/`: the reporting-line charts. With a grouping field (the schema's `group_by`,
/// the home page's groups), `/charts/` lists the groups and each has its whole chart at
/// `/charts/<group>/`; without one, `/charts/` is the chart of the whole site. A chart of more
/// than `RoleCharts.rolesPerPage` roles is split into pages (`/charts/<group>/page/2/` …),
/// keeping roles joined by reporting lines together where they fit.
package enum ChartPages: PageKind {
    /// A chart shows roles' titles and reporting lines, never their bodies.
    package static let plansWithoutRoleBodies = true

    /// One group of roles: its name ("" for the whole site) and its roles, by title.
    struct Group {
        var name: String
        var url: String
        var roles: [Role]
    }

    package static func pages(_ context: RenderContext) -> [PageSpec] {
        let groups = groups(context.site, words: context.words)
        var specs: [PageSpec] = []
        if context.site.config.schema.groupBy != nil {
            specs.append(.page(url: URLs.charts, layout: "charts") { hub(groups, $0) })
        }
        for group in groups {
            let chunks = RoleCharts.pages(of: group.roles, lines: context.site.lines)
            for (offset, roles) in chunks.enumerated() {
                let number = offset + 1
                specs.append(
                    .page(url: Pagination.url(group.url, page: number), layout: "chart") { context in
                        view(group, roles, page: number, of: chunks.count, context)
                    })
            }
        }
        return specs
    }

    /// The chart page of the group a role belongs to: the whole site's when the site has no
    /// grouping field.
    package static func url(of role: Role, site: Site, words: Words) -> String {
        guard let field = site.config.schema.groupBy else { return URLs.charts }
        return URLs.chart(Slug.make(role.value(field) ?? words["other_roles"]))
    }

    /// The groups, by name, like the home page's; one group of every role without a grouping field.
    static func groups(_ site: Site, words: Words) -> [Group] {
        guard let field = site.config.schema.groupBy else { return [Group(name: "", url: URLs.charts, roles: site.roles)] }
        return Dictionary(grouping: site.roles) { $0.value(field) ?? words["other_roles"] }
            .sorted { $0.key < $1.key }
            .map { Group(name: $0.key, url: URLs.chart(Slug.make($0.key)), roles: $0.value) }
    }

    private static func hub(_ groups: [Group], _ context: RenderContext) -> PageView {
        let words = context.words
        let links = groups.map { group in
            LinkView(
                title: group.name, url: ContentPath.relativeLink(from: URLs.charts, to: group.url),
                detail: words.count("term_roles", group.roles.count))
        }
        let title = words["charts_title"]
        let summary = words["charts_summary"]
        let view = ListView(title: title, summary: summary, values: ["groups": links])
        return context.view(url: URLs.charts, title: title, description: summary, content: view)
    }

    private static func view(_ group: Group, _ roles: [Role], page number: Int, of count: Int, _ context: RenderContext) -> PageView {
        let words = context.words
        let url = Pagination.url(group.url, page: number)
        let name = group.name.isEmpty ? context.site.config.title : group.name
        let title = Pagination.title(words.format("chart_title", ["group": name]), page: number, of: count, words: words)
        let summary = words.count("chart_summary", group.roles.count, ["group": name])
        let values: [String: any ViewValue] = [
            "chart": RoleCharts.chart(of: roles, from: url, context: context),
            "pager": Pagination.pager(group.url, page: number, of: count, words: words),
            "hasHub": !group.name.isEmpty,
            "hubURL": ContentPath.relativeLink(from: url, to: URLs.charts),
            "isSplit": count > 1,
            "pageNote": words.format("chart_page_note", ["count": String(RoleCharts.rolesPerPage)]),
        ]
        let view = ListView(title: title, summary: summary, values: values)
        return context.view(url: url, title: title, description: summary, content: view)
    }
}
