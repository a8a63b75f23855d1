import SitegenContent
import SitegenMarkdown
import SitegenSupport
import SitegenTemplates

/// `/search/` and the index its script reads (`search/search-index.js` and its shards).
package enum SearchPages: PageKind {
    /// The search page's URL, relative to the site root.
    package static let url = "search/"

    /// The search page, with facet options counted over every role, and the index files.
    package static func pages(_ context: RenderContext) -> [PageSpec] { pages(context, shardLimit: SearchIndex.defaultShardLimit) }

    package static func pages(_ context: RenderContext, shardLimit: Int) -> [PageSpec] {
        let index = SearchIndex(site: context.site)
        let searchPage = PageSpec.page(url: url, layout: "search") { view(index, $0) }
        // Encoding the index is a fifth of an incremental build at 10k roles; the files are
        // kept under the digest of the documents they are made from.
        let words = context.words.texts.filter { $0.key.hasPrefix("search_") }.sorted { $0.key < $1.key }.map { (key: $0.key, text: $0.value) }
        var key = DigestHasher()
        key.combine(shardLimit)
        for word in words { key.combine([word.key, word.text]) }
        index.documents.combine(into: &key)
        let files = context.cachedFiles(key.finalize()) { index.files(shardLimit: shardLimit, words: words) }
        return [searchPage, .file(files[0])] + files.dropFirst().map { PageSpec.file($0, mayVanish: true) }
    }

    /// The search page itself: the form, with facet options counted over every role.
    private static func view(_ index: SearchIndex, _ context: RenderContext) -> PageView {
        let documents = index.documents
        let view = ListView(
            title: context.words["search_title"],
            summary: context.words["search_summary"],
            values: [
                "roleCount": documents.count,
                "allRolesCount": context.words.count("all_roles_count", documents.count),
                "searchLabel": context.words.count("search_label", documents.count),
                "departments": FacetOptionView.options(index.departments, in: documents) { $0.department.map { [$0] } ?? [] },
                "hasDepartments": !index.departments.isEmpty,
                "media": FacetOptionView.options(index.media, in: documents) { $0.media },
                "hasMedia": !index.media.isEmpty,
                "skills": FacetOptionView.options(index.skills, in: documents) { $0.skills },
                "hasSkills": !index.skills.isEmpty,
            ]
        )
        return context.view(url: url, title: view.title, description: view.summary, content: view)
    }
}
