/// Renders template nodes into a byte buffer. One renderer per page; it keeps the context
/// stack, the block overrides of the parents being rendered, and the indentation of
/// standalone partials.
struct TemplateRenderer {
    let library: TemplateLibrary
    private(set) var output: [UInt8] = []
    private var contexts: [TemplateValue]
    /// Overrides of each parent being rendered, outermost first: the outermost child wins.
    private var overrides: [[String: [TemplateNode]]] = []
    private var escapes = true
    private var depth = 0
    /// Nodes rendered so far, against `TemplateLibrary.maximumSteps`.
    private var steps = 0
    /// Added before every line a standalone partial, parent or block writes (their own
    /// indentation), but not before an empty line.
    private var indentation: [UInt8] = []
    private var atLineStart = false

    static func tooMuchWork(_ library: TemplateLibrary) -> String {
        "rendering stopped: the page needs more than \(library.maximumSteps) template steps or \(library.maximumOutput >> 20) MiB (sections nested over long lists multiply)"
    }

    init(library: TemplateLibrary, root: TemplateValue, capacity: Int) {
        self.library = library
        contexts = [root]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [TemplateNode]) throws(TemplateRenderError) {
        // Sections nested over lists multiply: a few hundred bytes of template could otherwise
        // render for ever, or without end of memory.
        steps += nodes.count
        if steps > library.maximumSteps || output.count > library.maximumOutput {
            throw TemplateRenderError(message: Self.tooMuchWork(library))
        }
        for node in nodes {
            switch node {
            case .text(let text): writeTemplateText(text)
            case .variable(let name, let escaped): write(lookup(name), escaped: escaped && escapes)
            case .section(let name, let children, let inverted):
                let value = lookup(name)
                if inverted {
                    if !value.isTruthy { try render(children) }
                } else if value.isTruthy {
                    try renderSection(value, children)
                }
            case .partial(let name, let indent): try include(name, indentedBy: indent, overriding: nil)
            case .parent(let name, let blocks, let indent, _): try include(name, indentedBy: indent, overriding: blocks)
            case .block(let name, let defaults, let indent): try renderBlock(name, defaults, indentedBy: indent)
            case .escaping(let flag): escapes = flag
            }
        }
    }

    /// Renders the outermost override of block `name`, or its default content, indented as the
    /// block is. An override counts as a level of nesting: one holding its own block would
    /// otherwise expand forever.
    private mutating func renderBlock(_ name: String, _ defaults: [TemplateNode], indentedBy indent: [UInt8]?) throws(TemplateRenderError) {
        let override = overrides.lazy.compactMap({ $0[name] }).first
        if override != nil {
            guard depth < TemplateLibrary.maximumDepth else {
                throw TemplateRenderError(
                    message: "blocks nest deeper than \(TemplateLibrary.maximumDepth) levels at '\(name)' (an override that holds its own block?)")
            }
            depth += 1
        }
        let saved = indentation
        if let indent, !indent.isEmpty {
            indentation += indent
            atLineStart = true
        }
        try render(override ?? defaults)
        indentation = saved
        if override != nil { depth -= 1 }
    }

    private mutating func renderSection(_ value: TemplateValue, _ children: [TemplateNode]) throws(TemplateRenderError) {
        switch value {
        case .items(let items):
            for item in items {
                contexts.append(item)
                try render(children)
                contexts.removeLast()
            }
        case .bool:
            try render(children)
        default:
            contexts.append(value)
            try render(children)
            contexts.removeLast()
        }
    }

    /// Renders another template (a partial, or a parent with block overrides) in place. The
    /// included template starts with HTML escaping, whatever the includer switched to.
    private mutating func include(_ name: String, indentedBy indent: [UInt8], overriding blocks: [String: [TemplateNode]]?) throws(TemplateRenderError) {
        guard let template = library.templates[name] else { throw TemplateRenderError(message: "no template named '\(name)'") }
        guard depth < TemplateLibrary.maximumDepth else {
            throw TemplateRenderError(
                message: "templates nest deeper than \(TemplateLibrary.maximumDepth) levels at '\(name)' (a partial that includes itself?)")
        }
        let saved = (escapes, indentation)
        depth += 1
        escapes = true
        if !indent.isEmpty {
            indentation += indent
            atLineStart = true
        }
        if let blocks { overrides.append(blocks) }
        try render(template.nodes)
        if blocks != nil { overrides.removeLast() }
        depth -= 1
        (escapes, indentation) = saved
    }

    // MARK: Lookup

    private func lookup(_ name: TemplateName) -> TemplateValue {
        guard let first = name.parts.first else { return contexts[contexts.count - 1] }
        var value = TemplateValue.none
        for context in contexts.reversed() {
            value = context.child(first)
            if case .none = value { continue }
            break
        }
        for part in name.parts.dropFirst() { value = value.child(part) }
        return value
    }

    // MARK: Output

    private mutating func writeTemplateText(_ text: [UInt8]) {
        guard !indentation.isEmpty else {
            output.append(contentsOf: text)
            return
        }
        for (index, byte) in text.enumerated() {
            if atLineStart {
                // An empty line stays empty: no indentation before its line break.
                let crlf = byte == UInt8(ascii: "\r") && index + 1 < text.count && text[index + 1] == UInt8(ascii: "\n")
                if byte != UInt8(ascii: "\n") && !crlf { output.append(contentsOf: indentation) }
                atLineStart = false
            }
            output.append(byte)
            if byte == UInt8(ascii: "\n") { atLineStart = true }
        }
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        let text: String
        switch value {
        case .text(let string): text = string
        case .bool(let flag): text = flag ? "true" : "false"
        case .items, .object, .none: return
        }
        guard !text.isEmpty else { return }
        if atLineStart && !indentation.isEmpty {
            output.append(contentsOf: indentation)
            atLineStart = false
        }
        if escaped {
            HTMLEscaping.append(text, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
    }
}
