import Foundation
import SitegenMarkdown

extension BuildPipeline {
    /// Renders Markdown documents: from the cache when an identical request was rendered
    /// before, otherwise on the worker pool (or in this process when no pool is configured).
    func renderMarkdown(_ jobs: [(text: String, options: MarkdownOptions)]) -> [Result<RenderedMarkdown, MarkdownWorkerFailure>] {
        let cache = options.useCache ? MarkdownCache(siteRoot: options.source) : nil
        let requests = cache == nil ? [] : jobs.parallelMap { MarkdownWire.encodeRequest($0.text, $0.options) }
        var results: [Result<RenderedMarkdown, MarkdownWorkerFailure>?] = Array(repeating: nil, count: jobs.count)
        if let cache {
            for (index, hit) in requests.parallelMap({ cache.lookup($0) }).enumerated() {
                if let hit { results[index] = .success(hit) }
            }
        }
        let missing = results.indices.filter { results[$0] == nil }
        let pending = missing.map { jobs[$0] }
        let fresh: [Result<RenderedMarkdown, MarkdownWorkerFailure>]
        if let workers = options.markdownWorkers {
            fresh = MarkdownWorkerPool(configuration: workers).render(pending)
        } else {
            fresh = pending.parallelMap { .success(MarkdownRenderer.render($0.text, options: $0.options)) }
        }
        for (index, result) in zip(missing, fresh) {
            results[index] = result
            if let cache, case .success(let rendered) = result { cache.store(requests[index], rendered) }
        }
        cache?.prune(keeping: requests)
        return results.map { $0! }
    }
}
