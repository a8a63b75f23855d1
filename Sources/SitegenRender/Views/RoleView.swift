import SitegenContent
import SitegenMarkdown
import SitegenTemplates

/// Everything the role page and the job-duty page show about one role, with links made
/// relative to the page being rendered.
package struct RoleView: OpenView {
    package var role: Role
    package var pageURL: String
    package var skills: [LinkView]
    package var requirements: [FactView]
    package var glance: [FactView]
    /// Every declared field the role gives, in declaration order.
    package var declared: [FactView]
    /// Every declared field by its name (see `DeclaredValues`).
    package var moreValues: [String: any ViewValue]
    package var comparisons: [LinkView]
    /// The comparison picker (on the role page, not the duty page).
    package var picker: PickerView?
    package var related: [RoleCardView]
    /// The role's reporting lines drawn (on the role page, when it has any).
    package var chart: ChartView?
    /// The chart page of the role's group, relative to the page, and the link's text.
    package var groupChart: LinkView
    package var bodyHTML: String
    package var toc: [TOCEntryView]
    /// schema.org `Occupation` JSON-LD, escaped for a `<script>` element.
    package var jsonLD: String
    /// The article before the title.
    package var article: String
    /// The sentences that name the role: "What does a … do?" and its kin.
    package var sentences: [String: String]

    package static let previewDutyCount = 5

    package init(_ role: Role, pageURL: String, context: RenderContext, withBody: Bool) {
        let site = context.site
        let words = context.words
        article = words.article(for: role)
        let named = ["a": article, "title": role.title]
        sentences = Dictionary(uniqueKeysWithValues: ["duties_title", "how_to_become", "full_profile", "duties_link"].map { ($0, words.format($0, named)) })
        self.role = role
        self.pageURL = pageURL
        let link = { (url: String) in ContentPath.relativeLink(from: pageURL, to: url) }
        skills = role.skills.map { skill in
            LinkView(title: skill.value, url: link(URLs.skill(skill.value, site: site)))
        }
        let schema = site.config.schema
        requirements = FieldValues.facts(schema.requirements, of: role, from: pageURL, context: context)
        glance = FieldValues.facts(schema.glance, of: role, from: pageURL, context: context)
        declared = context.isUsed("fields") ? FieldValues.facts(schema.fields.map(\.key), of: role, from: pageURL, context: context) : []
        moreValues = DeclaredValues.values(of: role, from: pageURL, context: context)
        let pairs = site.pairs(including: role.slug)
        comparisons = pairs.map { ComparisonPages.link(to: $0, from: pageURL, context: context) }
        picker =
            withBody && PickerData.isOffered(site)
            ? PickerView(from: pageURL, role: role, updatesAddress: false, pairs: pairs, context: context) : nil
        related = site.roles(role.related).map { RoleCardView($0, from: pageURL, context: context) }
        bodyHTML = withBody ? context.html(role.contentPath) : ""
        chart = withBody ? RoleCharts.neighbourhood(of: role, from: pageURL, context: context) : nil
        let group = site.config.schema.groupBy.map { role.value($0) ?? words["other_roles"] }
        groupChart = LinkView(
            title: group.map { words.format("chart_group_link", ["group": $0]) } ?? words["chart_site_link"],
            url: link(ChartPages.url(of: role, site: site, words: words)))
        jsonLD =
            !withBody
            ? ""
            : StructuredData.occupationScript(
                role, skills: skills.map(\.title), url: site.config.baseURL.isEmpty ? nil : site.config.baseURL + URLs.role(role.slug),
                schema: site.config.schema)
        toc =
            withBody
            ? TOCEntryView.entries(context.headings(role.contentPath))
                + Self.sectionEntries(
                    role, words: words, hasSkills: !skills.isEmpty, hasRequirements: !requirements.isEmpty, hasChart: chart != nil,
                    hasComparisons: !comparisons.isEmpty, hasPicker: picker != nil, hasRelated: !related.isEmpty
                ) : []
    }

    /// The page's own sections, listed after the body's headings in the table of contents.
    private static func sectionEntries(
        _ role: Role, words: Words, hasSkills: Bool, hasRequirements: Bool, hasChart: Bool, hasComparisons: Bool, hasPicker: Bool,
        hasRelated: Bool
    ) -> [TOCEntryView] {
        var entries = [TOCEntryView(id: "key-duties", text: words["toc_key_duties"], level: 2)]
        if hasSkills { entries.append(TOCEntryView(id: "skills", text: words["toc_skills"], level: 2)) }
        if hasRequirements { entries.append(TOCEntryView(id: "requirements", text: words["toc_requirements"], level: 2)) }
        if hasChart { entries.append(TOCEntryView(id: "reporting-lines", text: words["toc_reporting_lines"], level: 2)) }
        if hasComparisons { entries.append(TOCEntryView(id: "comparisons", text: words["toc_comparisons"], level: 2)) }
        if hasPicker { entries.append(TOCEntryView(id: "compare-any", text: words["toc_picker"], level: 2)) }
        if hasRelated { entries.append(TOCEntryView(id: "related-roles", text: words["toc_related"], level: 2)) }
        if !role.sources.isEmpty { entries.append(TOCEntryView(id: "sources", text: words["toc_sources"], level: 2)) }
        return entries
    }

    package static let fields = ViewFields<Self>(
        "role page",
        [
            .text("title", "The role's title") { $0.role.title },
            .text("summary", "The role's one-sentence summary") { $0.role.summary },
            .text("article", "The article before the title, where the language has one (\"a\" or \"an\")") { $0.article },
            .text("bodyHTML", "The role's Markdown body, as HTML (use {{{bodyHTML}}}; empty on the duty page)") { $0.bodyHTML },
            .views("toc", "The table of contents: the body's headings, then the page's own sections") { $0.toc },
            .flag("hasToc", "Whether there is a table of contents") { !$0.toc.isEmpty },
            .texts("duties", "Every duty") { $0.role.duties },
            .texts("dutiesPreview", "The first duties") { Array($0.role.duties.prefix(Self.previewDutyCount)) },
            .text("dutiesURL", "The role's duty page, relative to the page") { ContentPath.relativeLink(from: $0.pageURL, to: URLs.duties($0.role.slug)) },
            .text("roleURL", "The role page, relative to the page") { ContentPath.relativeLink(from: $0.pageURL, to: URLs.role($0.role.slug)) },
            .views("skills", "The role's skills, each linked to its skill page") { $0.skills },
            .flag("hasSkills", "Whether the role lists skills") { !$0.skills.isEmpty },
            .view("requirements", "The fields the schema puts in the requirements section (schema: requirements)") { FactsView(facts: $0.requirements) },
            .flag("hasRequirements", "Whether the role gives any of them") { !$0.requirements.isEmpty },
            .view("glance", "The fields the schema puts in the at-a-glance box (schema: glance)") { FactsView(facts: $0.glance) },
            .view("fields", "Every declared field the role gives, in declaration order") { FactsView(facts: $0.declared) },
            .view("comparisons", "Links to the comparisons that include the role") { LinksView(links: $0.comparisons) },
            .flag("hasComparisons", "Whether the role is in a comparison") { !$0.comparisons.isEmpty },
            .views("chart", "The role's reporting lines as a chart, when it has any (a list of one: use {{#chart}}…{{/chart}})") {
                $0.chart.map { [$0] } ?? []
            },
            .flag("hasChart", "Whether the role has reporting lines to draw") { $0.chart != nil },
            .view("groupChart", "A link to the whole chart of the role's group (department)") { $0.groupChart },
            .views("picker", "The comparison picker, on the role page of a site with two roles or more: {{#picker}}{{>compare-picker}}{{/picker}}") {
                $0.picker.map { [$0] } ?? []
            },
            .views("related", "Related roles, as cards") { $0.related },
            .flag("hasRelated", "Whether the role names related roles") { !$0.related.isEmpty },
            .texts("careerPath", "The steps of the career path") { $0.role.careerPath },
            .flag("hasCareerPath", "Whether the role describes a career path") { !$0.role.careerPath.isEmpty },
            .views("sources", "The role's sources, as links") { $0.role.sources.map { LinkView(title: $0.title, url: $0.url ?? "") } },
            .flag("hasSources", "Whether the role lists sources") { !$0.role.sources.isEmpty },
            .text("updated", "When the role was last updated (YYYY-MM-DD)") { $0.role.updated ?? "" },
            .flag("hasUpdated", "Whether the role has an update date") { $0.role.updated != nil },
            .text("dutiesQuestion", "\"What does a … do?\"") { $0.sentences["duties_title"]! },
            .text("howToBecome", "\"How to become a …\"") { $0.sentences["how_to_become"]! },
            .text("fullProfile", "\"Read the full … profile\"") { $0.sentences["full_profile"]! },
            .text("dutiesLink", "The link text to the duty page") { $0.sentences["duties_link"]! },
            .text("jsonLD", "The schema.org Occupation JSON-LD (use {{{jsonLD}}} in a script element)") { $0.jsonLD },
        ])
}
