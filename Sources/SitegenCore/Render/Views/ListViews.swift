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

    func value(for name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "summary": TemplateValue(summary ?? "")
        case "hasSummary": TemplateValue(summary != nil)
        case "bodyHTML", "introHTML": TemplateValue(bodyHTML)
        case "hasIntro": TemplateValue(!bodyHTML.isEmpty)
        case "toc": TemplateValue(toc)
        case "hasToc": TemplateValue(toc.count > 1)
        default: extra[name]?.templateValue ?? .none
        }
    }
}

/// A page that lists things (roles index, skills, skill pages, comparison hub).
struct ListView: ViewModel {
    var title: String
    var summary: String
    var values: [String: any TemplateRepresentable & Sendable]

    func value(for name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "summary": TemplateValue(summary)
        default: values[name]?.templateValue ?? .none
        }
    }
}
