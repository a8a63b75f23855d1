/// A value a template can show: text, a flag, a list, or an object with named children.
///
/// Views hand the engine these values directly, so looking a name up costs one `switch` in
/// the view's `value(for:)` and no dynamic casts (what made swift-mustache's lookups slow;
/// see BENCHMARKS.md).
public enum TemplateValue: Sendable {
    /// Text; `{{name}}` escapes it for HTML, `{{{name}}}` writes it as it is.
    case text(String)
    /// A flag for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    case bool(Bool)
    /// A list; a section renders once per item, with the item on top of the context stack.
    case items([TemplateValue])
    /// An object whose children templates look up by name.
    case object(any TemplateObject)
    /// Not provided by this object: the lookup goes on in the enclosing contexts.
    case none

    /// A list of values of one type.
    public static func list(_ items: [some TemplateRepresentable]) -> TemplateValue { items.templateValue }

    /// False for values a section skips and an inverted section shows: `false`, empty text,
    /// an empty list, and a missing value.
    var isTruthy: Bool {
        switch self {
        case .text(let text): !text.isEmpty
        case .bool(let flag): flag
        case .items(let items): !items.isEmpty
        case .object: true
        case .none: false
        }
    }

    /// The child `key` of an object; `.none` for every other value.
    func child(_ key: String) -> TemplateValue {
        if case .object(let object) = self { return object.value(for: key) }
        return .none
    }
}

extension TemplateValue {
    /// Text.
    public init(_ text: String) { self = .text(text) }
    /// A flag.
    public init(_ flag: Bool) { self = .bool(flag) }
    /// A number, as its decimal digits.
    public init(_ number: Int) { self = .text(String(number)) }
    /// An object.
    public init(_ object: some TemplateObject) { self = .object(object) }
    /// A list.
    public init(_ items: [some TemplateRepresentable]) { self = .list(items) }
}

/// A view model with named children, e.g. a role page's title, duties and links.
public protocol TemplateObject: TemplateRepresentable, Sendable {
    /// The child called `key`, or `.none` when this object has no such child.
    func value(for key: String) -> TemplateValue
}

/// A Swift value that converts to a template value.
public protocol TemplateRepresentable {
    /// This value as the engine sees it.
    var templateValue: TemplateValue { get }
}

extension TemplateObject {
    /// An object is shown as itself.
    public var templateValue: TemplateValue { .object(self) }
}

extension String: TemplateRepresentable {
    /// Text.
    public var templateValue: TemplateValue { .text(self) }
}

extension Bool: TemplateRepresentable {
    /// A flag.
    public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateRepresentable {
    /// A number is shown as its decimal digits.
    public var templateValue: TemplateValue { .text(String(self)) }
}

extension TemplateValue: TemplateRepresentable {
    /// Itself.
    public var templateValue: TemplateValue { self }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    /// A list of the elements' values.
    public var templateValue: TemplateValue { .items(map(\.templateValue)) }
}
