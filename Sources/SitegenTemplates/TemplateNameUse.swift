/// A name a template uses, where it is, and the sections it is looked up in: one row of a
/// reference of the names a layout reaches, partials and parents included.
public struct TemplateNameUse: Sendable, Hashable {
    /// How the tag uses the name.
    public enum Kind: Sendable, Hashable {
        /// `{{name}}`, `{{{name}}}` or `{{& name}}`.
        case variable
        /// `{{#name}}…{{/name}}`.
        case section
        /// `{{^name}}…{{/name}}`.
        case invertedSection
    }

    /// The template that holds the tag.
    public var template: String
    /// 1-based line of the tag.
    public var line: Int
    /// 1-based column (in UTF-8 bytes) of the tag.
    public var column: Int
    /// The name as written, dotted; `.` for the implicit iterator.
    public var name: String
    /// How the tag uses it.
    public var kind: Kind
    /// The names of the sections around the tag whose values are looked in first, outermost
    /// first (inverted sections are not among them: they put nothing on the context stack).
    public var sections: [String]
}
