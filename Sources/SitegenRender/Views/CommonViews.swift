import SitegenContent
import SitegenMarkdown
import SitegenTemplates

/// A link: text, relative URL, and whether it points at the current page.
package struct LinkView: FieldedView {
    package var title: String
    package var url: String
    package var current = false
    package var detail: String?

    package static let fields = ViewFields<Self>(
        "link",
        [
            .text("title", "The link's text") { $0.title },
            .text("url", "Where it points, relative to the page") { $0.url },
            .flag("current", "Whether it points at the page being shown") { $0.current },
            .text("detail", "A short note after the link (\"3 roles\")") { $0.detail },
            .flag("hasDetail", "Whether there is a note") { $0.detail != nil },
            .flag("hasURL", "Whether the link has a target") { !$0.url.isEmpty },
        ])
}

/// A role as a card or table row: title, link, department, media, summary.
package struct RoleCardView: FieldedView {
    package var title: String
    package var url: String
    package var summary: String
    package var department: String?
    package var media: String?

    package init(_ role: Role, from pageURL: String) {
        title = role.title
        url = ContentPath.relativeLink(from: pageURL, to: URLs.role(role.slug))
        summary = role.summary
        department = role.department
        media = role.media.isEmpty ? nil : role.media.joined(separator: ", ")
    }

    package static let fields = ViewFields<Self>(
        "role card",
        [
            .text("title", "The role's title") { $0.title },
            .text("url", "The role page, relative to the page") { $0.url },
            .text("summary", "The role's one-sentence summary") { $0.summary },
            .text("department", "The role's department") { $0.department },
            .flag("hasDepartment", "Whether the role names a department") { $0.department != nil },
            .text("media", "The role's media, joined with commas") { $0.media },
            .flag("hasMedia", "Whether the role names media") { $0.media != nil },
        ])
}

/// A label and a value (an at-a-glance row, a requirement, a comparison dimension).
package struct FactView: FieldedView {
    package var label: String
    package var value: String
    package var help: String?

    package static let fields = ViewFields<Self>(
        "fact",
        [
            .text("label", "What the fact is") { $0.label },
            .text("value", "The fact") { $0.value },
            .text("help", "A line explaining the label") { $0.help },
            .flag("hasHelp", "Whether there is a line of help") { $0.help != nil },
        ])
}

/// One entry of a table of contents.
package struct TOCEntryView: FieldedView {
    package var id: String
    package var text: String
    package var level: Int

    package static let fields = ViewFields<Self>(
        "table of contents entry",
        [
            .text("id", "The heading's element id") { $0.id },
            .text("text", "The heading's text") { $0.text },
            .flag("isSubsection", "Whether it is a third-level heading") { $0.level > 2 },
            .number("level", "The heading's level (2 or 3)") { $0.level },
        ])

    /// `##` and `###` headings of a document.
    package static func entries(_ headings: [Heading]) -> [TOCEntryView] {
        headings.filter { $0.level == 2 || $0.level == 3 }.map { TOCEntryView(id: $0.id, text: $0.text, level: $0.level) }
    }
}

/// A group of roles with a heading (roles by department on the home page).
package struct RoleGroupView: FieldedView {
    package var name: String
    package var id: String
    package var items: [RoleCardView]

    package static let fields = ViewFields<Self>(
        "group of roles",
        [
            .text("name", "The group's heading") { $0.name },
            .text("id", "The group's element id") { $0.id },
            .views("items", "The roles in the group") { $0.items },
        ])
}

/// A titled list of facts (`{{>facts}}` reads `facts`).
package struct FactsView: FieldedView {
    package var facts: [FactView]

    package static let fields = ViewFields<Self>("facts", [.views("facts", "The facts, in order") { $0.facts }])
}

/// A list of links (`{{>link-list}}` reads `links`).
package struct LinksView: FieldedView {
    package var links: [LinkView]

    package static let fields = ViewFields<Self>("links", [.views("links", "The links, in order") { $0.links }])
}
