import SitegenContent
import SitegenMarkdown
import SitegenSupport

/// `/roles/<slug>/` and `/roles/<slug>/duties/`, one of each per role.
package enum RolePages: PageKind {
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        context.site.roles.parallelMap { role -> [PageSpec] in
            let roleURL = URLs.role(role.slug)
            let dutiesURL = URLs.duties(role.slug)
            let article = RenderContext.article(for: role)
            return [
                .page(url: roleURL, layout: "role", source: role.file, documents: [role.contentPath]) { context in
                    context.view(
                        url: roleURL, title: role.title, description: role.summary,
                        content: RoleView(role, pageURL: roleURL, context: context, withBody: true))
                },
                .page(url: dutiesURL, layout: "duties", source: role.file) { context in
                    context.view(
                        url: dutiesURL, title: "What does \(article) \(role.title) do?",
                        description: "Duties, skills and requirements of \(article) \(role.title): \(role.summary)",
                        content: RoleView(role, pageURL: dutiesURL, context: context, withBody: false))
                },
            ]
        }.flatMap { $0 }
    }
}
