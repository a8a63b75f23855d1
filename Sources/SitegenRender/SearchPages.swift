import SitegenContent
import SitegenMarkdown
import SitegenSupport
import SitegenTemplates
import Synchronization

/// `/search/` and the records of the index its script reads (`search/search-index.js`, its name
/// lists, record and facet files); the index's terms are `SearchTermPages`.
package enum SearchPages: DerivedPageKind {
    /// The search page's URL, relative to the site root.
    package static let url = "search/"

    /// The search page, with facet options counted over every role, and the files of the
    /// index's records of the pages in `planned` (its terms are a kind of their own,
    /// `SearchTermPages`, so the build plans the two parts side by side).
    package static func pages(_ context: RenderContext, from planned: [PageSpec]) -> [PageSpec] {
        let searchPage = PageSpec.page(url: url, layout: "search") { view($0) }
        let words = scriptWords(context)
        let key = keys(context).records
        // The records are made once, when a file of them is needed: a warm build plans their
        // files from their paths, kept in the cache, and takes them over without making any.
        let records = Mutex<[String: OutputFile]?>(nil)
        let files = { @Sendable () -> [String: OutputFile] in
            records.withLock { records in
                if records == nil { records = byPath(SearchIndex(pages: planned, context: context).recordFiles(words: words)) }
                return records!
            }
        }
        return [searchPage] + specs(context.cachedPaths("search-records", key, files: files), key: key, files: files)
    }

    /// The script's texts, with the site's facets named where a text mentions them (a site
    /// without facets gets the texts that name none).
    static func scriptWords(_ context: RenderContext) -> [(key: String, text: String)] {
        let facets = facetNames(context)
        let texts = context.words.texts
        return texts.filter { $0.key.hasPrefix("search_") }.sorted { $0.key < $1.key }.map { key, text in
            if facets.isEmpty, text.contains("{facets}"), let plain = texts[key.replacingOccurrences(of: "search_", with: "search_nofacets_")] {
                return (key: key, text: plain)
            }
            return (key: key, text: text.replacingOccurrences(of: "{facets}", with: facets))
        }
    }

    /// What the two parts of the index are kept under: the records under the site's fields
    /// (and the script's texts), the terms under those and every body.
    static func keys(_ context: RenderContext) -> (records: Digest, terms: Digest) {
        var hasher = DigestHasher()
        hasher.combine(SearchIndex.format)
        for word in scriptWords(context) { hasher.combine([word.key, word.text]) }
        hasher.combine(context.contentDigest ?? .zero)
        let records = hasher.finalize()
        hasher.combine(context.bodiesDigest ?? .zero)
        return (records, hasher.finalize())
    }

    /// Index files by path.
    static func byPath(_ files: [OutputFile]) -> [String: OutputFile] {
        Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The specs of one part's files, planned from their paths: a manifest keeps its name and
    /// changes with its part (`key`); a file named by its content is the same file while its
    /// name is.
    static func specs(_ paths: [String], key: Digest, files: @escaping @Sendable () -> [String: OutputFile]) -> [PageSpec] {
        paths.map { path in
            let isManifest = SearchIndex.isManifest(path)
            return PageSpec.data(path: path, inputs: isManifest ? key : Digest.of(text: path), mayVanish: !isManifest) { _ in
                files()[path] ?? OutputFile(path: path, text: "")
            }
        }
    }

    /// The search page itself: the form, with facet options counted over every role.
    private static func view(_ context: RenderContext) -> PageView {
        let site = context.site
        let words = context.words
        let facets = site.config.schema.facets.compactMap { key -> FacetView? in
            let values: (Role) -> [String] = { role in
                // A skill as written: a site that spells one skill two ways does not build.
                key == Schema.skillsKey ? role.skills.map(\.value) : role.values(key)
            }
            let options = FacetOptionView.options(in: site.roles, values: values)
            guard !options.isEmpty else { return nil }
            let label = FieldValues.label(key, site: site, words: words)
            return FacetView(key: key, label: label, any: words.format("facet_any", ["field": label]), options: options)
        }
        let roleCount = site.roles.count
        let view = ListView(
            title: words["search_title"],
            summary: summary(context),
            values: [
                "roleCount": roleCount,
                "allRolesCount": words.count("all_roles_count", roleCount),
                "searchLabel": words.count("search_label", roleCount),
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
