/// `/roles/`: every role with its department, media and summary.
enum RolesIndexPage {
    static func pages(_ context: RenderContext) -> [PageJob] {
        [PageJob(url: URLs.roles, fingerprint: context.fingerprints?.listing()) { page($0) }]
    }

    private static func page(_ context: RenderContext) -> OutputFile {
        let url = URLs.roles
        let roles = context.site.roles.map { RoleCardView($0, from: url) }
        let view = ListView(
            title: "All roles",
            summary: "Every role in the handbook: what it is called, where it sits and what it does in one line.",
            values: ["roles": roles, "count": roles.count]
        )
        return context.page(layout: "roles", url: url, title: view.title, description: view.summary, content: view)
    }
}
