import SitegenContent
import SitegenMarkdown

/// `/skills/` and one `/skills/<skill>/` per skill: which roles need it.
package enum SkillPages: PageKind {
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        let site = context.site
        let indexURL = URLs.skills
        let indexPage = PageSpec.page(url: indexURL, layout: "skills") { context in
            let links = site.skills.map { skill in
                let count = skill.roleSlugs.count
                return LinkView(
                    title: skill.name, url: ContentPath.relativeLink(from: indexURL, to: URLs.skill(skill.slug)),
                    detail: context.words.count("skill_roles", count))
            }
            let index = ListView(
                title: context.words["skills_title"],
                summary: context.words["skills_summary"],
                values: ["skills": links]
            )
            return context.view(url: indexURL, title: index.title, description: index.summary, content: index)
        }
        return [indexPage] + site.skills.map { skill in PageSpec.page(url: URLs.skill(skill.slug), layout: "skill") { view(skill, $0) } }
    }

    private static func view(_ skill: Skill, _ context: RenderContext) -> PageView {
        let url = URLs.skill(skill.slug)
        let roles = skill.roleSlugs.compactMap { context.site.role($0) }
        let view = ListView(
            title: skill.name,
            summary: context.words.count("skill_summary", roles.count, ["skill": skill.name]),
            values: ["roles": roles.map { RoleCardView($0, from: url) }]
        )
        return context.view(url: url, title: skill.name, description: view.summary, content: view)
    }
}
