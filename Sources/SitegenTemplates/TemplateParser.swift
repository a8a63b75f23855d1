/// Turns Mustache template text into nodes: tags (`{{…}}`, with set delimiters), standalone
/// lines and block reindentation (`TemplateParser+Standalone.swift`), then a tree of sections,
/// parents and blocks.
struct TemplateParser {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    private(set) var references: [TemplateReference] = []

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    static func unclosedTag(_ close: String) -> String { "a tag is not closed with '\(close)'" }
    static func unclosedSection(_ name: String) -> String { "section '\(name)' is opened but never closed" }
    static func strayClose(_ name: String) -> String { "'{{/\(name)}}' closes a section that was never opened" }
    static func mismatchedClose(_ name: String, _ close: String) -> String { "section '\(name)' is closed with '{{/\(close)}}'" }
    static let emptyName = "a tag has no name"
    static func badName(_ name: String) -> String { "'\(name)' is not a valid name: use letters, digits, '_', '-' and '.'" }
    static let badDelimiters = "invalid set-delimiter tag: write it like {{=<% %>=}}"
    static func badPragma(_ pragma: String) -> String {
        "unknown pragma '\(pragma)': only CONTENT_TYPE: HTML and CONTENT_TYPE: TEXT are supported"
    }
    static func tagInParent(_ name: String) -> String {
        "only {{$block}} overrides and text (which is ignored) may appear inside '{{<\(name)}}'"
    }

    func location(_ offset: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        let (line, column) = location(offset)
        return TemplateSyntaxError(message: message, line: line, column: column)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = slice
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        return slice
    }

    private func name(_ slice: ArraySlice<UInt8>, at offset: Int) throws(TemplateSyntaxError) -> String {
        let text = String(decoding: Self.trimmed(slice), as: UTF8.self)
        guard !text.isEmpty else { throw error(Self.emptyName, at: offset) }
        if text == "." { return text }
        let allowed = text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") || byte >= 0x80
        }
        guard allowed, !text.hasPrefix("."), !text.hasSuffix("."), !text.contains("..") else { throw error(Self.badName(text), at: offset) }
        return text
    }

    /// Splits the text into tokens; each text token holds at most one newline, at its end.
    private func tokenize() throws(TemplateSyntaxError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var index = 0
        func addText(_ range: Range<Int>) {
            var start = range.lowerBound
            for position in range where bytes[position] == UInt8(ascii: "\n") {
                tokens.append(TemplateToken(kind: .text(Array(bytes[start...position])), offset: start))
                start = position + 1
            }
            if start < range.upperBound { tokens.append(TemplateToken(kind: .text(Array(bytes[start..<range.upperBound])), offset: start)) }
        }
        while index < bytes.count {
            guard let tagStart = find(open, from: index) else {
                addText(index..<bytes.count)
                break
            }
            addText(index..<tagStart)
            let contentStart = tagStart + open.count
            if contentStart < bytes.count, bytes[contentStart] == UInt8(ascii: "{") {
                let triple = [UInt8(ascii: "}")] + close
                guard let end = find(triple, from: contentStart + 1) else {
                    throw error(Self.unclosedTag(String(decoding: triple, as: UTF8.self)), at: tagStart)
                }
                tokens.append(TemplateToken(kind: .variable(try name(bytes[(contentStart + 1)..<end], at: tagStart), escaped: false), offset: tagStart))
                index = end + triple.count
                continue
            }
            guard let end = find(close, from: contentStart) else {
                throw error(Self.unclosedTag(String(decoding: close, as: UTF8.self)), at: tagStart)
            }
            index = end + close.count
            let content = Self.trimmed(bytes[contentStart..<end])
            let rest = content.dropFirst()
            let kind: TemplateToken.Kind
            switch content.first {
            case UInt8(ascii: "#"): kind = .open(try name(rest, at: tagStart), inverted: false)
            case UInt8(ascii: "^"): kind = .open(try name(rest, at: tagStart), inverted: true)
            case UInt8(ascii: "/"): kind = .close(try name(rest, at: tagStart))
            case UInt8(ascii: ">"): kind = .partial(try name(rest, at: tagStart))
            case UInt8(ascii: "<"): kind = .parent(try name(rest, at: tagStart))
            case UInt8(ascii: "$"): kind = .block(try name(rest, at: tagStart))
            case UInt8(ascii: "&"): kind = .variable(try name(rest, at: tagStart), escaped: false)
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: "="):
                guard content.count >= 2, content.last == UInt8(ascii: "=") else { throw error(Self.badDelimiters, at: tagStart) }
                let parts = Self.trimmed(content.dropFirst().dropLast()).split(whereSeparator: Self.isSpace)
                guard parts.count == 2, !parts[0].contains(UInt8(ascii: "=")), !parts[1].contains(UInt8(ascii: "=")) else {
                    throw error(Self.badDelimiters, at: tagStart)
                }
                open = Array(parts[0])
                close = Array(parts[1])
                kind = .setDelimiters
            case UInt8(ascii: "%"):
                let pragma = String(decoding: rest, as: UTF8.self).filter { $0 != " " }
                switch pragma {
                case "CONTENT_TYPE:HTML": kind = .pragma(escapes: true)
                case "CONTENT_TYPE:TEXT": kind = .pragma(escapes: false)
                default: throw error(Self.badPragma(String(decoding: Self.trimmed(rest), as: UTF8.self)), at: tagStart)
                }
            default: kind = .variable(try name(content, at: tagStart), escaped: true)
            }
            tokens.append(TemplateToken(kind: kind, offset: tagStart))
        }
        return tokens
    }

    // MARK: Tree

    private struct Frame {
        enum Kind { case root, section(inverted: Bool), parent, block }
        var kind: Kind
        var name: String
        var offset: Int
        var indentation: [UInt8] = []
        var blockIndentation: [UInt8]?
        var nodes: [TemplateNode] = []
        var overrides: [String: [TemplateNode]] = [:]
    }

    /// Parses the whole text into nodes.
    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        var tokens = Self.removeStandaloneLines(try tokenize())
        Self.reindentBlocks(&tokens)
        var stack = [Frame(kind: .root, name: "", offset: 0)]
        func append(_ node: TemplateNode, at offset: Int) throws(TemplateSyntaxError) {
            let top = stack.count - 1
            if case .parent = stack[top].kind {
                switch node {
                case .block(let name, let nodes, _): stack[top].overrides[name] = nodes
                case .text, .escaping: break
                default: throw error(Self.tagInParent(stack[top].name), at: offset)
                }
                return
            }
            if case .text(let text) = node, text.isEmpty { return }
            if case .text(let text) = node, case .text(let previous) = stack[top].nodes.last {
                stack[top].nodes[stack[top].nodes.count - 1] = .text(previous + text)
            } else {
                stack[top].nodes.append(node)
            }
        }
        for token in tokens {
            switch token.kind {
            case .text(let text): try append(.text(text), at: token.offset)
            case .variable(let name, let escaped): try append(.variable(templateName(name, token.offset), escaped: escaped), at: token.offset)
            case .open(let name, let inverted): stack.append(Frame(kind: .section(inverted: inverted), name: name, offset: token.offset))
            case .block(let name):
                stack.append(Frame(kind: .block, name: name, offset: token.offset, blockIndentation: token.blockIndentation))
            case .parent(let name):
                record(.parent, name, token.offset)
                stack.append(Frame(kind: .parent, name: name, offset: token.offset, indentation: token.indentation))
            case .partial(let name):
                record(.partial, name, token.offset)
                try append(.partial(name, indentation: token.indentation), at: token.offset)
            case .close(let name):
                guard stack.count > 1 else { throw error(Self.strayClose(name), at: token.offset) }
                let frame = stack.removeLast()
                guard frame.name == name else { throw error(Self.mismatchedClose(frame.name, name), at: token.offset) }
                switch frame.kind {
                case .root: break
                case .section(let inverted):
                    try append(.section(templateName(name, frame.offset), frame.nodes, inverted: inverted), at: frame.offset)
                case .block: try append(.block(name, frame.nodes, indentation: frame.blockIndentation), at: frame.offset)
                case .parent:
                    let node = TemplateNode.parent(name, overrides: frame.overrides, indentation: frame.indentation, at: position(frame.offset))
                    try append(node, at: frame.offset)
                }
            case .pragma(let escapes): try append(.escaping(escapes), at: token.offset)
            case .comment, .setDelimiters: break
            }
        }
        guard stack.count == 1 else { throw error(Self.unclosedSection(stack[stack.count - 1].name), at: stack[stack.count - 1].offset) }
        return stack[0].nodes
    }

    private func templateName(_ text: String, _ offset: Int) -> TemplateName { TemplateName(text, at: position(offset)) }

    private func position(_ offset: Int) -> TemplatePosition {
        let (line, column) = location(offset)
        return TemplatePosition(line: line, column: column)
    }

    private mutating func record(_ kind: TemplateReference.Kind, _ name: String, _ offset: Int) {
        let (line, column) = location(offset)
        references.append(TemplateReference(kind: kind, name: name, line: line, column: column))
    }
}
