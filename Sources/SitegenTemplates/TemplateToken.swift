/// One piece of template text as the parser first splits it: literal text or one tag.
struct TemplateToken {
    enum Kind {
        case text([UInt8])
        case variable(String, escaped: Bool)
        case open(String, inverted: Bool)
        case parent(String)
        case block(String)
        case close(String)
        case partial(String)
        case comment
        case setDelimiters
        case pragma(escapes: Bool)
    }

    var kind: Kind
    /// Byte offset of the token in the template text.
    var offset: Int
    /// For a standalone tag: the whitespace before it on its line, taken out of the text.
    var indentation: [UInt8] = []
    /// Whether the tag is standalone: its line's leading whitespace moved into `indentation`
    /// and, except for an empty block (`{{$a}}{{/a}}`), its line break was dropped.
    var standalone = false
    /// Whether the token begins a line of the template (a standalone tag begins the line it
    /// removed); block reindentation looks at these.
    var startsLine = false
    /// For a standalone block: the indentation its content (default or override) is rendered
    /// with, after its own indentation was removed.
    var blockIndentation: [UInt8]?

    var isText: Bool {
        if case .text = kind { return true }
        return false
    }

    /// Tags that vanish with their line when they stand alone on it.
    var canStandAlone: Bool {
        switch kind {
        case .text, .variable: false
        default: true
        }
    }

    /// Whether the tag opens something a `{{/name}}` closes.
    var opens: Bool {
        switch kind {
        case .open, .parent, .block: true
        default: false
        }
    }
}
