/// Pulls `href`, `src` and `id` attribute values out of HTML that sitegen generated (double-
/// quoted attributes, entity-escaped values). Not a general HTML parser.
enum HTMLScanner {
    /// Link destinations (`href` and `src`), decoded, in document order.
    static func links(in html: String) -> [String] {
        values(of: ["href", "src"], in: html)
    }

    /// Every `id` (and legacy `name` anchor) in the document.
    static func ids(in html: String) -> Set<String> {
        Set(values(of: ["id"], in: html))
    }

    private static func values(of attributes: [String], in html: String) -> [String] {
        var results: [String] = []
        let bytes = Array(html.utf8)
        var index = 0
        var inTag = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if inTag, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") {
                for name in attributes {
                    let pattern = Array((name + "=\"").utf8)
                    let start = index + 1
                    guard start + pattern.count <= bytes.count, Array(bytes[start..<start + pattern.count]) == pattern else { continue }
                    var end = start + pattern.count
                    while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                    results.append(decodeEntities(String(decoding: bytes[(start + pattern.count)..<end], as: UTF8.self)))
                    index = end
                    break
                }
            }
            index += 1
        }
        return results
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&amp;", with: "&")
    }
}
