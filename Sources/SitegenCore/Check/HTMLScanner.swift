import Foundation

/// Pulls `href`, `src` and `id` attribute values out of HTML that sitegen generated (double-
/// quoted attributes, entity-escaped values) in one pass over the bytes. Not a general HTML
/// parser: it relies on the templates' and cmark-gfm's consistent output.
enum HTMLScanner {
    /// What one page links to and which element ids it has.
    struct Scan: Sendable {
        /// `href` and `src` values, decoded, in document order.
        var links: [String] = []
        /// Every `id` value.
        var ids: Set<String> = []
    }

    private static let href = Array("href=\"".utf8)
    private static let src = Array("src=\"".utf8)
    private static let id = Array("id=\"".utf8)

    /// Scans a page's bytes.
    static func scan(_ data: Data) -> Scan {
        data.withUnsafeBytes { raw in scan(raw.bindMemory(to: UInt8.self)) }
    }

    /// Scans a page's text.
    static func scan(_ html: String) -> Scan { scan(Data(html.utf8)) }

    static func links(in html: String) -> [String] { scan(html).links }

    static func ids(in html: String) -> Set<String> { scan(html).ids }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var result = Scan()
        var index = 0
        var inTag = false
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if inTag, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") {
                let start = index + 1
                for (pattern, isID) in [(href, false), (src, false), (id, true)] where matches(pattern, in: bytes, at: start) {
                    var end = start + pattern.count
                    while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                    let value = decodeEntities(String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + pattern.count)..<end]), as: UTF8.self))
                    if isID { result.ids.insert(value) } else { result.links.append(value) }
                    index = end
                    break
                }
            }
            index += 1
        }
        return result
    }

    private static func matches(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        guard start + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[start + offset] != pattern[offset] { return false }
        return true
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&amp;", with: "&")
    }
}
