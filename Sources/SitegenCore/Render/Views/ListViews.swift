import SitegenMarkdown
import SitegenTemplates

/// A page with a title, summary and a body of Markdown (home, plain pages).
struct ProseView: ViewModel {
    var title: String
    var summary: String?
    var bodyHTML: String
    var toc: [TOCEntryView]
    /// Extra values a particular layout reads (the home page's groups).
    var extra: [String: any TemplateRepresentable & Sendable] = [:]

    static let fields = ViewFields<Self>(
        "prose page",
        [
            .text("title", "The page's title") { $0.title },
            .text("summary", "The page's summary") { $0.summary },
            .flag("hasSummary", "Whether the page has a summary") { $0.summary != nil },
            .text("bodyHTML", "The page's Markdown body, as HTML (use {{{bodyHTML}}})") { $0.bodyHTML },
            .text("introHTML", "The same as bodyHTML") { $0.bodyHTML },
            .flag("hasIntro", "Whether the body has any text") { !$0.bodyHTML.isEmpty },
            .views("toc", "The body's ## and ### headings") { $0.toc },
            .flag("hasToc", "Whether the body has more than one heading") { $0.toc.count > 1 },
        ])

    func value(for name: String) -> TemplateValue {
        let value = Self.fields.value(of: self, for: name)
        if case .none = value { return extra[name]?.templateValue ?? .none }
        return value
    }

    func forEachValue(_ body: (String, TemplateValue) -> Void) {
        for field in Self.fields.all { body(field.name, field.value(self)) }
        for name in extra.keys.sorted() { body(name, extra[name]!.templateValue) }
    }
}

/// A page that lists things (roles index, skills, skill pages, comparison hub).
struct ListView: ViewModel {
    var title: String
    var summary: String
    /// The values a particular layout reads (the roles of a skill page).
    var values: [String: any TemplateRepresentable & Sendable]

    static let fields = ViewFields<Self>(
        "list page",
        [
            .text("title", "The page's title") { $0.title },
            .text("summary", "The page's summary") { $0.summary },
        ])

    func value(for name: String) -> TemplateValue {
        let value = Self.fields.value(of: self, for: name)
        if case .none = value { return values[name]?.templateValue ?? .none }
        return value
    }

    func forEachValue(_ body: (String, TemplateValue) -> Void) {
        for field in Self.fields.all { body(field.name, field.value(self)) }
        for name in values.keys.sorted() { body(name, values[name]!.templateValue) }
    }
}
