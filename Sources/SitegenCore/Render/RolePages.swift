import SitegenMarkdown

/// `/roles/<slug>/` and `/roles/<slug>/duties/`, one of each per role.
enum RolePages {
    static func pages(_ context: RenderContext) -> [PageJob] {
        context.site.roles.parallelMap { role in
            let roleURL = URLs.role(role.slug)
            let dutiesURL = URLs.duties(role.slug)
            let article = RenderContext.article(for: role.title)
            let fingerprint = context.fingerprints?.role(role, in: context.site)
            return [
                PageJob(url: roleURL, source: role.file, fingerprint: fingerprint, documents: [role.contentPath]) { context in
                    context.page(
                        layout: "role", url: roleURL, title: role.title, description: role.summary,
                        content: RoleView(role, pageURL: roleURL, context: context, withBody: true),
                        source: role.file, contentPath: role.contentPath)
                },
                PageJob(url: dutiesURL, source: role.file, fingerprint: fingerprint) { context in
                    context.page(
                        layout: "duties", url: dutiesURL, title: "What does \(article) \(role.title) do?",
                        description: "Duties, skills and requirements of \(article) \(role.title): \(role.summary)",
                        content: RoleView(role, pageURL: dutiesURL, context: context, withBody: false),
                        source: role.file)
                },
            ]
        }.flatMap { $0 }
    }
}
