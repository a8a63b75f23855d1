import SitegenContent
import SitegenMarkdown

/// `/`: the intro from `Content/index.md`, featured comparisons, and the roles grouped by the
/// schema's `group_by` field (all in one list when it has none).
package enum HomePage: PageKind {
    package static let featuredComparisons = 8

    package static func pages(_ context: RenderContext) -> [PageSpec] {
        let home = context.site.home
        return [.page(url: URLs.home, layout: "home", source: home?.file, documents: home.map { [$0.contentPath] } ?? []) { view($0) }]
    }

    private static func view(_ context: RenderContext) -> PageView {
        let site = context.site
        let url = URLs.home
        let card = { (role: Role) in RoleCardView(role, from: url, context: context) }
        let groups: [RoleGroupView]
        let heading: (id: String, text: String)
        if let field = site.config.schema.groupBy {
            let prefix = field.replacingOccurrences(of: "_", with: "-")
            let label = FieldValues.label(field, site: site, words: context.words)
            heading = ("roles-by-\(prefix)", context.words.format("roles_by", ["field": context.words.inSentence(label)]))
            groups = Dictionary(grouping: site.roles) { $0.value(field) ?? context.words["other_roles"] }
                .sorted { $0.key < $1.key }
                .map { name, roles in RoleGroupView(name: name, id: "\(prefix)-\(Slug.make(name))", items: roles.map(card)) }
        } else {
            heading = ("all-roles", context.words["all_roles"])
            groups = site.roles.isEmpty ? [] : [RoleGroupView(name: "", id: "", items: site.roles.map(card))]
        }
        // Pairs with prose first, by their `weight`, then by name.
        let rank = { (pair: ComparisonPair) in (pair.prose == nil ? 1 : 0, pair.prose?.weight ?? Int.max, pair.slug) }
        let featured = site.pairs
            .sorted { rank($0) < rank($1) }
            .prefix(featuredComparisons)
            .map { ComparisonPages.link(to: $0, from: url, context: context) }
        let home = site.home
        let view = ProseView(
            title: home?.title ?? site.config.title,
            summary: home?.summary ?? (site.config.description.isEmpty ? nil : site.config.description),
            bodyHTML: home.map { context.html($0.contentPath) } ?? "",
            toc: [],
            extra: [
                "groups": groups,
                "groupsID": heading.id,
                "groupsHeading": heading.text,
                "comparisons": LinksView(links: Array(featured)),
                "hasComparisons": !featured.isEmpty,
            ]
        )
        return context.view(url: url, title: view.title, description: view.summary ?? site.config.description, content: view)
    }
}
