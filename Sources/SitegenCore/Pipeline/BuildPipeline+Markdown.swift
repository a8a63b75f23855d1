import Foundation
import SitegenMarkdown

extension BuildPipeline {
    /// Renders Markdown documents: from the cache when an identical request was rendered
    /// before, otherwise on the worker pool (or in this process when no pool is configured).
    /// `keepOthers`: `jobs` are only some of the site's documents (an incremental build), so
    /// the cache keeps its other entries and new ones are appended.
    func renderMarkdown(_ jobs: [(text: String, options: MarkdownOptions)], keepOthers: Bool = false) -> [Result<RenderedMarkdown, MarkdownWorkerFailure>] {
        let cache = options.useCache ? MarkdownCache(siteRoot: options.source) : nil
        let pack = cache?.load()
        // Each request is encoded only to be digested once: the key its entry is found and stored by.
        let keys = cache == nil ? [] : jobs.parallelMap { MarkdownCache.key(MarkdownWire.encodeRequest($0.text, $0.options)) }
        var responses: [Data?] = Array(repeating: nil, count: jobs.count)
        var results: [Result<RenderedMarkdown, MarkdownWorkerFailure>?] = Array(repeating: nil, count: jobs.count)
        if let pack {
            let found = keys.parallelMap { key -> (Data, RenderedMarkdown)? in
                guard let response = pack.response(forKey: key), MarkdownWire.frameLength(response) == response.count - 4,
                    let rendered = MarkdownWire.decodeResponse(response.dropFirst(4))
                else { return nil }
                return (response, rendered)
            }
            for (index, hit) in found.enumerated() {
                guard let (response, rendered) = hit else { continue }
                responses[index] = response
                results[index] = .success(rendered)
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
            if cache != nil, case .success(let rendered) = result { responses[index] = MarkdownWire.encodeResponse(rendered) }
        }
        if let cache, keepOthers {
            let fresh = missing.compactMap { index in responses[index].map { (keys[index], $0) } }
            if !fresh.isEmpty { cache.append(fresh) }
        } else if let cache, let pack, !missing.isEmpty || pack.count != keys.count {
            // Rewrite the pack only when it would change (a document rendered, or one gone).
            cache.save(zip(keys, responses).compactMap { key, response in response.map { (key, $0) } })
        }
        return results.map { $0! }
    }
}
