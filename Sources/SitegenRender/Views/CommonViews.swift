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

/// A role as a card or table row: title, link, summary, the fields the schema puts on cards,
/// and every declared field by its name.
package struct RoleCardView: OpenView {
    package var title: String
    package var url: String
    package var summary: String
    /// The card fields as table cells, one per card field ("" when the role has none).
    package var cells: [String]
    /// The texts of the card fields the role gives, in order.
    package var meta: [String] { cells.filter { !$0.isEmpty } }
    package var moreValues: [String: any ViewValue]

    package init(_ role: Role, from pageURL: String, context: RenderContext) {
        let site = context.site
        title = role.title
        url = ContentPath.relativeLink(from: pageURL, to: URLs.role(role.slug))
        summary = role.summary
        cells = site.config.schema.cards.map { FieldValues.text($0, of: role, site: site) ?? "" }
        moreValues = DeclaredValues.values(of: role, from: pageURL, context: context)
    }

    package static let fields = ViewFields<Self>(
        "role card",
        [
            .text("title", "The role's title") { $0.title },
            .text("url", "The role page, relative to the page") { $0.url },
            .text("summary", "The role's one-sentence summary") { $0.summary },
            .text("meta", "The card fields the role gives (schema: cards), joined with ' · '") { $0.meta.joined(separator: " · ") },
            .flag("hasMeta", "Whether the role gives any card field") { !$0.meta.isEmpty },
            .texts("cells", "One text per card field, for table columns (empty when the role has none)") { $0.cells },
        ])
}

/// A label and a value (an at-a-glance row, a requirement, a comparison dimension).
package struct FactView: FieldedView {
    package var label: String
    package var value: String
    package var help: String?
    /// The field's name, for a role's field.
    package var key: String = ""
    /// The values as links, for fields whose values have pages.
    package var links: [LinkView] = []
    /// The value as HTML, for a Markdown field.
    package var html: String?

    package init(label: String, value: String, help: String? = nil) {
        self.label = label
        self.value = value
        self.help = help
    }

    package static let fields = ViewFields<Self>(
        "fact",
        [
            .text("label", "What the fact is") { $0.label },
            .text("value", "The fact, as text") { $0.value },
            .text("key", "The field's name in the schema (for a role's field)") { $0.key },
            .text("help", "A line explaining the label") { $0.help },
            .flag("hasHelp", "Whether there is a line of help") { $0.help != nil },
            .views("links", "The values as links, for terms and roles (separator: ', ' before every link but the first)") {
                $0.links.enumerated().map { SeparatedLink(link: $1, separator: $0 == 0 ? "" : ", ") }
            },
            .flag("hasLinks", "Whether the values are links") { !$0.links.isEmpty },
            .text("html", "The value as HTML, for a Markdown field (use {{{html}}})") { $0.html },
            .flag("isHTML", "Whether the value is HTML") { $0.html != nil },
        ])
}

/// A link in a run of links, with the text to write before it.
package struct SeparatedLink: FieldedView {
    package var link: LinkView
    package var separator: String

    package static let fields = ViewFields<Self>(
        "link in a list",
        [
            .text("title", "The link's text") { $0.link.title },
            .text("url", "Where it points, relative to the page") { $0.link.url },
            .text("separator", "What comes before it: ', ', or nothing for the first") { $0.separator },
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

/// A group of roles with a heading (roles by department on the home page; no heading when
/// the site groups nothing).
package struct RoleGroupView: FieldedView {
    package var name: String
    package var id: String
    package var items: [RoleCardView]
    /// Where the whole group is listed, when the page shows only its first roles.
    package var more: LinkView? = nil

    package static let fields = ViewFields<Self>(
        "group of roles",
        [
            .text("name", "The group's heading") { $0.name },
            .flag("hasName", "Whether the group has a heading") { !$0.name.isEmpty },
            .text("id", "The group's element id") { $0.id },
            .views("items", "The roles in the group (the first few, when the handbook is large)") { $0.items },
            .flag("hasMore", "Whether the group has more roles than it shows") { $0.more != nil },
            .text("moreURL", "The page that lists the whole group") { $0.more?.url },
            .text("moreText", "\"All 120 roles in Production\"") { $0.more?.title },
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
