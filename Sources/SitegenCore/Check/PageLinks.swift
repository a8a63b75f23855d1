import SitegenContent
import SitegenRender
import SitegenSupport

/// What the link check needs from one generated page, taken right after it is rendered, so
/// the page's bytes need not be kept until every page is done.
struct PageLinks: Sendable, Hashable {
    /// The page's path in the output (`roles/engineer/index.html`).
    var path: String
    /// Its URLs (`href`, `src`, `srcset`… values, decoded and cleaned as a URL parser cleans
    /// them), each once, in the order first seen.
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
        let links = scan.links.map(cleaned).filter { seen.insert($0).inserted }
        return PageLinks(path: file.path, links: links, ids: scan.ids, source: file.source, markdownLinks: file.markdownLinks)
    }

    /// An attribute value as the URL parser reads it: leading and trailing C0 controls and
    /// spaces dropped, every tab, line feed and carriage return removed, and (for the `http`,
    /// `https` and `file` URLs a site is read over) a backslash before any `?` or `#` taken
    /// for a slash.
    static func cleaned(_ value: String) -> String {
        let utf8 = value.utf8
        let needsWork =
            utf8.first.map { $0 <= 0x20 } == true || utf8.last.map { $0 <= 0x20 } == true
            || utf8.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: "\\") }
        guard needsWork else { return value }
        var bytes = Array(utf8.drop { $0 <= 0x20 })
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        bytes.removeAll { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        for index in bytes.indices {
            if bytes[index] == UInt8(ascii: "?") || bytes[index] == UInt8(ascii: "#") { break }
            if bytes[index] == UInt8(ascii: "\\") { bytes[index] = UInt8(ascii: "/") }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
