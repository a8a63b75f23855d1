/// The type of a value a template is given, so `TemplateLibrary.checkNames(_:root:)` can
/// find names a template uses that its value cannot provide, before anything is rendered.
public indirect enum TemplateType: Sendable, Hashable {
    /// Text (numbers included): `{{name}}` shows it; it has no names of its own.
    case text
    /// A flag for `{{#name}}` and `{{^name}}`; it has no names of its own.
    case flag
    /// A list; a section over it sees each item, of the element type.
    case list(TemplateType)
    /// An object offering the names of its shape.
    case object(TemplateShape)
    /// Unknown: offers every name, and so does everything it contains.
    case any

    /// The value a section over a value of this type puts on the context stack: a list's
    /// element type, anything else as it is.
    var sectionContext: TemplateType {
        if case .list(let element) = self { return element }
        return self
    }

    /// How messages call a value of this type that has no names (`'title' is text`).
    var article: String {
        switch self {
        case .text: "text"
        case .flag: "a flag"
        case .list: "a list"
        case .object: "an object"
        case .any: "a value"
        }
    }
}
