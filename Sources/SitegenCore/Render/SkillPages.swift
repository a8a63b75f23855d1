import SitegenMarkdown

/// `/skills/` and one `/skills/<skill>/` per skill: which roles need it.
enum SkillPages {
    static func pages(_ context: RenderContext) -> [PageJob] {
        let site = context.site
        let indexURL = URLs.skills
        let indexPage = PageJob(url: indexURL, fingerprint: context.fingerprints?.listing()) { context in
            let links = site.skills.map { skill in
                let count = skill.roleSlugs.count
                return LinkView(
                    title: skill.name, url: ContentPath.relativeLink(from: indexURL, to: URLs.skill(skill.slug)),
                    detail: count == 1 ? "1 role" : "\(count) roles")
            }
            let index = ListView(
                title: "Skills",
                summary: "The skills the roles in this handbook ask for, and which roles need each one.",
                values: ["skills": links]
            )
            return context.page(layout: "skills", url: indexURL, title: index.title, description: index.summary, content: index)
        }
        return [indexPage]
            + site.skills.map { skill in PageJob(url: URLs.skill(skill.slug), fingerprint: context.fingerprints?.skill(skill)) { page(skill, $0) } }
    }

    private static func page(_ skill: Skill, _ context: RenderContext) -> OutputFile {
        let url = URLs.skill(skill.slug)
        let roles = skill.roleSlugs.compactMap { context.site.role($0) }
        let count = roles.count == 1 ? "1 role lists" : "\(roles.count) roles list"
        let view = ListView(
            title: skill.name,
            summary: "\(count) \(skill.name) as a skill.",
            values: ["roles": roles.map { RoleCardView($0, from: url) }]
        )
        return context.page(layout: "skill", url: url, title: skill.name, description: view.summary, content: view)
    }
}
