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

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "title": title
        case "summary": summary ?? ""
        case "hasSummary": summary != nil
        case "bodyHTML", "introHTML": bodyHTML
        case "hasIntro": !bodyHTML.isEmpty
        case "toc": toc
        case "hasToc": toc.count > 1
        default: extra[name]
        }
    }
}

/// A page that lists things (roles index, skills, skill pages, comparison hub).
struct ListView: ViewModel {
    var title: String
    var summary: String
    var values: [String: any TemplateRepresentable & Sendable]

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "title": title
        case "summary": summary
        default: values[name]
        }
    }
}
