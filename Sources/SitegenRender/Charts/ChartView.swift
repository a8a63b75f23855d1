import SitegenTemplates

/// A reporting-line chart as templates see it: the SVG drawing and the same relations as a
/// nested list (the drawing's text alternative). The SVG text is part of the page's
/// fingerprint, so a page is made again when any title or line it draws changes.
package struct ChartView: FieldedView {
    /// The `<svg>` element (use {{{svg}}}).
    package var svg: String
    /// The list: one entry per role, with its relations.
    package var entries: [ChartEntryView]
    /// Whether the chart draws peers (dashed lines), for the legend.
    package var hasPeers: Bool

    package static let fields = ViewFields<Self>(
        "reporting-line chart",
        [
            .text("svg", "The chart as an inline <svg> element, hidden from screen readers (use {{{svg}}})") { $0.svg },
            .views("entries", "The chart's text alternative: each role, with the roles linked to it") { $0.entries },
            .flag("hasPeers", "Whether the chart draws dashed lines between roles that work alongside each other") { $0.hasPeers },
        ])
}

/// A role in a chart's list, with its relations.
package struct ChartEntryView: FieldedView {
    package var link: LinkView
    package var relations: [ChartRelationView]

    package static let fields = ViewFields<Self>(
        "chart entry",
        [
            .text("title", "The role's title") { $0.link.title },
            .text("url", "The role page, relative to the page") { $0.link.url },
            .flag("current", "Whether it is the role of this page") { $0.link.current },
            .views("relations", "Its relations drawn in the chart (reports to, supervises, works with)") { $0.relations },
            .flag("hasRelations", "Whether any is drawn") { !$0.relations.isEmpty },
        ])
}

/// One kind of relation of a role in a chart's list, and the roles at its other end.
package struct ChartRelationView: FieldedView {
    /// The relation's name ("Supervises").
    package var label: String
    /// Which relation: `reports_to`, `supervises` or `works_with`.
    package var key: String
    package var roles: [LinkView]

    package static let fields = ViewFields<Self>(
        "chart relation",
        [
            .text("label", "The relation's name (\"Supervises\")") { $0.label },
            .text("key", "The relation: reports_to, supervises or works_with") { $0.key },
            .views("roles", "The roles at its other end, as links") { $0.roles },
        ])
}
