import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenRender
import SitegenSupport

extension BuildPipeline {
    /// Renders Markdown documents: from the cache when an identical request was rendered
    /// before, otherwise on the worker pool (or in this process when no pool is configured).
    func renderMarkdown(_ jobs: [(text: String, options: MarkdownOptions)]) -> [Result<RenderedMarkdown, MarkdownWorkerFailure>] {
        let cache = options.useCache ? MarkdownCache(siteRoot: options.source) : nil
        // Each request is encoded only to be digested once: the key its entry is found and stored by.
        let keys = cache == nil ? [] : jobs.parallelMap { MarkdownCache.key(MarkdownWire.encodeRequest($0.text, $0.options)) }
        var results: [Result<RenderedMarkdown, MarkdownWorkerFailure>?] = Array(repeating: nil, count: jobs.count)
        if let cache {
            let found = keys.parallelMap { key -> RenderedMarkdown? in
                guard let response = cache.response(forKey: key), MarkdownWire.frameLength(response) == response.count - 4 else { return nil }
                return MarkdownWire.decodeResponse(response.dropFirst(4))
            }
            for (index, hit) in found.enumerated() where hit != nil { results[index] = .success(hit!) }
        }
        let missing = results.indices.filter { results[$0] == nil }
        let pending = missing.map { jobs[$0] }
        let fresh: [Result<RenderedMarkdown, MarkdownWorkerFailure>]
        if let workers = options.markdownWorkers {
            fresh = MarkdownWorkerPool(configuration: workers).render(pending)
        } else {
            fresh = pending.parallelMap { .success(MarkdownRenderer.render($0.text, options: $0.options)) }
        }
        var stored: [(key: Digest, response: [UInt8])] = []
        for (index, result) in zip(missing, fresh) {
            results[index] = result
            if cache != nil, case .success(let rendered) = result { stored.append((keys[index], [UInt8](MarkdownWire.encodeResponse(rendered)))) }
        }
        cache?.store(fresh: stored, live: keys)
        return results.map { $0! }
    }
}
