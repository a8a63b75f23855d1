/// What rendering one Markdown document produces: the HTML and the facts the build needs.
public struct RenderedMarkdown: Sendable, Hashable, Codable {
    /// The body HTML (safe mode: raw HTML and dangerous URLs removed by cmark-gfm).
    public var html: String
    /// Every heading, in document order, with its unique id.
    public var headings: [Heading]
    /// Every link and image destination, after content links were rewritten.
    public var links: [Link]

    /// Creates a rendering result.
    public init(html: String, headings: [Heading], links: [Link]) {
        self.html = html
        self.headings = headings
        self.links = links
    }
}

/// A heading of a rendered document.
public struct Heading: Sendable, Hashable, Codable {
    /// 1 for `#`, 2 for `##`…
    public var level: Int
    /// The heading's plain text.
    public var text: String
    /// The unique, GitHub-style `id` attribute it was given.
    public var id: String
    /// Line in the Markdown text (1-based).
    public var line: Int
}

/// A link or image destination found in a document.
public struct Link: Sendable, Hashable, Codable {
    /// The destination as it appears in the HTML (after content links were rewritten).
    public var destination: String
    /// The destination as the author wrote it.
    public var original: String
    /// Line in the Markdown text (1-based).
    public var line: Int
    /// Column in the Markdown text (1-based).
    public var column: Int
    /// True for `![…](…)` images.
    public var isImage: Bool
}

/// How a document is rendered.
public struct MarkdownOptions: Sendable, Hashable, Codable {
    /// The content file the text came from (`roles/engineer.md`); relative `.md` links are
    /// resolved against it.
    public var documentPath: String
    /// Curly quotes and dashes (`CMARK_OPT_SMART`). Off by default.
    public var smartPunctuation: Bool
    /// Ids the surrounding page already uses; headings never take them.
    public var reservedIDs: Set<String>

    /// Creates options for one document.
    public init(documentPath: String, smartPunctuation: Bool = false, reservedIDs: Set<String> = []) {
        self.documentPath = documentPath
        self.smartPunctuation = smartPunctuation
        self.reservedIDs = reservedIDs
    }
}
