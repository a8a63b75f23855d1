import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

/// Pulls the URLs and element ids out of an HTML page as a browser reads them: tags and
/// attributes by the WHATWG tokenizer's rules (`HTMLTagReader`), elements and the text that
/// is not markup by the parts of tree construction that drop or hide tags (`HTMLTreeState`),
/// values with their character references decoded (`HTMLCharacterReference`).
///
/// URLs are taken from `href`, `src` and `srcset` on every element; `action` on `<form>`,
/// `formaction` on `<button>` and `<input>`, `poster` on `<video>`, `data` on `<object>`,
/// `cite` on `<blockquote>`, `<q>`, `<del>` and `<ins>`, `background` on `<body>`, `<table>`,
/// `<td>` and `<th>`, `ping` on `<a>` and `<area>` (a list), `imagesrcset` on `<link>`,
/// `manifest` on `<html>`, and `xlink:href` in SVG and MathML. A `srcset` gives the URL of
/// each candidate (descriptors are not judged). Fragment targets are every `id`, and the
/// `name` of an `<a>`.
enum HTMLScanner {
    /// What one page links to and which element ids it has.
    struct Scan: Sendable {
        /// The URL attributes' values, decoded, in document order (not yet cleaned the way a
        /// URL parser cleans them: `LinkChecker` does that).
        var links: [String] = []
        /// Every `id` value, and every `<a name>`.
        var ids: Set<String> = []
    }

    /// One URL or id found, with the offset of its attribute value in the input.
    struct Found {
        enum Kind {
            case link, id
        }

        var kind: Kind
        var value: String
        var offset: Int
    }

    /// Scans a page's bytes.
    static func scan(_ data: Data) -> Scan {
        data.withUnsafeBytes { raw in scan(raw.bindMemory(to: UInt8.self)) }
    }

    /// Scans a page's text.
    static func scan(_ html: String) -> Scan { scan(Data(html.utf8)) }

    static func links(in html: String) -> [String] { scan(html).links }

    static func ids(in html: String) -> Set<String> { scan(html).ids }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Scan {
        var result = Scan()
        visit(bytes) { found in
            switch found.kind {
            case .link: result.links.append(found.value)
            case .id: result.ids.insert(found.value)
            }
        }
        return result
    }

    /// Calls `body` with every URL and id of the document, in document order.
    static func visit(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Found) -> Void) {
        var reader = HTMLTagReader(bytes)
        var tree = HTMLTreeState()
        reader.watchesText = tree.watchesText
        // What the body holds while a `<frameset>` may still replace it.
        var held: [Found] = []
        while let tag = reader.next() {
            if reader.sawText {
                tree.sawText()
                reader.sawText = false
            }
            if !tree.holdsBody, !held.isEmpty {
                held.forEach(body)
                held.removeAll()
            }
            let element = HTMLElement(UnsafeBufferPointer(rebasing: bytes[tag.name]))
            if tag.isEnd {
                tree.end(element, tag, reader: &reader)
                continue
            }
            let made = tree.start(element, tag, reader: &reader)
            if tree.replacedBody {
                held.removeAll()
                tree.replacedBody = false
            }
            if !tree.holdsBody, !held.isEmpty {
                held.forEach(body)
                held.removeAll()
            }
            guard let namespace = made, !reader.attributes.isEmpty else { continue }
            // The `<html>` element stays when the body goes.
            let holds = tree.holdsBody && element != .html
            for (index, attribute) in reader.attributes.enumerated() {
                let nameBytes = UnsafeBufferPointer(rebasing: bytes[attribute.name])
                guard let name = HTMLAttributeName(nameBytes), let role = role(of: name, on: element, in: namespace) else { continue }
                // Of two attributes with one name, the first counts.
                guard !reader.attributes[..<index].contains(where: { Self.sameName($0.name, attribute.name, in: bytes) }) else { continue }
                if namespace == .html, element == .html || element == .body, !tree.adds(attribute.name, to: element, in: bytes) { continue }
                let value = HTMLCharacterReference.decodeAttribute(UnsafeBufferPointer(rebasing: bytes[attribute.value]))
                let offset = attribute.value.lowerBound
                switch role {
                case .id, .url:
                    let found = Found(kind: role == .id ? .id : .link, value: value, offset: offset)
                    if holds { held.append(found) } else { body(found) }
                case .urlList, .srcset:
                    let urls =
                        role == .srcset ? SourceSet.urls(in: value) : value.utf8.split(whereSeparator: HTMLTagReader.isSpace).map { String(Substring($0)) }
                    for url in urls {
                        let found = Found(kind: .link, value: url, offset: offset)
                        if holds { held.append(found) } else { body(found) }
                    }
                }
            }
        }
        held.forEach(body)
    }

    /// What an attribute gives the link check.
    enum Role {
        case id, url, urlList, srcset
    }

    static func role(of name: HTMLAttributeName, on element: HTMLElement, in namespace: HTMLTreeState.Namespace) -> Role? {
        switch name {
        case .id: return .id
        case .href, .src: return .url
        case .srcset: return .srcset
        case .xlinkHref: return namespace == .html ? nil : .url
        case .encoding, .color, .face, .size, .type: return nil
        default: break
        }
        guard namespace == .html else { return nil }
        switch (name, element) {
        case (.name, .a): return .id
        case (.action, .form), (.formaction, .button), (.formaction, .input), (.poster, .video), (.data, .object): return .url
        case (.cite, .blockquote), (.cite, .q), (.cite, .del), (.cite, .ins): return .url
        case (.background, .body), (.background, .table), (.background, .td), (.background, .th), (.manifest, .html): return .url
        case (.ping, .a), (.ping, .area): return .urlList
        case (.imagesrcset, .link): return .srcset
        default: return nil
        }
    }

    private static func sameName(_ left: Range<Int>, _ right: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        for offset in 0..<left.count {
            let a = bytes[left.lowerBound + offset]
            let b = bytes[right.lowerBound + offset]
            if a != b, !(HTMLTagReader.isAlpha(a) && a | 0x20 == b | 0x20) { return false }
        }
        return true
    }
}

/// The URLs of a `srcset` (or `imagesrcset`) value, split as the HTML standard's "parse a
/// srcset attribute" splits it: candidates separated by commas, each a URL (trailing commas
/// dropped) and descriptors up to a comma outside parentheses.
enum SourceSet {
    static func urls(in value: String) -> [String] {
        let bytes = Array(value.utf8)
        var urls: [String] = []
        var position = 0
        func isSpace(_ byte: UInt8) -> Bool { HTMLTagReader.isSpace(byte) }
        while true {
            while position < bytes.count, isSpace(bytes[position]) || bytes[position] == UInt8(ascii: ",") { position += 1 }
            guard position < bytes.count else { return urls }
            let start = position
            while position < bytes.count, !isSpace(bytes[position]) { position += 1 }
            var end = position
            if bytes[end - 1] == UInt8(ascii: ",") {
                while end > start, bytes[end - 1] == UInt8(ascii: ",") { end -= 1 }
                if end > start { urls.append(String(decoding: bytes[start..<end], as: UTF8.self)) }
                continue
            }
            urls.append(String(decoding: bytes[start..<end], as: UTF8.self))
            // Descriptors, up to a comma outside parentheses.
            var inParentheses = false
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                if inParentheses {
                    if byte == UInt8(ascii: ")") { inParentheses = false }
                } else if byte == UInt8(ascii: "(") {
                    inParentheses = true
                } else if byte == UInt8(ascii: ",") {
                    break
                }
            }
        }
    }
}
