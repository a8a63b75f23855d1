import SitegenContent
import SitegenRender
import SitegenSupport

/// The URL attributes written in a theme's templates, as patterns (`{{root}}roles/` is `*roles/`),
/// so that a broken link on a page can be traced to the template line that wrote it.
///
/// Templates are read with the page scanner after each Mustache tag is replaced: a variable
/// (`{{x}}`, `{{{x}}}`, `{{&x}}`) by a placeholder that matches any text, every other tag
/// (sections, partials, comments) by nothing. A template with set-delimiter tags is not read.
struct TemplateLinks: Sendable {
    /// One URL attribute of a template.
    struct Pattern: Sendable, Hashable {
        /// The literal parts between variables; a link matches when it is these parts with any
        /// text in between (and before and after, where the value starts or ends with a
        /// variable).
        var parts: [String]
        var startsWithVariable: Bool
        var endsWithVariable: Bool
        /// The value as the template writes it (`{{root}}roles/`).
        var written: String
        /// Where the value starts.
        var location: SourceLocation

        /// How many literal bytes it has; the most specific pattern that matches wins.
        var literalLength: Int { parts.reduce(0) { $0 + $1.utf8.count } }

        /// True when `link` is what this pattern makes for some variables.
        func matches(_ link: String) -> Bool {
            var rest = Substring(link)
            for (index, part) in parts.enumerated() {
                let first = index == 0
                let last = index == parts.count - 1
                if first && !startsWithVariable {
                    guard rest.hasPrefix(part) else { return false }
                    rest = rest.dropFirst(part.count)
                    if last { return endsWithVariable || rest.isEmpty }
                    continue
                }
                if last && !endsWithVariable { return rest.hasSuffix(part) }
                guard let range = rest.range(of: part) else { return false }
                rest = rest[range.upperBound...]
            }
            return parts.isEmpty || endsWithVariable || rest.isEmpty
        }
    }

    private(set) var patterns: [Pattern] = []

    /// No templates: nothing is traced.
    init() {}

    /// Reads the URL attributes of each template; `shownAs` names it in diagnostics.
    init(templates: [(text: String, shownAs: String)]) {
        for template in templates.sorted(by: { $0.shownAs < $1.shownAs }) {
            patterns += Self.patterns(in: template.text, file: template.shownAs)
        }
    }

    /// Every location a pattern has (a diagnostic there came from a template).
    var locations: Set<SourceLocation> { Set(patterns.map(\.location)) }

    /// The pattern that most likely wrote `link`: of those that match and have a letter or
    /// digit of their own (`{{url}}` alone says nothing of where a link came from), the one
    /// with the most literal text, then the first in file order.
    func origin(of link: String) -> Pattern? {
        var best: Pattern?
        for pattern in patterns where pattern.literalLength > (best?.literalLength ?? 0) && pattern.matches(link) {
            best = pattern
        }
        return best
    }

    /// Replaces a variable.
    static let placeholder: UInt8 = 0x01

    static func patterns(in text: String, file: String) -> [Pattern] {
        guard let (bytes, offsets) = substituted(text) else { return [] }
        let original = Array(text.utf8)
        var lineStarts = [0]
        for (index, byte) in original.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(index + 1) }
        var patterns: [Pattern] = []
        bytes.withUnsafeBufferPointer { buffer in
            HTMLScanner.visit(buffer) { found in
                guard found.kind == .link else { return }
                let pieces = found.value.split(separator: "\u{01}", omittingEmptySubsequences: false)
                let parts = pieces.filter { !$0.isEmpty }.map(String.init)
                guard parts.contains(where: { $0.utf8.contains(where: HTMLCharacterReference.isAlphanumeric) }) else { return }
                let start = offsets(found.offset)
                let line = lineStarts.lastIndex { $0 <= start } ?? 0
                let end = valueEnd(original, from: start)
                patterns.append(
                    Pattern(
                        parts: parts, startsWithVariable: pieces.first?.isEmpty ?? false, endsWithVariable: pieces.last?.isEmpty ?? false,
                        written: String(decoding: original[start..<end], as: UTF8.self),
                        location: SourceLocation(file: file, line: line + 1, column: start - lineStarts[line] + 1)))
            }
        }
        return patterns
    }

    /// The end of an attribute value in the template text: its closing quote, or the first
    /// space or `>` outside a Mustache tag.
    private static func valueEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = start > 0 ? bytes[start - 1] : 0
        var index = start
        var inTag = false
        while index < bytes.count {
            let byte = bytes[index]
            if bytes[index...].starts(with: [UInt8(ascii: "{"), UInt8(ascii: "{")]) { inTag = true }
            if inTag, bytes[index...].starts(with: [UInt8(ascii: "}"), UInt8(ascii: "}")]) {
                inTag = false
                index += 2
                continue
            }
            if !inTag {
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    if byte == quote { break }
                } else if HTMLTagReader.isSpace(byte) || byte == UInt8(ascii: ">") {
                    break
                }
            }
            index += 1
        }
        return index
    }

    /// The template with its Mustache tags replaced, and a map from offsets in the result to
    /// offsets in `text`; nil for a template that changes its delimiters.
    static func substituted(_ text: String) -> ([UInt8], (Int) -> Int)? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        // (offset in out, offset in text) where a replacement ends.
        var marks: [(Int, Int)] = [(0, 0)]
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") else {
                out.append(bytes[index])
                index += 1
                continue
            }
            let triple = index + 2 < bytes.count && bytes[index + 2] == UInt8(ascii: "{")
            let close: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
            var end = index + (triple ? 3 : 2)
            while end + close.count <= bytes.count, !bytes[end...].starts(with: close) { end += 1 }
            guard end + close.count <= bytes.count else { break }
            let sigil = bytes[(index + (triple ? 3 : 2))..<end].first { $0 != UInt8(ascii: " ") } ?? 0
            if sigil == UInt8(ascii: "=") { return nil }
            let isVariable = triple || !"#^/!><$%".utf8.contains(sigil)
            if isVariable { out.append(placeholder) }
            index = end + close.count
            marks.append((out.count, index))
        }
        let map: (Int) -> Int = { offset in
            // The last replacement that ends at or before `offset`.
            var low = 0
            var high = marks.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if marks[middle].0 <= offset { low = middle } else { high = middle - 1 }
            }
            return marks[low].1 + (offset - marks[low].0)
        }
        return (out, map)
    }
}
