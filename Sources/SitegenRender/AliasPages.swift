import SitegenContent
import SitegenMarkdown

/// A redirect page at every earlier address of a role (`/roles/<alias>/` and its duty page) or
/// page (`aliases:` in front matter): a meta refresh, a canonical link and a visible link to
/// where it is now. Listed nowhere (not in the sitemap); a real page at the same address is a
/// located error (the plan's collision check).
package enum AliasPages: PageKind {
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        let site = context.site
        var pages: [PageSpec] = []
        for role in site.roles {
            for alias in role.aliases {
                pages.append(redirect(from: URLs.role(alias.value), to: URLs.role(role.slug), title: role.title, at: alias.location))
                pages.append(redirect(from: URLs.duties(alias.value), to: URLs.duties(role.slug), title: role.title, at: alias.location))
            }
        }
        for page in site.pages + site.folders.compactMap(\.index) {
            let target = page.isFolderIndex ? page.folder + "/" : ContentPath.pageURL(forContentFile: page.contentPath)
            for alias in page.aliases {
                pages.append(redirect(from: alias.value, to: target, title: page.title ?? target, at: alias.location))
            }
        }
        return pages
    }

    private static func redirect(from url: String, to target: String, title: String, at location: SourceLocation) -> PageSpec {
        PageSpec.page(url: url, layout: "alias", source: location.file, listed: false, location: location) { context in
            let link = ContentPath.relativeLink(from: url, to: target)
            let base = context.site.config.baseURL
            let view = ListView(
                title: title, summary: context.words.format("alias_summary", ["title": title]),
                values: ["target": link, "canonicalTarget": base.isEmpty ? link : base + target])
            var page = context.view(url: url, title: title, description: view.summary, content: view)
            page.canonical = base.isEmpty ? nil : base + target
            return page
        }
    }
}
