import SitegenContent
import SitegenRender
import SitegenSupport
import SitegenTemplates

/// Template parser and renderer. The input is up to three templates separated by NUL
/// (`main`, `a`, `b`), rendered as `main` with a small view of every kind of value.
enum TemplateFuzz {
    struct Fields: TemplateObject {
        var values: [String: TemplateValue]

        func value(for key: String) -> TemplateValue { values[key] ?? .none }
    }

    static let view: TemplateValue = {
        let item = Fields(values: ["name": .text("it<em>"), "url": .text("../x/?a=1&b=2"), "on": .bool(true)])
        return .object(
            Fields(values: [
                "title": .text("A & B <c> \"d\" 'e'"), "flag": .bool(true), "off": .bool(false), "empty": .items([]), "blank": .text(""),
                "list": .items([.object(item), .text("two")]), "one": .items([.object(item)]), "item": .object(item), "count": TemplateValue(3),
            ]))
    }()

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let parts = text.split(separator: "\0", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
        var templates: [String: Template] = [:]
        for (name, part) in zip(["main", "a", "b"], parts) {
            guard let template = try? Template(part) else {
                if name == "main" { return }
                continue
            }
            templates[name] = template
        }
        let library = TemplateLibrary(templates)
        let first = try? library.render("main", view)
        let second = try? library.render("main", view)
        require(first == second, "rendering twice gave different bytes")
        // Bytes, not Characters: `{{͝` holds `{{` though its second brace and the mark are one
        // Character.
        if parts.count == 1, !Array(text.utf8).indices.dropLast().contains(where: { bytes[$0] == 0x7B && bytes[$0 + 1] == 0x7B }) {
            require(first == Array(text.utf8), "a template without tags did not render as itself")
        }
    }
}
