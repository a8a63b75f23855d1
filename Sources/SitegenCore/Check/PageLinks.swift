import SitegenContent
import SitegenRender

/// What the link check needs from one generated page, taken right after it is rendered, so
/// the page's bytes need not be kept until every page is done.
struct PageLinks: Sendable, Hashable {
    /// The page's path in the output (`roles/producer/index.html`).
    var path: String
    /// Its `href` and `src` values, decoded, each once, in the order first seen.
    var links: [String]
    /// Its element ids.
    var ids: Set<String>
    /// The source file it was made from, for diagnostics.
    var source: String?
    /// Links that came from the source's Markdown, with their source positions.
    var markdownLinks: [String: SourceLocation]
}

extension LinkChecker {
    /// Scans a generated page's HTML once for what the link check needs.
    static func summary(of file: OutputFile) -> PageLinks {
        let scan = HTMLScanner.scan(file.contents)
        var seen: Set<String> = []
        seen.reserveCapacity(scan.links.count)
        let links = scan.links.filter { seen.insert($0).inserted }
        return PageLinks(path: file.path, links: links, ids: scan.ids, source: file.source, markdownLinks: file.markdownLinks)
    }
}
