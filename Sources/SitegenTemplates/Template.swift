/// A parsed Mustache template.
public struct Template: Sendable {
    let nodes: [TemplateNode]
    /// The partials and parents the template names, in order, for checking them up front.
    public let references: [TemplateReference]

    /// Every name part the template's tags look up (`role.title` gives `role` and `title`).
    public let names: Set<String>

    /// Parses `text`; a syntax error carries the line and column of the offending tag.
    public init(_ text: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(text)
        nodes = try parser.parse()
        references = parser.references
        var names: Set<String> = []
        Self.collectNames(nodes, into: &names)
        self.names = names
    }

    private static func collectNames(_ nodes: [TemplateNode], into names: inout Set<String>) {
        for node in nodes {
            switch node {
            case .variable(let name, _): names.formUnion(name.parts)
            case .section(let name, let children, _):
                names.formUnion(name.parts)
                collectNames(children, into: &names)
            case .parent(_, let overrides, _, _): for children in overrides.values { collectNames(children, into: &names) }
            case .block(_, let children, _): collectNames(children, into: &names)
            case .text, .partial, .escaping: break
            }
        }
    }
}

/// Templates by name, rendered with partials (`{{> name}}`) and inheritance
/// (`{{< name}}…{{/name}}`) resolved among them.
public struct TemplateLibrary: Sendable {
    let templates: [String: Template]

    /// Nesting deeper than this (a partial that includes itself forever) stops rendering.
    public static let maximumDepth = 100
    /// Rendering one page stops with an error after this many template nodes (sections nested
    /// over lists multiply; a page of the 10,000-role benchmark site takes well under a million)…
    public var maximumSteps = 10_000_000
    /// …or once it has written this many bytes.
    public var maximumOutput = 256 << 20

    /// Creates a library from named templates.
    public init(_ templates: [String: Template]) { self.templates = templates }

    /// The names of the templates.
    public var names: Set<String> { Set(templates.keys) }

    /// Every name part any template looks up.
    public var usedNames: Set<String> { templates.values.reduce(into: []) { $0.formUnion($1.names) } }

    /// Renders template `name` with `value` as the root context, as UTF-8 bytes.
    public func render(_ name: String, _ value: TemplateValue, sizeHint: Int = 16_384) throws(TemplateRenderError) -> [UInt8] {
        guard let template = templates[name] else { throw TemplateRenderError(message: "no template named '\(name)'") }
        var renderer = TemplateRenderer(library: self, root: value, capacity: sizeHint)
        try renderer.render(template.nodes)
        return renderer.output
    }
}

/// A problem found while rendering (a missing template, runaway recursion).
public struct TemplateRenderError: Error, Sendable, Equatable {
    /// What went wrong.
    public var message: String
}
