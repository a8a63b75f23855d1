import SitegenMarkdown

/// `/`: the intro from `Content/index.md`, featured comparisons, roles by department.
enum HomePage {
    static let featuredComparisons = 8

    static func pages(_ context: RenderContext) -> [PageJob] {
        let home = context.site.home
        return [
            PageJob(
                url: URLs.home, source: home?.file, fingerprint: context.fingerprints?.listing(showing: home?.contentPath),
                documents: home.map { [$0.contentPath] } ?? []
            ) { page($0) }
        ]
    }

    private static func page(_ context: RenderContext) -> OutputFile {
        let site = context.site
        let url = URLs.home
        let departments = Dictionary(grouping: site.roles) { $0.department ?? "Other roles" }
            .sorted { $0.key < $1.key }
            .map { name, roles in
                GroupView(name: name, id: "department-\(Slug.make(name))", items: roles.map { RoleCardView($0, from: url) })
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
        return context.page(
            layout: "home", url: url, title: view.title,
            description: view.summary ?? site.config.description, content: view,
            source: home?.file, contentPath: home?.contentPath)
    }
}
