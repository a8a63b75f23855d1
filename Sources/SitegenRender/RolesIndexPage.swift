import SitegenContent

/// `/roles/`: every role with its department, media and summary.
package enum RolesIndexPage: PageKind {
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        [.page(url: URLs.roles, layout: "roles") { view($0) }]
    }

    private static func view(_ context: RenderContext) -> PageView {
        let url = URLs.roles
        let roles = context.site.roles.map { RoleCardView($0, from: url) }
        let view = ListView(
            title: context.words["roles_title"],
            summary: context.words["roles_summary"],
            values: ["roles": roles, "count": roles.count, "caption": context.words.count("roles_caption", roles.count)]
        )
        return context.view(url: url, title: view.title, description: view.summary, content: view)
    }
}
