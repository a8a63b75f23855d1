import SitegenContent
import SitegenMarkdown

/// Any other Markdown page (`Content/about.md` → `/about/`).
package enum PlainPages: PageKind {
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        context.site.pages.map { page in
            let url = ContentPath.pageURL(forContentFile: page.contentPath)
            return .page(
                url: url, layout: page.layout?.value ?? "page", source: page.file, documents: [page.contentPath], layoutLocation: page.layout?.location,
                search: .page(page, url: url)
            ) { view(page, $0) }
        }
    }

    private static func view(_ page: Page, _ context: RenderContext) -> PageView {
        let url = ContentPath.pageURL(forContentFile: page.contentPath)
        let title = page.title ?? Slug.fileStem(of: page.contentPath)
        let view = ProseView(
            title: title, summary: page.summary,
            bodyHTML: context.html(page.contentPath),
            toc: TOCEntryView.entries(context.headings(page.contentPath))
        )
        return context.view(url: url, title: title, description: page.summary ?? context.site.config.description, content: view)
    }
}
