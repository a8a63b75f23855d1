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
        let searchPage = PageSpec.page(url: url, layout: "search") { view(SearchIndex(site: $0.site), $0) }
        // Making the index was a fifth of an incremental build at 10k roles: the files are
        // kept under the digest of the site's fields (it shows no Markdown body), or of the
        // documents they are made from.
        // The script's texts, with the site's facets named where a text mentions them (a
        // site without facets gets the texts that name none).
        let facets = facetNames(context)
        let texts = context.words.texts
        let words = texts.filter { $0.key.hasPrefix("search_") }.sorted { $0.key < $1.key }.map { key, text in
            if facets.isEmpty, text.contains("{facets}"), let plain = texts[key.replacingOccurrences(of: "search_", with: "search_nofacets_")] {
                return (key: key, text: plain)
            }
            return (key: key, text: text.replacingOccurrences(of: "{facets}", with: facets))
        }
        var key = DigestHasher()
        key.combine(shardLimit)
        for word in words { key.combine([word.key, word.text]) }
        let index: SearchIndex?
        if let digest = context.siteDigest {
            key.combine(digest)
            index = nil
        } else {
            index = SearchIndex(site: context.site)
            index!.documents.combine(into: &key)
        }
        let files = context.cachedFiles(key.finalize()) { (index ?? SearchIndex(site: context.site)).files(shardLimit: shardLimit, words: words) }
        return [searchPage, .file(files[0])] + files.dropFirst().map { PageSpec.file($0, mayVanish: true) }
    }

    /// The search page itself: the form, with facet options counted over every role.
    private static func view(_ index: SearchIndex, _ context: RenderContext) -> PageView {
        let documents = index.documents
        let words = context.words
        let facets = index.facetKeys.enumerated().compactMap { position, key -> FacetView? in
            guard !index.facetValues[position].isEmpty else { return nil }
            let label = FieldValues.label(key, site: context.site, words: words)
            return FacetView(
                key: key, label: label, any: words.format("facet_any", ["field": words.inSentence(label)]),
                options: FacetOptionView.options(index.facetValues[position], in: documents) { $0.facets[position] })
        }
        let view = ListView(
            title: words["search_title"],
            summary: summary(context),
            values: [
                "roleCount": documents.count,
                "allRolesCount": words.count("all_roles_count", documents.count),
                "searchLabel": words.count("search_label", documents.count),
                "facets": facets,
                "hasFacets": !facets.isEmpty,
            ]
        )
        return context.view(url: url, title: view.title, description: view.summary, content: view)
    }

    /// "Find a role by …, and narrow the results by department, level or skills."
    static func summary(_ context: RenderContext) -> String {
        let facets = context.site.config.schema.facets
        guard !facets.isEmpty else { return context.words["search_summary"] }
        return context.words.format("search_summary_facets", ["facets": facetNames(context)])
    }

    /// The facets' labels in a sentence: "department, level or skills".
    static func facetNames(_ context: RenderContext) -> String {
        let words = context.words
        let labels = context.site.config.schema.facets.map { words.inSentence(FieldValues.label($0, site: context.site, words: words)) }
        return words.list(labels, joiner: "list_or")
    }
}
