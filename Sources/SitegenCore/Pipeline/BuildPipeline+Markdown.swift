import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenRender
import SitegenSupport

extension BuildPipeline {
    /// Renders Markdown documents: from the cache when an identical request (its `key`,
    /// `MarkdownCache.key`) was rendered before, otherwise on the worker pool (or in this
    /// process when no pool is configured). The cache keeps the entries of `live`, the keys of
    /// every document the site shows (nil: the jobs' own).
    func renderMarkdown(
        _ jobs: [(text: String, options: MarkdownOptions, key: Digest)], live: [Digest]? = nil, counter: StepCounter? = nil
    ) -> [Result<RenderedMarkdown, MarkdownWorkerFailure>] {
        // Nothing to render: the pack (37 MB at 10k roles) is not even opened.
        guard !jobs.isEmpty else { return [] }
        let cache = options.useCache ? MarkdownCache(siteRoot: options.source) : nil
        let keys = jobs.map(\.key)
        var results: [Result<RenderedMarkdown, MarkdownWorkerFailure>?] = Array(repeating: nil, count: jobs.count)
        if let cache {
            let found = keys.parallelMap { cache.lookup(key: $0) }
            for (index, hit) in found.enumerated() where hit != nil { results[index] = .success(hit!) }
        }
        let missing = results.indices.filter { results[$0] == nil }
        counter?.advance(by: jobs.count - missing.count)
        let pending = missing.map { (text: jobs[$0].text, options: jobs[$0].options) }
        let fresh: [Result<RenderedMarkdown, MarkdownWorkerFailure>]
        if let workers = options.markdownWorkers {
            fresh = MarkdownWorkerPool(configuration: workers).render(pending) { counter?.advance() }
        } else {
            fresh = pending.parallelMap { job in
                defer { counter?.advance() }
                return .success(MarkdownRenderer.render(job.text, options: job.options))
            }
        }
        var stored: [(key: Digest, response: [UInt8])] = []
        for (index, result) in zip(missing, fresh) {
            results[index] = result
            if cache != nil, case .success(let rendered) = result { stored.append((keys[index], [UInt8](MarkdownWire.encodeResponse(rendered)))) }
        }
        cache?.store(fresh: stored, live: live ?? keys)
        return results.map { $0! }
    }
}
