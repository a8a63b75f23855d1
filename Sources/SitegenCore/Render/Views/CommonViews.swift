import SitegenMarkdown
import SitegenTemplates

/// A link: text, relative URL, and whether it points at the current page.
struct LinkView: ViewModel {
    var title: String
    var url: String
    var current = false
    var detail: String?

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "title": title
        case "url": url
        case "current": current
        case "detail": detail ?? ""
        case "hasDetail": detail != nil
        case "hasURL": !url.isEmpty
        default: nil
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

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "title": title
        case "url": url
        case "summary": summary
        case "department": department ?? ""
        case "hasDepartment": department != nil
        case "media": media ?? ""
        case "hasMedia": media != nil
        default: nil
        }
    }
}

/// A label and a value (an at-a-glance row, a requirement, a comparison dimension).
struct FactView: ViewModel {
    var label: String
    var value: String
    var help: String?

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "label": label
        case "value": value
        case "help": help ?? ""
        case "hasHelp": help != nil
        default: nil
        }
    }
}

/// One entry of a table of contents.
struct TOCEntryView: ViewModel {
    var id: String
    var text: String
    var level: Int

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "id": id
        case "text": text
        case "isSubsection": level > 2
        case "level": level
        default: nil
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

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "name": self.name
        case "id": id
        case "items": items
        default: nil
        }
    }
}

/// A titled list of facts (`{{>facts}}` reads `facts`).
struct FactsView: ViewModel {
    var facts: [FactView]

    func child(named name: String) -> (any TemplateRepresentable)? { name == "facts" ? facts : nil }
}

/// A list of links (`{{>link-list}}` reads `links`).
struct LinksView: ViewModel {
    var links: [LinkView]

    func child(named name: String) -> (any TemplateRepresentable)? { name == "links" ? links : nil }
}
