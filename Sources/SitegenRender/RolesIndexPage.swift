import SitegenContent

/// `/roles/`: every role with its card fields (schema: cards) and summary.
package enum RolesIndexPage: PageKind {
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        [.page(url: URLs.roles, layout: "roles") { view($0) }]
    }

    private static func view(_ context: RenderContext) -> PageView {
        let url = URLs.roles
        let site = context.site
        let words = context.words
        let roles = site.roles.map { RoleCardView($0, from: url, context: context) }
        let columns = site.config.schema.cards.map { FieldValues.label($0, site: site, words: words) }
        let caption =
            columns.isEmpty
            ? words.count("roles_caption", roles.count)
            : words.count("roles_caption_fields", roles.count, ["fields": columns.map(words.inSentence).joined(separator: ", ")])
        let view = ListView(
            title: words["roles_title"],
            summary: words["roles_summary"],
            values: ["roles": roles, "count": roles.count, "caption": caption, "columns": columns]
        )
        return context.view(url: url, title: view.title, description: view.summary, content: view)
    }
}
