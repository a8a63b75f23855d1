import SitegenSupport
import SitegenTemplates

/// A value a view hands its templates that can also feed its whole content into a digest,
/// without being turned into a `TemplateValue` first (the page fingerprint of every page is
/// computed on every build).
package protocol ViewValue: TemplateRepresentable, Sendable {
    /// Mixes everything a template can see of this value.
    func combine(into hasher: inout DigestHasher)
    /// The type templates see this value as (for the name check of layouts).
    var templateType: TemplateType { get }
    /// The type of an item of a list of such values, when the list is empty.
    static var itemType: TemplateType { get }
}

extension ViewValue {
    package static var itemType: TemplateType { .any }
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

    package var templateType: TemplateType { .object(Self.fields.shape(of: self)) }

    package static var itemType: TemplateType { .object(Self.fields.shape(of: nil)) }
}

/// A view with fields of its own and more values a particular layout reads, by name (the
/// home page's groups, a list page's items): lookups, the fingerprint and the type see both.
package protocol OpenView: ViewModel {
    /// The view's own names.
    static var fields: ViewFields<Self> { get }
    /// The other values, looked up after the fields.
    var moreValues: [String: any ViewValue] { get }
}

extension OpenView {
    package func value(for name: String) -> TemplateValue {
        let value = Self.fields.value(of: self, for: name)
        if case .none = value { return moreValues[name]?.templateValue ?? .none }
        return value
    }

    package var templateType: TemplateType {
        var shape = Self.fields.shape(of: self)
        let more = moreValues
        for name in more.keys.sorted() { shape.fields.append(TemplateField(name, more[name]!.templateType)) }
        return .object(shape)
    }

    package func combine(into hasher: inout DigestHasher) {
        Self.fields.combine(self, into: &hasher)
        let more = moreValues
        for name in more.keys.sorted() {
            hasher.combine(name)
            more[name]!.combine(into: &hasher)
        }
    }
}

/// One name a view offers its templates, with a line of help, how to get its value and how
/// to digest it (both made from the one getter by the constructors below).
package struct ViewField<View>: Sendable {
    package let name: String
    package let help: String
    package let value: @Sendable (View) -> TemplateValue
    package let digest: @Sendable (View, inout DigestHasher) -> Void
    /// The type of the value, of this view when given (a list's items are known from an
    /// instance), else as far as it is known from the types alone.
    package let type: @Sendable (View?) -> TemplateType

    /// Text, HTML-escaped by `{{name}}`.
    package static func text(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> String) -> ViewField {
        ViewField(name: name, help: help, value: { .text(get($0)) }, digest: { $1.combine(get($0)) }, type: { _ in .text })
    }

    /// Optional text: empty when absent.
    package static func text(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> String?) -> ViewField {
        ViewField(name: name, help: help, value: { .text(get($0) ?? "") }, digest: { $1.combine(get($0) ?? "") }, type: { _ in .text })
    }

    /// A flag for sections.
    package static func flag(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> Bool) -> ViewField {
        ViewField(name: name, help: help, value: { .bool(get($0)) }, digest: { $1.combine(get($0) ? 1 : 0) }, type: { _ in .flag })
    }

    /// A whole number.
    package static func number(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> Int) -> ViewField {
        ViewField(name: name, help: help, value: { .text(String(get($0))) }, digest: { $1.combine(get($0)) }, type: { _ in .text })
    }

    /// A list of texts.
    package static func texts(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> [String]) -> ViewField {
        ViewField(
            name: name, help: help, value: { .items(get($0).map(TemplateValue.text)) }, digest: { $1.combine(get($0)) }, type: { _ in .list(.text) })
    }

    /// Another view.
    package static func view<Child: ViewModel>(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> Child) -> ViewField {
        ViewField(
            name: name, help: help, value: { .object(get($0)) }, digest: { get($0).combine(into: &$1) },
            type: { view in view.map { get($0).templateType } ?? Child.itemType })
    }

    /// A list of views.
    package static func views<Child: ViewModel>(_ name: String, _ help: String, _ get: @escaping @Sendable (View) -> [Child]) -> ViewField {
        ViewField(
            name: name, help: help, value: { .items(get($0).map { .object($0) }) }, digest: { get($0).combine(into: &$1) },
            type: { view in view.map { get($0).templateType } ?? .list(Child.itemType) })
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

    /// The names a view offers, with their types: of `view` when given.
    package func shape(of view: View?) -> TemplateShape {
        TemplateShape("the \(title)", fields: all.map { TemplateField($0.name, $0.type(view), help: $0.help) })
    }

    /// Mixes every field's value, in order, after the view's title.
    package func combine(_ view: View, into hasher: inout DigestHasher) {
        hasher.combine(title)
        for field in all { field.digest(view, &hasher) }
    }
}

extension String: ViewValue {
    package func combine(into hasher: inout DigestHasher) { hasher.combine(self) }
    package var templateType: TemplateType { .text }
}

extension Bool: ViewValue {
    package func combine(into hasher: inout DigestHasher) { hasher.combine(self ? 1 : 0) }
    package var templateType: TemplateType { .flag }
}

extension Int: ViewValue {
    package func combine(into hasher: inout DigestHasher) { hasher.combine(self) }
    package var templateType: TemplateType { .text }
}

extension Array: ViewValue where Element: ViewValue {
    package func combine(into hasher: inout DigestHasher) {
        hasher.combine(count)
        for element in self { element.combine(into: &hasher) }
    }

    /// A list of the first item's type (of the element type when empty).
    package var templateType: TemplateType { .list(first?.templateType ?? Element.itemType) }
}
