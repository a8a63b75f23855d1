import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

/// The tags of an HTML document as the WHATWG tokenizer reads them, without building tokens
/// for text: comments, doctypes, bogus comments and CDATA sections are skipped, and the text
/// of `<script>`, `<style>`, `<title>` and the like is not read for tags once the reader is
/// told to (`text`; deciding that is tree construction's part, `HTMLTreeState`).
///
/// Attribute names and values come as byte ranges of the input; a value is decoded only when
/// someone wants it (`HTMLCharacterReference`). The rules followed are the tokenizer's: any
/// of tab, LF, FF, CR and space separates, `/` between attributes is ignored, a quoted value
/// may be followed by the next name without a space (`class="x"href="y"`), a name begins with
/// whatever is not a separator (`"`, `'`, `<` and a leading `=` included), and a tag that
/// the document ends inside is no tag at all.
struct HTMLTagReader {
    /// How the text after the last tag is read.
    enum TextState: Equatable {
        /// Ordinary markup.
        case data
        /// `<title>`, `<textarea>`: text up to the end tag of `endTag`.
        case rcdata
        /// `<style>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`.
        case rawText
        /// `<script>`: text with its escaped (`<!--`) and double-escaped states.
        case scriptData
        /// `<plaintext>`: the rest of the document is text.
        case plaintext
    }

    /// One tag.
    struct Tag {
        var isEnd: Bool
        /// The name as written (compare it ignoring ASCII case).
        var name: Range<Int>
        var selfClosing: Bool
        /// The offset of its `<`.
        var start: Int
    }

    /// One attribute of the last tag read.
    struct Attribute {
        var name: Range<Int>
        /// The value as written, quotes excluded; empty when there is none.
        var value: Range<Int>
    }

    let bytes: UnsafeBufferPointer<UInt8>
    /// Where reading goes on.
    private(set) var index = 0
    /// The attributes of the last tag, in order, duplicates included (the first one counts).
    private(set) var attributes: [Attribute] = []
    /// How the text after the current position is read; set it after a start tag.
    var text = TextState.data
    /// The name (lowercase ASCII) whose end tag ends `rcdata`, `rawText` and `scriptData`.
    var endTag: [UInt8] = []
    /// `<![CDATA[…]]>` is a section (in SVG and MathML), not a bogus comment.
    var allowsCDATA = false
    /// Note text other than spaces in `sawText` (tree construction needs to know whether a
    /// `<frameset>` may still replace the body).
    var watchesText = false
    /// Text other than spaces was read (while `watchesText`).
    var sawText = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        attributes.reserveCapacity(16)
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0C || byte == 0x0D
    }

    @inline(__always)
    static func isAlpha(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }

    /// The next tag; nil at the end of the document.
    mutating func next() -> Tag? {
        let count = bytes.count
        while true {
            switch text {
            case .data: break
            case .plaintext:
                index = count
                return nil
            case .rcdata, .rawText: index = endTagOfText(from: index)
            case .scriptData: index = endTagOfScript(from: index)
            }
            text = .data
            guard let open = find(UInt8(ascii: "<"), from: index) else {
                if watchesText { noteText(index..<count) }
                index = count
                return nil
            }
            if watchesText { noteText(index..<open) }
            let after = open + 1
            guard after < count else {
                index = count
                return nil
            }
            let byte = bytes[after]
            if Self.isAlpha(byte) {
                return tag(start: open, nameStart: after, isEnd: false)
            } else if byte == UInt8(ascii: "/") {
                let nameStart = after + 1
                guard nameStart < count else {
                    index = count
                    return nil
                }
                if Self.isAlpha(bytes[nameStart]) { return tag(start: open, nameStart: nameStart, isEnd: true) }
                // `</>` is nothing; `</` and anything else opens a bogus comment.
                index = bytes[nameStart] == UInt8(ascii: ">") ? nameStart + 1 : skip(past: UInt8(ascii: ">"), from: nameStart)
            } else if byte == UInt8(ascii: "!") {
                index = markupDeclaration(at: after + 1)
            } else if byte == UInt8(ascii: "?") {
                index = skip(past: UInt8(ascii: ">"), from: after)
            } else {
                // Not a tag: the `<` is text.
                if watchesText { sawText = true }
                index = after
            }
        }
    }

    private mutating func noteText(_ range: Range<Int>) {
        if bytes[range].contains(where: { !Self.isSpace($0) && $0 != 0 }) { sawText = true }
    }

    // MARK: Tags

    private enum AttributeState {
        case beforeName, afterName, beforeValue, afterQuotedValue, selfClosing
    }

    /// Reads a tag from its name on; nil (and the end of the document) when it is not closed.
    private mutating func tag(start: Int, nameStart: Int, isEnd: Bool) -> Tag? {
        let count = bytes.count
        var position = nameStart
        while position < count {
            let byte = bytes[position]
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            position += 1
        }
        var tag = Tag(isEnd: isEnd, name: nameStart..<position, selfClosing: false, start: start)
        attributes.removeAll(keepingCapacity: true)
        var state = AttributeState.beforeName
        while position < count {
            let byte = bytes[position]
            switch state {
            case .beforeName:
                if Self.isSpace(byte) {
                    position += 1
                } else if byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") {
                    state = .afterName
                } else {
                    // A name; a leading `=` belongs to it.
                    position = attributeName(from: position, first: position + 1)
                    state = .afterName
                }
            case .afterName:
                if Self.isSpace(byte) {
                    position += 1
                } else if byte == UInt8(ascii: "/") {
                    position += 1
                    state = .selfClosing
                } else if byte == UInt8(ascii: "=") {
                    position += 1
                    state = .beforeValue
                } else if byte == UInt8(ascii: ">") {
                    index = position + 1
                    return tag
                } else {
                    position = attributeName(from: position, first: position + 1)
                }
            case .beforeValue:
                if Self.isSpace(byte) {
                    position += 1
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    guard let close = find(byte, from: position + 1) else {
                        index = count
                        return nil
                    }
                    attributes[attributes.count - 1].value = (position + 1)..<close
                    position = close + 1
                    state = .afterQuotedValue
                } else if byte == UInt8(ascii: ">") {
                    index = position + 1
                    return tag
                } else {
                    let valueStart = position
                    while position < count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
                    attributes[attributes.count - 1].value = valueStart..<position
                    state = .beforeName
                }
            case .afterQuotedValue:
                if Self.isSpace(byte) {
                    position += 1
                    state = .beforeName
                } else if byte == UInt8(ascii: "/") {
                    position += 1
                    state = .selfClosing
                } else if byte == UInt8(ascii: ">") {
                    index = position + 1
                    return tag
                } else {
                    state = .beforeName
                }
            case .selfClosing:
                if byte == UInt8(ascii: ">") {
                    tag.selfClosing = true
                    index = position + 1
                    return tag
                }
                state = .beforeName
            }
        }
        index = count
        return nil
    }

    /// Reads an attribute name that starts at `start` (its first byte taken whatever it is),
    /// records the attribute, and returns where the name ends.
    private mutating func attributeName(from start: Int, first: Int) -> Int {
        var position = first
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") { break }
            position += 1
        }
        attributes.append(Attribute(name: start..<position, value: position..<position))
        return position
    }

    // MARK: Things that are not tags

    /// After `<!`: a comment, a doctype, a CDATA section or a bogus comment; returns where the
    /// text after it starts.
    private func markupDeclaration(at start: Int) -> Int {
        if matches("--", at: start, ignoringCase: false) { return endOfComment(from: start + 2) }
        if matches("doctype", at: start, ignoringCase: true) { return skip(past: UInt8(ascii: ">"), from: start + 7) }
        if allowsCDATA, matches("[CDATA[", at: start, ignoringCase: false) {
            return find("]]>", from: start + 7).map { $0 + 3 } ?? bytes.count
        }
        return skip(past: UInt8(ascii: ">"), from: start)
    }

    /// A comment's text starts at `start`: it ends with `-->` or `--!>`, or at once with `>`
    /// or `->` (`<!-->`, `<!--->`), or with the document.
    private func endOfComment(from start: Int) -> Int {
        if start < bytes.count, bytes[start] == UInt8(ascii: ">") { return start + 1 }
        if matches("->", at: start, ignoringCase: false) { return start + 2 }
        var position = start
        while let dashes = find("--", from: position) {
            if matches(">", at: dashes + 2, ignoringCase: false) { return dashes + 3 }
            if matches("!>", at: dashes + 2, ignoringCase: false) { return dashes + 4 }
            position = dashes + 1
        }
        return bytes.count
    }

    /// In RCDATA and RAWTEXT, the `<` of the first `</endTag` followed by a separator, `/`
    /// or `>`; the end of the document when there is none.
    private func endTagOfText(from start: Int) -> Int {
        var position = start
        while let open = find(UInt8(ascii: "<"), from: position) {
            if isEndTag(at: open) { return open }
            position = open + 1
        }
        return bytes.count
    }

    /// `</endTag` and a separator, `/` or `>` at `open`.
    private func isEndTag(at open: Int) -> Bool {
        let nameStart = open + 2
        let after = nameStart + endTag.count
        guard after < bytes.count, bytes[open + 1] == UInt8(ascii: "/") else { return false }
        for offset in 0..<endTag.count where bytes[nameStart + offset] | 0x20 != endTag[offset] { return false }
        let byte = bytes[after]
        return Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }

    private enum ScriptState {
        case data, escaped, escapedDash, escapedDashDash, doubleEscaped, doubleEscapedDash, doubleEscapedDashDash
    }

    /// In script data, the `<` of the `</script` that ends it (the tokenizer's script data
    /// states: `<!--` escapes, and `<script` inside an escape escapes twice, so that only the
    /// second `</script>` ends it).
    private func endTagOfScript(from start: Int) -> Int {
        let count = bytes.count
        var state = ScriptState.data
        var position = start
        while position < count {
            let byte = bytes[position]
            switch state {
            case .data:
                guard let open = find(UInt8(ascii: "<"), from: position) else { return count }
                if isEndTag(at: open) { return open }
                if matches("!--", at: open + 1, ignoringCase: false) {
                    state = .escapedDashDash
                    position = open + 4
                } else if matches("!-", at: open + 1, ignoringCase: false) {
                    position = open + 3
                } else if matches("!", at: open + 1, ignoringCase: false) {
                    position = open + 2
                } else {
                    position = open + 1
                }
            case .escaped, .escapedDash, .escapedDashDash:
                if byte == UInt8(ascii: "-") {
                    state = state == .escaped ? .escapedDash : .escapedDashDash
                    position += 1
                } else if byte == UInt8(ascii: "<") {
                    if isEndTag(at: position) { return position }
                    state = .escaped
                    if position + 1 < count, Self.isAlpha(bytes[position + 1]) {
                        let (isScript, stop, ends) = word(from: position + 1)
                        if ends && isScript { state = .doubleEscaped }
                        position = ends ? stop + 1 : stop
                    } else {
                        position += 1
                    }
                } else {
                    state = byte == UInt8(ascii: ">") && state == .escapedDashDash ? .data : .escaped
                    position += 1
                }
            case .doubleEscaped, .doubleEscapedDash, .doubleEscapedDashDash:
                if byte == UInt8(ascii: "-") {
                    state = state == .doubleEscaped ? .doubleEscapedDash : .doubleEscapedDashDash
                    position += 1
                } else if byte == UInt8(ascii: "<") {
                    state = .doubleEscaped
                    if position + 2 < count, bytes[position + 1] == UInt8(ascii: "/"), Self.isAlpha(bytes[position + 2]) {
                        let (isScript, stop, ends) = word(from: position + 2)
                        if ends && isScript { state = .escaped }
                        position = ends ? stop + 1 : stop
                    } else {
                        position += 1
                    }
                } else {
                    state = byte == UInt8(ascii: ">") && state == .doubleEscapedDashDash ? .data : .doubleEscaped
                    position += 1
                }
            }
        }
        return count
    }

    /// Whether the letters from `start` spell `script` (ignoring case), where they stop, and
    /// whether the byte there ends the word (a separator, `/` or `>`; it is then consumed). Any
    /// other byte is read again in the current state.
    private func word(from start: Int) -> (isScript: Bool, stop: Int, ends: Bool) {
        var position = start
        while position < bytes.count, Self.isAlpha(bytes[position]) { position += 1 }
        let isScript = position - start == 6 && matches("script", at: start, ignoringCase: true)
        guard position < bytes.count else { return (isScript, position, false) }
        let byte = bytes[position]
        return (isScript, position, Self.isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">"))
    }

    // MARK: Byte search

    @inline(__always)
    private func find(_ byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        return memchr(base + start, Int32(byte), bytes.count - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let first = needle.utf8Start[0]
        var position = start
        while let candidate = find(first, from: position) {
            if matches(needle, at: candidate, ignoringCase: false) { return candidate }
            position = candidate + 1
        }
        return nil
    }

    /// The position after the next `byte` at or after `start`; the end when there is none.
    private func skip(past byte: UInt8, from start: Int) -> Int {
        find(byte, from: start).map { $0 + 1 } ?? bytes.count
    }

    private func matches(_ text: StaticString, at start: Int, ignoringCase: Bool) -> Bool {
        let length = text.utf8CodeUnitCount
        guard start >= 0, start + length <= bytes.count else { return false }
        let pattern = text.utf8Start
        for offset in 0..<length {
            let byte = bytes[start + offset]
            if (ignoringCase && Self.isAlpha(byte) ? byte | 0x20 : byte) != pattern[offset] { return false }
        }
        return true
    }
}
