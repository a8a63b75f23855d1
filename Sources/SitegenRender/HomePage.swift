import SitegenContent
import SitegenMarkdown

/// `/`: the intro from `Content/index.md`, featured comparisons, and the roles grouped by the
/// schema's `group_by` field (all in one list when it has none).
package enum HomePage: PageKind {
    package static let featuredComparisons = 8
    /// Roles each group shows on a home page whose handbook has more than a page of roles.
    package static let groupPreview = 12

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
        // A handbook of more than a page of roles shows a few of each group, linking onward.
        let previewing = site.roles.count > (site.config.pageSize ?? Pagination.defaultPageSize)
        let words = context.words
        let group = { (name: String, id: String, roles: [Role], more: String) -> RoleGroupView in
            guard previewing, roles.count > groupPreview else { return RoleGroupView(name: name, id: id, items: roles.map(card)) }
            let text = name.isEmpty ? words.count("all_roles_count", roles.count) : words.count("group_more", roles.count, ["group": name])
            return RoleGroupView(
                name: name, id: id, items: roles.prefix(groupPreview).map(card),
                more: LinkView(title: text, url: ContentPath.relativeLink(from: url, to: more)))
        }
        if let field = site.config.schema.groupBy {
            let prefix = field.replacingOccurrences(of: "_", with: "-")
            let label = FieldValues.label(field, site: site, words: words)
            let taxonomy = site.taxonomy(field)
            heading = ("roles-by-\(prefix)", words.format("roles_by", ["field": words.inSentence(label)]))
            groups = Dictionary(grouping: site.roles) { $0.value(field) ?? words["other_roles"] }
                .sorted { $0.key < $1.key }
                .map { name, roles in
                    let page = taxonomy.flatMap { taxonomy in roles.first?.value(field).map { URLs.term(taxonomy.slug(of: $0), in: taxonomy) } }
                    return group(name, "\(prefix)-\(Slug.make(name))", roles, page ?? URLs.roles)
                }
        } else {
            heading = ("all-roles", words["all_roles"])
            groups = site.roles.isEmpty ? [] : [group("", "", site.roles, URLs.roles)]
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
