import SitegenMarkdown
import SitegenTemplates

/// Everything the role page and the job-duty page show about one role, with links made
/// relative to the page being rendered.
struct RoleView: ViewModel {
    var role: Role
    var pageURL: String
    var skills: [LinkView]
    var requirements: [FactView]
    var glance: [FactView]
    var attributes: [FactView]
    var comparisons: [LinkView]
    var related: [RoleCardView]
    var bodyHTML: String
    var toc: [TOCEntryView]
    /// schema.org `Occupation` JSON-LD, escaped for a `<script>` element.
    var jsonLD: String

    static let previewDutyCount = 5

    init(_ role: Role, pageURL: String, context: RenderContext, withBody: Bool) {
        let site = context.site
        self.role = role
        self.pageURL = pageURL
        let link = { (url: String) in ContentPath.relativeLink(from: pageURL, to: url) }
        skills = role.skills.map { skill in
            LinkView(title: skill.value, url: link(URLs.skill(site.skillSlug(skill.value))))
        }
        requirements = [
            role.requirements.education.map { FactView(label: "Education", value: $0) },
            role.requirements.experience.map { FactView(label: "Experience", value: $0) },
            role.requirements.certification.map { FactView(label: "Certification", value: $0) },
        ].compactMap { $0 }
        let names = { (references: [Role.Located]) in site.roles(references).map(\.title).joined(separator: ", ") }
        glance = [
            role.department.map { FactView(label: "Department", value: $0) },
            role.media.isEmpty ? nil : FactView(label: "Media", value: role.media.joined(separator: ", ")),
            role.alternateTitles.isEmpty ? nil : FactView(label: "Also called", value: role.alternateTitles.joined(separator: ", ")),
            role.reportsTo.isEmpty ? nil : FactView(label: "Reports to", value: names(role.reportsTo)),
            role.supervises.isEmpty ? nil : FactView(label: "Supervises", value: names(role.supervises)),
            role.worksWith.isEmpty ? nil : FactView(label: "Works alongside", value: names(role.worksWith)),
            role.stages.isEmpty ? nil : FactView(label: "Stages", value: role.stages.joined(separator: ", ")),
        ].compactMap { $0 }
        attributes = site.config.dimensions.compactMap { dimension in
            role.attributes[dimension.key].map { FactView(label: dimension.label, value: $0, help: dimension.help) }
        }
        comparisons = site.pairs(including: role.slug).compactMap { pair in
            guard let first = site.role(pair.first), let second = site.role(pair.second) else { return nil }
            return LinkView(title: "\(first.title) vs \(second.title)", url: link(URLs.pair(pair)))
        }
        related = site.roles(role.related).map { RoleCardView($0, from: pageURL) }
        bodyHTML = withBody ? context.html(role.contentPath) : ""
        jsonLD =
            !withBody
            ? ""
            : StructuredData.occupationScript(
                role, skills: skills.map(\.title), url: site.config.baseURL.isEmpty ? nil : site.config.baseURL + URLs.role(role.slug))
        toc =
            withBody
            ? TOCEntryView.entries(context.headings(role.contentPath))
                + Self.sectionEntries(
                    role, hasSkills: !skills.isEmpty, hasRequirements: !requirements.isEmpty, hasComparisons: !comparisons.isEmpty, hasRelated: !related.isEmpty
                ) : []
    }

    /// The page's own sections, listed after the body's headings in the table of contents.
    private static func sectionEntries(_ role: Role, hasSkills: Bool, hasRequirements: Bool, hasComparisons: Bool, hasRelated: Bool) -> [TOCEntryView] {
        var entries = [TOCEntryView(id: "key-duties", text: "Key duties", level: 2)]
        if hasSkills { entries.append(TOCEntryView(id: "skills", text: "Skills", level: 2)) }
        if hasRequirements { entries.append(TOCEntryView(id: "requirements", text: "Requirements", level: 2)) }
        if hasComparisons { entries.append(TOCEntryView(id: "comparisons", text: "Compare with", level: 2)) }
        if hasRelated { entries.append(TOCEntryView(id: "related-roles", text: "Related roles", level: 2)) }
        if !role.sources.isEmpty { entries.append(TOCEntryView(id: "sources", text: "Sources", level: 2)) }
        return entries
    }

    func value(for name: String) -> TemplateValue {
        switch name {
        case "title": TemplateValue(role.title)
        case "summary": TemplateValue(role.summary)
        case "article": TemplateValue(RenderContext.article(for: role.title))
        case "bodyHTML": TemplateValue(bodyHTML)
        case "toc": TemplateValue(toc)
        case "hasToc": TemplateValue(!toc.isEmpty)
        case "duties": TemplateValue(role.duties)
        case "dutiesPreview": TemplateValue(Array(role.duties.prefix(Self.previewDutyCount)))
        case "dutiesURL": TemplateValue(ContentPath.relativeLink(from: pageURL, to: URLs.duties(role.slug)))
        case "roleURL": TemplateValue(ContentPath.relativeLink(from: pageURL, to: URLs.role(role.slug)))
        case "skills": TemplateValue(skills)
        case "hasSkills": TemplateValue(!skills.isEmpty)
        case "requirements": TemplateValue(FactsView(facts: requirements))
        case "hasRequirements": TemplateValue(!requirements.isEmpty)
        case "glance": TemplateValue(FactsView(facts: glance))
        case "attributes": TemplateValue(FactsView(facts: attributes))
        case "hasAttributes": TemplateValue(!attributes.isEmpty)
        case "comparisons": TemplateValue(LinksView(links: comparisons))
        case "hasComparisons": TemplateValue(!comparisons.isEmpty)
        case "related": TemplateValue(related)
        case "hasRelated": TemplateValue(!related.isEmpty)
        case "careerPath": TemplateValue(role.careerPath)
        case "hasCareerPath": TemplateValue(!role.careerPath.isEmpty)
        case "sources": TemplateValue(role.sources.map { LinkView(title: $0.title, url: $0.url ?? "") })
        case "hasSources": TemplateValue(!role.sources.isEmpty)
        case "updated": TemplateValue(role.updated ?? "")
        case "hasUpdated": TemplateValue(role.updated != nil)
        case "jsonLD": TemplateValue(jsonLD)
        default: .none
        }
    }
}
