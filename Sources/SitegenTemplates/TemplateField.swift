/// One name an object offers templates: `title` is text, `duties` a list of text.
public struct TemplateField: Sendable, Hashable {
    /// The name templates use (`{{title}}`).
    public var name: String
    /// The type of its value.
    public var type: TemplateType
    /// What the value is, in one line, for a reference of the names a layout can use.
    public var help: String

    /// Creates a field.
    public init(_ name: String, _ type: TemplateType, help: String = "") {
        self.name = name
        self.type = type
        self.help = help
    }
}
