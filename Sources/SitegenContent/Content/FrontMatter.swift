import Foundation

/// A content file split into its YAML front matter and its Markdown body.
package struct FrontMatter: Sendable, Hashable {
    /// The YAML text between the `---` fences (empty when the file has none).
    package var yaml: String
    /// The file line on which the YAML text starts (1-based).
    package var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    package var body: String
    /// The file line on which the body starts (1-based).
    package var bodyFirstLine: Int
    /// False when the file did not start with a `---` fence.
    package var hasFrontMatter: Bool

    package static let unterminated = "front matter is not closed: add a line '---' after the YAML that starts on line 1"

    /// Splits `text`; a file that opens a `---` fence and never closes it is an error. Every
    /// Unicode line break ends a line (`\n`, `\r\n`, `\r`, VT, FF, NEL, U+2028, U+2029, as
    /// `Character.isNewline`); in a file with front matter the parts come out with each line
    /// break written as `\n`. A file without front matter is returned as it is (less a BOM).
    package static func parse(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        var text = text
        switch text.withUTF8({ Self.split($0) }) {
        case .none(let bodyStart):
            let body = bodyStart == 0 ? text : String(text.dropFirst())  // a BOM is one Character
            return .success(FrontMatter(yaml: "", yamlFirstLine: 1, body: body, bodyFirstLine: 1, hasFrontMatter: false))
        case .unterminated:
            return .failure(.error(unterminated, at: SourceLocation(file: file, line: 1, column: 1)))
        case .fenced(let yaml, let body, let closingLine):
            return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closingLine + 1, hasFrontMatter: true))
        }
    }

    private enum Split {
        /// No front matter; the body starts at this byte (after a BOM).
        case none(bodyStart: Int)
        case unterminated
        /// `closingLine` is the 1-based line of the closing fence.
        case fenced(yaml: String, body: String, closingLine: Int)
    }

    /// Finds the fences line by line on the UTF-8 bytes.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>) -> Split {
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        // Most files break lines with `\n` alone: then lines are found with memchr, and the
        // parts need no rewriting.
        let lineFeedsOnly = !LineBreaks.mayHaveOtherBreaks(bytes)
        var line = LineBreaks.next(in: bytes, from: start, lineFeedsOnly: lineFeedsOnly)
        guard isFence(bytes, start, line.end) else { return .none(bodyStart: start) }
        let yamlStart = line.next
        var lineNumber = 1
        while line.next != line.end {  // the previous line ended with a break
            let lineStart = line.next
            line = LineBreaks.next(in: bytes, from: lineStart, lineFeedsOnly: lineFeedsOnly)
            lineNumber += 1
            if isFence(bytes, lineStart, line.end) {
                // The YAML is every line between the fences, each break written as `\n`
                // except the one that ends the last YAML line.
                let yamlBytes = UnsafeBufferPointer(rebasing: bytes[yamlStart..<lineStart])
                let bodyBytes = UnsafeBufferPointer(rebasing: bytes[line.next...])
                guard !lineFeedsOnly else {
                    let yaml = String(decoding: yamlBytes.isEmpty ? yamlBytes : UnsafeBufferPointer(rebasing: yamlBytes.dropLast()), as: UTF8.self)
                    return .fenced(yaml: yaml, body: String(decoding: bodyBytes, as: UTF8.self), closingLine: lineNumber)
                }
                let yaml = LineBreaks.normalized(yamlBytes, droppingLast: true)
                let body = LineBreaks.normalized(bodyBytes)
                return .fenced(yaml: yaml, body: body, closingLine: lineNumber)
            }
        }
        return .unterminated
    }

    private static func isFence(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        end - start == 3 && bytes[start] == UInt8(ascii: "-") && bytes[start + 1] == UInt8(ascii: "-") && bytes[start + 2] == UInt8(ascii: "-")
    }
}

/// The line breaks `Character.isNewline` knows, found on UTF-8 bytes: LF, VT, FF, CR, CR LF,
/// NEL (`C2 85`), LINE SEPARATOR (`E2 80 A8`) and PARAGRAPH SEPARATOR (`E2 80 A9`).
package enum LineBreaks {
    /// The line that starts at `start`: where its text ends and where the next line starts
    /// (both `bytes.count` for the last line, which has no break).
    package static func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, lineFeedsOnly: Bool = false) -> (end: Int, next: Int) {
        if lineFeedsOnly {
            guard start < bytes.count, let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start) else {
                return (bytes.count, bytes.count)
            }
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            return (end, end + 1)
        }
        var index = start
        while index < bytes.count {
            // Every break starts with a byte below 0x0E or with 0xC2 or 0xE2.
            let byte = bytes[index]
            if byte < 0x0E || byte >= 0xC2, let length = breakLength(bytes, at: index) { return (index, index + length) }
            index += 1
        }
        return (bytes.count, bytes.count)
    }

    /// False when the only line breaks in `bytes` are `\n`: no byte that can start another
    /// (VT, FF, CR, and the lead bytes of NEL, U+2028 and U+2029) occurs.
    package static func mayHaveOtherBreaks(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return [0x0B, 0x0C, 0x0D, 0xC2, 0xE2].contains { memchr(base, $0, bytes.count) != nil }
    }

    /// The byte length of the line break at `index`, or nil when none starts there.
    @inline(__always)
    package static func breakLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        switch byte {
        case 0x0A, 0x0B, 0x0C:
            return 1
        case 0x0D:
            return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
        case 0xC2:
            return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : nil
        case 0xE2:
            guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else { return nil }
            return 3
        default:
            return nil
        }
    }

    /// The text of `bytes` with every line break written as a single `\n`, less the last
    /// break when `droppingLast` is set and the bytes are not empty.
    package static func normalized(_ bytes: UnsafeBufferPointer<UInt8>, droppingLast: Bool = false) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { out in
            var written = 0
            var copied = 0
            var index = 0
            func copy(upTo end: Int) {
                let chunk = UnsafeBufferPointer(rebasing: bytes[copied..<end])
                _ = UnsafeMutableBufferPointer(rebasing: out[written...]).initialize(from: chunk)
                written += chunk.count
            }
            while index < bytes.count {
                let byte = bytes[index]
                // Only these bytes can start a break other than a plain `\n`.
                guard byte < 0x0E || byte >= 0xC2, byte != 0x0A, let length = breakLength(bytes, at: index)
                else {
                    index += 1
                    continue
                }
                copy(upTo: index)
                out[written] = 0x0A
                written += 1
                index += length
                copied = index
            }
            copy(upTo: bytes.count)
            if droppingLast && written > 0 { written -= 1 }
            return written
        }
    }
}
