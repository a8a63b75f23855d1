/// The names an object offers templates, in order, each with its type and a one-line help
/// text: the schema of a view, for checking templates and for listing what a layout can use.
public struct TemplateShape: Sendable, Hashable {
    /// How messages call an object of this shape, as the subject of a sentence:
    /// `a role page` gives "a role page has no value 'levle'".
    public var name: String
    /// The names the object offers, in the order a reference lists them.
    public var fields: [TemplateField]

    /// Creates a shape.
    public init(_ name: String, fields: [TemplateField]) {
        self.name = name
        self.fields = fields
    }

    /// The field called `name`, if the shape has one.
    public func field(_ name: String) -> TemplateField? { fields.first { $0.name == name } }
}
