/// Standalone lines and block reindentation, as the Mustache spec and its `~inheritance`
/// module describe them.
///
/// A line holding only whitespace and one section, inverted section, comment, partial, parent,
/// block, close, set-delimiter or pragma tag disappears from the output; the whitespace before
/// a partial or parent becomes its indentation. Two tags on a line are standalone together
/// when they open a parent and its first block (`{{<base}}{{$main}}`), close a block and its
/// parent (`{{/main}}{{/base}}`), or open and close one parent (`{{<base}}{{/base}}`). An
/// empty block alone on its line (`  {{$head}}{{/head}}`) gives up its indentation but keeps its
/// line break.
///
/// A standalone block's lines lose the indentation they share (lines of only whitespace lose
/// all of it), wherever the block is written, and are rendered with the indentation of the block
/// where it is expanded: that of its default content, or without any, that of its tag. So a
/// block's default content renders as written, and an override takes the place of the default.
extension TemplateParser {
    /// What a line's tags can be, so two of them stand alone together.
    private enum Opened { case section, parent, block }

    /// Drops the whitespace and line break around tags that stand alone on their line and
    /// marks the tokens that begin lines.
    static func removeStandaloneLines(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var result: [TemplateToken] = []
        result.reserveCapacity(tokens.count)
        var opened: [Opened] = []
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count - 1 {
                if case .text(let text) = tokens[lineEnd].kind, text.last == UInt8(ascii: "\n") { break }
                lineEnd += 1
            }
            let line = tokens[lineStart...lineEnd]
            let tags = line.indices.filter { !tokens[$0].isText }
            let leading = line.prefix { $0.isText }.reduce(into: [UInt8]()) { whitespace, token in
                if case .text(let text) = token.kind { whitespace += text }
            }
            if isBlank(line), let kept = standalone(line, tags: tags, opened: opened) {
                var first = tokens[tags[0]]
                first.indentation = leading
                first.standalone = true
                first.startsLine = true
                result.append(first)
                if tags.count == 2 {
                    var second = tokens[tags[1]]
                    second.standalone = true
                    result.append(second)
                }
                if !kept.isEmpty { result.append(TemplateToken(kind: .text(kept), offset: tokens[lineEnd].offset)) }
            } else {
                var first = tokens[lineStart]
                first.startsLine = true
                result.append(first)
                result += line.dropFirst()
            }
            for index in tags {
                switch tokens[index].kind {
                case .open: opened.append(.section)
                case .parent: opened.append(.parent)
                case .block: opened.append(.block)
                case .close: if !opened.isEmpty { opened.removeLast() }
                default: break
                }
            }
            lineStart = lineEnd + 1
        }
        return result
    }

    /// Whether a line's text is all spaces and tabs, but for its line break.
    private static func isBlank(_ line: ArraySlice<TemplateToken>) -> Bool {
        line.allSatisfy { token in
            guard case .text(let text) = token.kind else { return true }
            var body = text[...]
            if body.last == UInt8(ascii: "\n") { body = body.dropLast() }
            if body.last == UInt8(ascii: "\r") { body = body.dropLast() }
            return body.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        }
    }

    /// For a blank line whose tags stand alone: the text to keep after them (the line break of
    /// an empty block, else nothing). `nil` when the line is not standalone.
    private static func standalone(_ line: ArraySlice<TemplateToken>, tags: [Int], opened: [Opened]) -> [UInt8]? {
        if tags.count == 1 { return line[tags[0]].canStandAlone ? [] : nil }
        guard tags.count == 2, tags[1] == tags[0] + 1 else { return nil }
        switch (line[tags[0]].kind, line[tags[1]].kind) {
        case (.parent, .block): return []
        case (.parent(let name), .close(let closed)) where name == closed: return []
        case (.close, .close) where opened.count >= 2 && opened[opened.count - 1] == .block && opened[opened.count - 2] == .parent: return []
        case (.block(let name), .close(let closed)) where name == closed:
            guard case .text(let text) = line[line.endIndex - 1].kind, text.last == UInt8(ascii: "\n") else { return [] }
            return text.count >= 2 && text[text.count - 2] == UInt8(ascii: "\r") ? Array("\r\n".utf8) : Array("\n".utf8)
        default: return nil
        }
    }

    // MARK: Block reindentation

    /// Removes the indentation the lines of each standalone block share, and records the
    /// indentation the block's content is rendered with where the block is expanded.
    static func reindentBlocks(_ tokens: inout [TemplateToken]) {
        for index in tokens.indices {
            guard case .block = tokens[index].kind, tokens[index].standalone, let end = matchingClose(tokens, index) else { continue }
            let body = (index + 1)..<end
            var shared: [UInt8]?
            for line in body where tokens[line].startsLine {
                guard let indentation = lineIndentation(tokens, line, end: end) else { continue }
                shared = shared.map { commonPrefix($0, indentation) } ?? indentation
            }
            tokens[index].blockIndentation = shared ?? tokens[index].indentation
            guard let shared, !shared.isEmpty else { continue }
            for line in body where tokens[line].startsLine {
                switch tokens[line].kind {
                case .text(let text):
                    let whitespace = text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
                    let blank = lineIndentation(tokens, line, end: end) == nil
                    tokens[line].kind = .text(Array(text.dropFirst(blank ? whitespace : shared.count)))
                default:
                    tokens[line].indentation.removeFirst(min(tokens[line].indentation.count, shared.count))
                }
            }
        }
    }

    /// The index of the `{{/name}}` that closes the tag at `open`, if any.
    private static func matchingClose(_ tokens: [TemplateToken], _ open: Int) -> Int? {
        var depth = 0
        for index in (open + 1)..<tokens.count {
            if tokens[index].opens {
                depth += 1
            } else if case .close = tokens[index].kind {
                if depth == 0 { return index }
                depth -= 1
            }
        }
        return nil
    }

    /// The whitespace a line starts with; `nil` for a line of only whitespace.
    private static func lineIndentation(_ tokens: [TemplateToken], _ line: Int, end: Int) -> [UInt8]? {
        guard case .text(let text) = tokens[line].kind else { return tokens[line].standalone ? tokens[line].indentation : [] }
        let whitespace = text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let rest = text.dropFirst(whitespace.count)
        let blank = rest.allSatisfy { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
        if blank && (text.last == UInt8(ascii: "\n") || line + 1 == end) { return nil }
        return Array(whitespace)
    }

    private static func commonPrefix(_ first: [UInt8], _ second: [UInt8]) -> [UInt8] {
        Array(zip(first, second).prefix { $0 == $1 }.map(\.0))
    }
}
