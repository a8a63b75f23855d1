import SitegenSupport
import SitegenTemplates

/// A value a view hands its templates that can also feed its whole content into a digest,
/// without being turned into a `TemplateValue` first (the page fingerprint of every page is
/// computed on every build).
package protocol ViewValue: TemplateRepresentable, Sendable {
    /// Mixes everything a template can see of this value.
    func combine(into hasher: inout DigestHasher)
}

/// A value templates read: names looked up one at a time by the engine, and every value at
/// once, in a fixed order, for the page fingerprint. A page whose view values (and layout)
/// are unchanged is the same page.
package protocol ViewModel: TemplateObject, ViewValue {}

/// A view model whose names are listed once, in `fields`: the engine's lookups, the page
/// fingerprint and the template reference all read that one list, so a value a template can
/// see is always in the fingerprint.
package protocol FieldedView: ViewModel {
    /// Every name the view offers.
    static var fields: ViewFields<Self> { get }
}

extension FieldedView {
    package func value(for name: String) -> TemplateValue { Self.fields.value(of: self, for: name) }

    package func combine(into hasher: inout DigestHasher) { Self.fields.combine(self, into: &hasher) }
}

/// One name a view offers its templates, with a line of help, how to get its value and how
/// to digest it (both made from the one getter by the constructors below).
package struct ViewField<View>: Sendable {
    package let name: String
    package let help: String
    package let value: @Sendable (View) -> TemplateValue
    package let digest: @Sendable (View, inout DigestHasher) -> Void

    /// Text, HTML-escaped by `{{name}}`.
    package static func text(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> String) -> ViewField {
        ViewField(name: name, help: help, value: { .text(get($0)) }, digest: { $1.combine(get($0)) })
    }

    /// Optional text: empty when absent.
    package static func text(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> String?) -> ViewField {
        ViewField(name: name, help: help, value: { .text(get($0) ?? "") }, digest: { $1.combine(get($0) ?? "") })
    }

    /// A flag for sections.
    package static func flag(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> Bool) -> ViewField {
        ViewField(name: name, help: help, value: { .bool(get($0)) }, digest: { $1.combine(get($0) ? 1 : 0) })
    }

    /// A whole number.
    package static func number(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> Int) -> ViewField {
        ViewField(name: name, help: help, value: { .text(String(get($0))) }, digest: { $1.combine(get($0)) })
    }

    /// A list of texts.
    package static func texts(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> [String]) -> ViewField {
        ViewField(name: name, help: help, value: { .items(get($0).map(TemplateValue.text)) }, digest: { $1.combine(get($0)) })
    }

    /// Another view.
    package static func view<Child: ViewModel>(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> Child) -> ViewField {
        ViewField(name: name, help: help, value: { .object(get($0)) }, digest: { get($0).combine(into: &$1) })
    }

    /// A list of views.
    package static func views<Child: ViewModel>(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> [Child]) -> ViewField {
        ViewField(name: name, help: help, value: { .items(get($0).map { .object($0) }) }, digest: { get($0).combine(into: &$1) })
    }
}

/// The fields of one view type, looked up by name.
package struct ViewFields<View>: Sendable {
    /// What the view is, for messages and the reference (`role page`).
    package let title: String
    package let all: [ViewField<View>]
    private let index: [String: Int]

    package init(_ title: String, _ fields: [ViewField<View>]) {
        self.title = title
        all = fields
        index = Dictionary(fields.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    package func value(of view: View, for name: String) -> TemplateValue {
        guard let position = index[name] else { return .none }
        return all[position].value(view)
    }

    /// Mixes every field's value, in order, after the view's title.
    package func combine(_ view: View, into hasher: inout DigestHasher) {
        hasher.combine(title)
        for field in all { field.digest(view, &hasher) }
    }
}

extension String: ViewValue {
    package func combine(into hasher: inout DigestHasher) { hasher.combine(self) }
}

extension Bool: ViewValue {
    package func combine(into hasher: inout DigestHasher) { hasher.combine(self ? 1 : 0) }
}

extension Int: ViewValue {
    package func combine(into hasher: inout DigestHasher) { hasher.combine(self) }
}

extension Array: ViewValue where Element: ViewValue {
    package func combine(into hasher: inout DigestHasher) {
        hasher.combine(count)
        for element in self { element.combine(into: &hasher) }
    }
}
