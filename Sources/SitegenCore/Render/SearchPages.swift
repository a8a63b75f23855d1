import SitegenMarkdown

/// `/search/` and the index its script reads (`search/search-index.js` and its shards).
enum SearchPages {
    /// The search page's URL, relative to the site root.
    static let url = "search/"

    /// The search page, with facet options counted over every role, and the index files.
    static func pages(_ context: RenderContext, shardLimit: Int = SearchIndex.defaultShardLimit) -> [PageJob] {
        let searchPage = PageJob(url: url, fingerprint: context.fingerprints?.listing()) { page(SearchIndex(site: $0.site), $0) }
        let files = (context.searchFiles ?? SearchIndex(site: context.site).files(shardLimit: shardLimit)).map(PageJob.init)
        return [searchPage, files[0]]
            + files.dropFirst().map { shard in
                var job = shard
                job.mayVanish = true
                return job
            }
    }

    /// The search page itself: the form, with facet options counted over every role.
    private static func page(_ index: SearchIndex, _ context: RenderContext) -> OutputFile {
        let documents = index.documents
        let view = ListView(
            title: "Search",
            summary: "Find a role by its title, summary, duties or skills, and narrow the results by department, medium or skill.",
            values: [
                "roleCount": documents.count,
                "departments": FacetOptionView.options(index.departments, in: documents) { $0.department.map { [$0] } ?? [] },
                "hasDepartments": !index.departments.isEmpty,
                "media": FacetOptionView.options(index.media, in: documents) { $0.media },
                "hasMedia": !index.media.isEmpty,
                "skills": FacetOptionView.options(index.skills, in: documents) { $0.skills },
                "hasSkills": !index.skills.isEmpty,
            ]
        )
        return context.page(layout: "search", url: url, title: view.title, description: view.summary, content: view)
    }
}
