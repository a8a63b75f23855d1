import SitegenContent
import SitegenMarkdown

/// `/`: the intro from `Content/index.md`, featured comparisons, roles by department.
package enum HomePage: PageKind {
    package static let featuredComparisons = 8

    package static func pages(_ context: RenderContext) -> [PageSpec] {
        let home = context.site.home
        return [.page(url: URLs.home, layout: "home", source: home?.file, documents: home.map { [$0.contentPath] } ?? []) { view($0) }]
    }

    private static func view(_ context: RenderContext) -> PageView {
        let site = context.site
        let url = URLs.home
        let departments = Dictionary(grouping: site.roles) { $0.department ?? context.words["other_roles"] }
            .sorted { $0.key < $1.key }
            .map { name, roles in
                RoleGroupView(name: name, id: "department-\(Slug.make(name))", items: roles.map { RoleCardView($0, from: url) })
            }
        // Pairs with prose first, by their `weight`, then by name.
        let rank = { (pair: ComparisonPair) in (pair.prose == nil ? 1 : 0, pair.prose?.weight ?? Int.max, pair.slug) }
        let featured = site.pairs
            .sorted { rank($0) < rank($1) }
            .prefix(featuredComparisons)
            .map { ComparisonPages.link(to: $0, from: url, site: site) }
        let home = site.home
        let view = ProseView(
            title: home?.title ?? site.config.title,
            summary: home?.summary ?? (site.config.description.isEmpty ? nil : site.config.description),
            bodyHTML: home.map { context.html($0.contentPath) } ?? "",
            toc: [],
            extra: [
                "departments": departments,
                "comparisons": LinksView(links: Array(featured)),
                "hasComparisons": !featured.isEmpty,
            ]
        )
        return context.view(url: url, title: view.title, description: view.summary ?? site.config.description, content: view)
    }
}
