/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Literal template text, as UTF-8 bytes.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    /// `{{> name}}`; `indentation` is the whitespace before a partial alone on its line.
    case partial(String, indentation: [UInt8])
    /// `{{< name}}…{{/name}}`: renders template `name` with these block overrides.
    case parent(String, overrides: [String: [TemplateNode]], indentation: [UInt8], at: TemplatePosition)
    /// `{{$ name}}default{{/name}}`: a block a child template may override. A standalone
    /// block has an `indentation`, added to every line of its content where it is expanded.
    case block(String, [TemplateNode], indentation: [UInt8]?)
    /// `{{% CONTENT_TYPE: HTML }}` (escape) or `TEXT` (do not) for the rest of the template.
    case escaping(Bool)
}

/// Where a tag starts in its template.
struct TemplatePosition: Sendable, Hashable {
    /// 1-based line.
    var line: Int
    /// 1-based column, in UTF-8 bytes.
    var column: Int
}

/// A dotted name (`role.title`) or the implicit iterator `.`, with the position of its tag.
struct TemplateName: Sendable {
    /// The dot-separated parts; empty for `.`.
    var parts: [String]
    /// Where the tag that holds the name starts.
    var position: TemplatePosition

    init(_ text: String, at position: TemplatePosition) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        self.position = position
    }

    /// The name as written: `role.title`, or `.`.
    var text: String { parts.isEmpty ? "." : parts.joined(separator: ".") }
}

/// A parse error in a template, with its position (1-based line and column).
public struct TemplateSyntaxError: Error, Sendable, Equatable {
    /// What is wrong, as a sentence fragment (`a section is opened but never closed`).
    public var message: String
    /// 1-based line of the offending tag.
    public var line: Int
    /// 1-based column (in UTF-8 bytes) of the offending tag.
    public var column: Int
}

/// A name a template refers to: a partial (`{{> name}}`) or a parent (`{{< name}}`).
public struct TemplateReference: Sendable, Equatable {
    /// Whether the reference is a partial or a parent layout.
    public enum Kind: Sendable { case partial, parent }
    /// The kind of reference.
    public var kind: Kind
    /// The template name referred to.
    public var name: String
    /// 1-based line of the tag.
    public var line: Int
    /// 1-based column of the tag.
    public var column: Int
}
