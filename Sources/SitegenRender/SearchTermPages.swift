import SitegenSupport
import Synchronization

/// The files of the search index's terms (`search/search-terms.js`, the term chunks and word
/// lists): a kind of its own, so the build plans them beside the records (`SearchPages`)
/// and the other kinds; reading every page's words is most of the index's work.
package enum SearchTermPages: DerivedPageKind {
    /// The term files, planned from their paths kept in the cache under the site's fields and
    /// every body; made once, when a file of them is needed.
    package static func pages(_ context: RenderContext, from planned: [PageSpec]) -> [PageSpec] {
        let keys = SearchPages.keys(context)
        let terms = Mutex<[String: OutputFile]?>(nil)
        let files = { @Sendable () -> [String: OutputFile] in
            terms.withLock { terms in
                if terms == nil {
                    let index = SearchIndex(pages: planned, context: context)
                    terms = SearchPages.byPath(index.termFiles(cached: context.cachedBytes))
                }
                return terms!
            }
        }
        return SearchPages.specs(context.cachedPaths("search-terms", keys.terms, files: files), key: keys.terms, files: files)
    }
}
