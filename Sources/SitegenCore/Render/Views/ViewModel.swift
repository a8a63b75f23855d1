import SitegenBytes
import SitegenTemplates

/// A value templates read: names looked up one at a time by the engine, and every name with
/// its value at once, in a fixed order, for the page fingerprint. A page whose view values
/// (and layout) are unchanged is the same page.
protocol ViewModel: TemplateObject {
    /// Calls `body` with every name this view offers and its value, in a fixed order.
    func forEachValue(_ body: (String, TemplateValue) -> Void)
}

/// A view model whose names are listed once, in `fields`: the engine's lookups, the page
/// fingerprint and the template reference all read that one list, so a value a template can
/// see is always in the fingerprint.
protocol FieldedView: ViewModel {
    /// Every name the view offers.
    static var fields: ViewFields<Self> { get }
}

extension FieldedView {
    func value(for name: String) -> TemplateValue { Self.fields.value(of: self, for: name) }

    func forEachValue(_ body: (String, TemplateValue) -> Void) {
        for field in Self.fields.all { body(field.name, field.value(self)) }
    }
}

/// One name a view offers its templates, with a line of help and how to get its value.
struct ViewField<View>: Sendable {
    let name: String
    let help: String
    let value: @Sendable (View) -> TemplateValue

    /// Text, HTML-escaped by `{{name}}`.
    static func text(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> String) -> ViewField {
        ViewField(name: name, help: help) { .text(get($0)) }
    }

    /// Optional text: empty when absent.
    static func text(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> String?) -> ViewField {
        ViewField(name: name, help: help) { .text(get($0) ?? "") }
    }

    /// A flag for sections.
    static func flag(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> Bool) -> ViewField {
        ViewField(name: name, help: help) { .bool(get($0)) }
    }

    /// A whole number.
    static func number(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> Int) -> ViewField {
        ViewField(name: name, help: help) { .text(String(get($0))) }
    }

    /// A list of texts.
    static func texts(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> [String]) -> ViewField {
        ViewField(name: name, help: help) { .items(get($0).map(TemplateValue.text)) }
    }

    /// Another view.
    static func view<Child: ViewModel>(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> Child) -> ViewField {
        ViewField(name: name, help: help) { .object(get($0)) }
    }

    /// A list of views.
    static func views<Child: ViewModel>(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> [Child]) -> ViewField {
        ViewField(name: name, help: help) { .items(get($0).map { .object($0) }) }
    }
}

/// The fields of one view type, looked up by name.
struct ViewFields<View>: Sendable {
    /// What the view is, for messages and the reference (`role page`).
    let title: String
    let all: [ViewField<View>]
    private let index: [String: Int]

    init(_ title: String, _ fields: [ViewField<View>]) {
        self.title = title
        all = fields
        index = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func value(of view: View, for name: String) -> TemplateValue {
        guard let position = index[name] else { return .none }
        return all[position].value(view)
    }
}

extension DigestHasher {
    /// Mixes a template value and everything below it: what a template can show of it.
    mutating func combine(_ value: TemplateValue) {
        switch value {
        case .text(let text):
            combine(1)
            combine(text)
        case .bool(let flag): combine(flag ? 2 : 3)
        case .items(let items):
            combine(4)
            combine(items.count)
            for item in items { combine(item) }
        case .object(let object):
            combine(5)
            guard let view = object as? any ViewModel else { preconditionFailure("\(type(of: object)) is not a ViewModel") }
            var this = self
            view.forEachValue { name, value in
                this.combine(name)
                this.combine(value)
            }
            this.combine(6)
            self = this
        case .none: combine(7)
        }
    }
}
