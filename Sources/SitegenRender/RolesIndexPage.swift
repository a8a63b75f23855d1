import SitegenContent

/// `/roles/`: every role with its card fields (schema: cards) and summary, in pages of
/// `page_size` (`/roles/page/2/` …) when there are more.
package enum RolesIndexPage: PageKind {
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        let size = context.site.config.pageSize ?? Pagination.defaultPageSize
        let chunks = Pagination.split(context.site.roles, size: size)
        return chunks.enumerated().map { offset, roles in
            .page(url: Pagination.url(URLs.roles, page: offset + 1), layout: "roles") { view(roles, page: offset + 1, of: chunks.count, $0) }
        }
    }

    private static func view(_ page: ArraySlice<Role>, page number: Int, of count: Int, _ context: RenderContext) -> PageView {
        let url = Pagination.url(URLs.roles, page: number)
        let site = context.site
        let words = context.words
        let roles = page.map { RoleCardView($0, from: url, context: context) }
        let columns = site.config.schema.cards.map { FieldValues.label($0, site: site, words: words) }
        let total = site.roles.count
        let caption =
            columns.isEmpty
            ? words.count("roles_caption", total)
            : words.count("roles_caption_fields", total, ["fields": columns.map(words.inSentence).joined(separator: ", ")])
        let title = Pagination.title(words["roles_title"], page: number, of: count, words: words)
        let view = ListView(
            title: title,
            summary: words["roles_summary"],
            values: [
                "roles": roles, "count": total, "caption": caption, "columns": columns,
                "pager": Pagination.pager(URLs.roles, page: number, of: count, words: words),
            ]
        )
        return context.view(url: url, title: view.title, description: view.summary, content: view)
    }
}
