import Foundation
import SitegenContent
import SitegenRender

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

    /// Scans a page's bytes.
    static func scan(_ data: Data) -> Scan {
        data.withUnsafeBytes { raw in scan(raw.bindMemory(to: UInt8.self)) }
    }

    /// Scans a page's text.
    static func scan(_ html: String) -> Scan { scan(Data(html.utf8)) }

    static func links(in html: String) -> [String] { scan(html).links }

    static func ids(in html: String) -> Set<String> { scan(html).ids }

    /// Inside a tag (after `<`, before `>`), an attribute that follows a space or a line feed
    /// is read when it is `href="`, `src="` or `id="`; its value runs to the next `"`.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var result = Scan()
        guard let base = bytes.baseAddress else { return result }
        var index = 0
        let count = bytes.count
        while index < count {
            // Outside tags only `<` matters: jump to it.
            guard let open = memchr(base + index, Int32(UInt8(ascii: "<")), count - index) else { break }
            index = base.distance(to: open.assumingMemoryBound(to: UInt8.self)) + 1
            // Inside a tag until `>` (one inside a scanned attribute value does not end it).
            while index < count {
                let byte = bytes[index]
                if byte == UInt8(ascii: ">") { break }
                if byte == UInt8(ascii: "<") {
                    // A new tag starts: the same state as before.
                } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n"), let (name, isID) = attribute(in: bytes, at: index + 1) {
                    let start = index + 1 + name
                    let end =
                        memchr(base + start, Int32(UInt8(ascii: "\"")), count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
                        ?? count
                    let value = decodeEntities(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    if isID { result.ids.insert(value) } else { result.links.append(value) }
                    index = end
                }
                index += 1
            }
            index += 1
        }
        return result
    }

    /// The length of `href="`, `src="` or `id="` when one starts at `start`, and whether it is
    /// the id.
    @inline(__always)
    private static func attribute(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (length: Int, isID: Bool)? {
        func matches(_ pattern: StaticString) -> Bool {
            let length = pattern.utf8CodeUnitCount
            guard start + length <= bytes.count else { return false }
            let pattern = pattern.utf8Start
            for offset in 0..<length where bytes[start + offset] != pattern[offset] { return false }
            return true
        }
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "h"): return matches("href=\"") ? (6, false) : nil
        case UInt8(ascii: "s"): return matches("src=\"") ? (5, false) : nil
        case UInt8(ascii: "i"): return matches("id=\"") ? (4, true) : nil
        default: return nil
        }
    }

    /// The text of an attribute value with sitegen's and cmark-gfm's entities decoded.
    private static func decodeEntities(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        // Outside ASCII, leave the decision where a match may end to Foundation, as before.
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return decodeEntities(String(decoding: bytes, as: UTF8.self)) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        // One pass gives what replacing each entity in turn gave: no replacement makes a new `&`.
        scanning: while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&") {
                for (entity, character) in entities {
                    let length = entity.count
                    if index + length <= bytes.count, entity.indices.allSatisfy({ bytes[index + $0] == entity[$0] }) {
                        out.append(character)
                        index += length
                        continue scanning
                    }
                }
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let entities: [([UInt8], UInt8)] = [
        (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#39;".utf8), UInt8(ascii: "'")), (Array("&lt;".utf8), UInt8(ascii: "<")),
        (Array("&gt;".utf8), UInt8(ascii: ">")), (Array("&#x2F;".utf8), UInt8(ascii: "/")), (Array("&amp;".utf8), UInt8(ascii: "&")),
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#x2F;", with: "/").replacingOccurrences(of: "&amp;", with: "&")
    }
}
