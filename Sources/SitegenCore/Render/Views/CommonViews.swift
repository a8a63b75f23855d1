import SitegenMarkdown
import SitegenTemplates

/// A link: text, relative URL, and whether it points at the current page.
struct LinkView: ViewModel {
    var title: String
    var url: String
    var current = false
    var detail: String?

    func value(for name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "current": TemplateValue(current)
        case "detail": TemplateValue(detail ?? "")
        case "hasDetail": TemplateValue(detail != nil)
        case "hasURL": TemplateValue(!url.isEmpty)
        default: .none
        }
    }
}

/// A role as a card or table row: title, link, department, media, summary.
struct RoleCardView: ViewModel {
    var title: String
    var url: String
    var summary: String
    var department: String?
    var media: String?

    init(_ role: Role, from pageURL: String) {
        title = role.title
        url = ContentPath.relativeLink(from: pageURL, to: URLs.role(role.slug))
        summary = role.summary
        department = role.department
        media = role.media.isEmpty ? nil : role.media.joined(separator: ", ")
    }

    func value(for name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(title)
        case "url": TemplateValue(url)
        case "summary": TemplateValue(summary)
        case "department": TemplateValue(department ?? "")
        case "hasDepartment": TemplateValue(department != nil)
        case "media": TemplateValue(media ?? "")
        case "hasMedia": TemplateValue(media != nil)
        default: .none
        }
    }
}

/// A label and a value (an at-a-glance row, a requirement, a comparison dimension).
struct FactView: ViewModel {
    var label: String
    var value: String
    var help: String?

    func value(for name: String) -> TemplateValue {
        switch name {
        case "label": TemplateValue(label)
        case "value": TemplateValue(value)
        case "help": TemplateValue(help ?? "")
        case "hasHelp": TemplateValue(help != nil)
        default: .none
        }
    }
}

/// One entry of a table of contents.
struct TOCEntryView: ViewModel {
    var id: String
    var text: String
    var level: Int

    func value(for name: String) -> TemplateValue {
        switch name {
        case "id": TemplateValue(id)
        case "text": TemplateValue(text)
        case "isSubsection": TemplateValue(level > 2)
        case "level": TemplateValue(level)
        default: .none
        }
    }

    /// `##` and `###` headings of a document.
    static func entries(_ headings: [Heading]) -> [TOCEntryView] {
        headings.filter { $0.level == 2 || $0.level == 3 }.map { TOCEntryView(id: $0.id, text: $0.text, level: $0.level) }
    }
}

/// A group with a heading and items (roles by department, etc.).
struct GroupView<Item: TemplateRepresentable & Sendable>: ViewModel {
    var name: String
    var id: String
    var items: [Item]

    func value(for name: String) -> TemplateValue {
        switch name {
        case "name": TemplateValue(self.name)
        case "id": TemplateValue(id)
        case "items": TemplateValue(items)
        default: .none
        }
    }
}

/// A titled list of facts (`{{>facts}}` reads `facts`).
struct FactsView: ViewModel {
    var facts: [FactView]

    func value(for name: String) -> TemplateValue { name == "facts" ? TemplateValue(facts) : .none }
}

/// A list of links (`{{>link-list}}` reads `links`).
struct LinksView: ViewModel {
    var links: [LinkView]

    func value(for name: String) -> TemplateValue { name == "links" ? TemplateValue(links) : .none }
}
