import SitegenContent
import SitegenMarkdown
import SitegenSupport

/// `/roles/<slug>/` and `/roles/<slug>/duties/`, one of each per role.
package enum RolePages: PageKind {
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        let shared = SearchIndex.Shared(context)
        return context.site.roles.parallelMap { role -> [PageSpec] in
            // The views look the role up by its slug (`tracksReads`): its fields are what they read.
            let slug = role.slug
            let roleURL = URLs.role(role.slug)
            let dutiesURL = URLs.duties(role.slug)
            // The role's Markdown fields are rendered with its body.
            let fieldDocuments = FieldValues.markdownDocuments(of: role, schema: context.site.config.schema).map(\.path)
            return [
                .page(
                    url: roleURL, layout: "role", source: role.file, documents: [role.contentPath] + fieldDocuments,
                    search: .role(role, shared: shared), tracksReads: true
                ) { context in
                    let role = context.site.role(slug)!
                    return context.view(
                        url: roleURL, title: role.title, description: role.summary,
                        content: RoleView(role, pageURL: roleURL, context: context, withBody: true))
                },
                .page(
                    url: dutiesURL, layout: "duties", source: role.file, documents: fieldDocuments, search: .duties(role, shared: shared),
                    tracksReads: true
                ) { context in
                    let role = context.site.role(slug)!
                    return context.view(
                        url: dutiesURL, title: context.words.format("duties_title", ["a": context.words.article(for: role), "title": role.title]),
                        description: context.words.format(
                            "duties_description", ["a": context.words.article(for: role), "title": role.title, "summary": role.summary]),
                        content: RoleView(role, pageURL: dutiesURL, context: context, withBody: false))
                },
            ]
        }.flatMap { $0 }
    }
}
