import SitegenContent
import SitegenMarkdown

/// `/<folder>/`: one list page per folder of plain pages (`Content/guides/` → `/guides/`), its
/// pages by `weight`, then by title. The folder's `_index.md` gives the page its title,
/// summary, body and layout (`layout:`; `folder` by default).
enum FolderPages: PageKind {
    static func pages(_ context: RenderContext) -> [PageSpec] {
        context.site.folders.map { folder in
            let url = folder.path + "/"
            return .page(
                url: url, layout: folder.index?.layout?.value ?? "folder", source: folder.index?.file,
                documents: folder.index.map { [$0.contentPath] } ?? [], layoutLocation: folder.index?.layout?.location,
                search: folder.index.map { .page($0, url: url) }
            ) { view(folder, url: url, $0) }
        }
    }

    private static func view(_ folder: PageFolder, url: String, _ context: RenderContext) -> PageView {
        let index = folder.index
        let name = folder.path.split(separator: "/").last.map(String.init) ?? folder.path
        let title = index?.title ?? name.prefix(1).uppercased() + name.dropFirst().replacingOccurrences(of: "-", with: " ")
        let view = FolderView(
            title: title, summary: index?.summary,
            bodyHTML: index.map { context.html($0.contentPath) } ?? "",
            toc: index.map { TOCEntryView.entries(context.headings($0.contentPath)) } ?? [],
            pages: folder.pages.map { page in
                PageCardView(
                    title: page.title ?? Slug.fileStem(of: page.contentPath),
                    url: ContentPath.relativeLink(from: url, to: ContentPath.pageURL(forContentFile: page.contentPath)), summary: page.summary)
            })
        return context.view(url: url, title: title, description: index?.summary ?? context.site.config.description, content: view)
    }
}
