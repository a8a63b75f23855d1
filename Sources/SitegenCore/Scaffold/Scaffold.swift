import SitegenContent
import SitegenRender
import SitegenSupport

/// Files that `sitegen new` and `sitegen init` write: pure text, the CLI puts it on disk.
public enum Scaffold {
    /// A new role file with every field of the schema, commented. It starts as a draft so the
    /// site keeps building cleanly until the author fills it in and removes `draft: true`.
    public static func role(title: String, dimensions: [SiteConfig.Dimension]) -> (path: String, text: String) {
        let slug = Slug.make(title)
        let attributeLines =
            dimensions.isEmpty
            ? "attributes: {}                # one value per comparison dimension in sitegen.yml"
            : "attributes:                   # one value per comparison dimension in sitegen.yml\n"
                + dimensions.map { "  \($0.key): To be written     # \($0.label)" }.joined(separator: "\n")
        let text = """
            ---
            title: \(yamlQuoted(title))                   # required
            summary: "One sentence on what the \(yamlEscaped(title)) does."   # required
            department: Production        # where the role sits
            media: [film, television]     # any of: film, television, video games
            alternate_titles: []          # other names for the role
            # onet: 27-2012.00            # O*NET-SOC code, when one matches
            # article: an                 # "a" or "an" before the title, when the rule (by sound; abbreviations letter by letter) gets it wrong
            reports_to: []                # role slugs (file names without .md)
            supervises: []                # role slugs
            works_with: []                # role slugs of peers without a reporting line
            stages: [development, pre-production, production, post-production, distribution]
            duties:                       # required, at least 3, one sentence each
              - First duty, starting with a verb
              - Second duty
              - Third duty
            skills: []                    # spell each skill exactly as other roles do
            requirements:
              education: To be written
              experience: To be written
              certification: None required
            \(attributeLines)
            career_path: []               # ordered steps into the role
            compare_with: []              # role slugs: one comparison page per pair
            related: []                   # role slugs
            sources: []                   # - {title: "…", url: "https://…"}
            updated: 2026-01-01           # YYYY-MM-DD
            draft: true                   # remove when the page is ready
            ---
            ## What the role is

            ## A typical day

            ## Getting into the role

            """
        return ("roles/\(slug).md", text)
    }

    /// A complete small site: config, home page, two roles, one comparison with prose, an
    /// About page, and the built-in theme under `Templates/` to customise.
    public static func site() -> [String: String] {
        var files: [String: String] = [
            "sitegen.yml": """
            title: My Role Handbook
            description: What each role does, and how the roles differ.
            language: en
            base_url: ""
            navigation:
              - {title: Roles, url: roles/}
              - {title: Compare, url: compare/}
              - {title: Skills, url: skills/}
              - {title: About, url: about/}
            comparison:
              dimensions:
                - key: focus
                  label: Main focus
                  help: What the role spends most of its attention on.
                - key: final_say
                  label: Final say
                  help: The decisions on which the role has the last word.

            """,
            "Content/index.md": """
            ---
            title: My Role Handbook
            summary: Two example roles and a comparison, ready to replace with your own.
            ---
            Start with the [Producer](roles/producer.md), or see how it compares with the
            [Executive Producer](compare/producer-vs-executive-producer.md).

            """,
            "Content/about.md": """
            ---
            title: About
            summary: How this handbook is made.
            ---
            This site is built with sitegen. Edit the files in `Content/`, then run `sitegen build`.

            """,
            "Content/roles/producer.md": """
            ---
            title: Producer
            summary: Takes a project from idea to release and answers for the result.
            department: Production
            media: [film, television]
            reports_to: [executive-producer]
            duties:
              - Develops the idea and the script with writers
              - Hires the director and the key crew
              - Oversees the budget and the schedule
              - Arranges distribution, marketing and release
            skills: [Budgeting, Leadership, Problem solving]
            requirements:
              education: Degree in film or media helpful, not required
              experience: Several years in production roles
              certification: None required
            attributes:
              focus: The whole project, day to day
              final_say: Crew, schedule and budget trade-offs
            compare_with: [executive-producer]
            ---
            ## What the role is

            The producer starts a project and stays with it to the end.

            """,
            "Content/roles/executive-producer.md": """
            ---
            title: Executive Producer
            summary: Secures the money and holds the final say on the biggest decisions.
            department: Production
            media: [film, television]
            supervises: [producer]
            duties:
              - Secures financing and negotiates with studios and financiers
              - Approves the budget and keeps the project within it
              - Approves casting, marketing and distribution
            skills: [Budgeting, Leadership, Negotiation]
            requirements:
              education: Bachelor's degree preferred
              experience: At least 5 years in production
              certification: None required
            attributes:
              focus: Funding and commercial success
              final_say: Casting, marketing, distribution
            ---
            ## What the role is

            The executive producer backs the project and guards the money.

            """,
            "Content/compare/producer-vs-executive-producer.md": """
            ---
            title: Producer vs Executive Producer
            summary: One runs the project; the other funds it and signs off the big decisions.
            ---
            ## The short answer

            The producer is there every day; the executive producer steps in for the big decisions.

            """,
        ]
        for (path, text) in DefaultTheme.files { files["Templates/\(path)"] = text }
        return files
    }

    private static func yamlQuoted(_ text: String) -> String {
        "\"\(yamlEscaped(text))\""
    }

    private static func yamlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
