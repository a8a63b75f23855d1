import SitegenMarkdown

/// Any other Markdown page (`Content/about.md` → `/about/`).
enum PlainPages {
    static func pages(_ context: RenderContext) -> [PageJob] {
        context.site.pages.map { page in
            PageJob(
                url: ContentPath.pageURL(forContentFile: page.contentPath), source: page.file,
                fingerprint: context.fingerprints?.page(showing: page.contentPath), documents: [page.contentPath]
            ) { render(page, $0) }
        }
    }

    private static func render(_ page: Page, _ context: RenderContext) -> OutputFile {
        let url = ContentPath.pageURL(forContentFile: page.contentPath)
        let title = page.title ?? Slug.fileStem(of: page.contentPath)
        let view = ProseView(
            title: title, summary: page.summary,
            bodyHTML: context.html(page.contentPath),
            toc: TOCEntryView.entries(context.headings(page.contentPath))
        )
        return context.page(
            layout: "page", url: url, title: title, description: page.summary ?? context.site.config.description,
            content: view, source: page.file, contentPath: page.contentPath)
    }
}
