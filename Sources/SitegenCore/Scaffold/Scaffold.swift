import SitegenContent
import SitegenRender
import SitegenSupport

/// Files that `sitegen new` and `sitegen init` write: pure text, the CLI puts it on disk.
public enum Scaffold {
    /// The starter sites of `sitegen init`, by name: `neutral` (the default) and `film`
    /// (`--example film`), each a site folder kept in `Starters/`.
    public static let examples = ["neutral", "film"]

    /// A new role file with every core field and every field the schema declares, each
    /// commented with its type and help. It starts as a draft so the site keeps building
    /// cleanly until the author fills it in and removes `draft: true`.
    package static func role(title: String, schema: Schema, today: String) -> (path: String, text: String) {
        let slug = Slug.make(title)
        var lines = [
            "---",
            line("title: \(yamlQuoted(title))", "text, required"),
            line("summary: \"One sentence on what the \(yamlEscaped(title)) does.\"", "text, required"),
        ]
        if !schema.fields.isEmpty {
            lines.append("# From sitegen.yml (schema: fields), in declaration order:")
            lines += schema.fields.map(declaredLine)
            lines.append("# End of the fields from sitegen.yml.")
        }
        lines += [
            line("alternate_titles: []", "list — other names for the role"),
            line("# onet: 00-0000.00", "text — O*NET-SOC code, when one matches"),
            line("# article: a", "text — \"a\" or \"an\" before the title, when the rule (by sound; abbreviations letter by letter) gets it wrong"),
            line("reports_to: []", "roles — role slugs (file names without .md)"),
            line("supervises: []", "roles — role slugs"),
            line("works_with: []", "roles — peers without a reporting line"),
            line("duties:", "list, required — at least \(Role.minimumDuties), one sentence each"),
            "  - First duty, starting with a verb",
            "  - Second duty",
            "  - Third duty",
            line("skills: []", "list — spell each skill exactly as other roles do"),
            line("career_path: []", "list — ordered steps into the role"),
            line("compare_with: []", "roles — one comparison page per pair"),
            line("related: []", "roles — role slugs"),
            line("sources: []", "list of {title: \"…\", url: \"https://…\"}"),
            line("updated: \(today)", "date — YYYY-MM-DD"),
            line("draft: true", "remove when the page is ready"),
            "---",
            "## What the role is",
            "",
            "## A typical day",
            "",
            "## Getting into the role",
            "",
        ]
        return ("roles/\(slug).md", lines.joined(separator: "\n"))
    }

    /// The stub line of one declared field: a placeholder value (the first of a closed set),
    /// or a commented-out line where no placeholder would be valid.
    private static func declaredLine(_ field: Schema.Field) -> String {
        var note = field.type.rawValue + (field.required ? ", required" : "")
        if let values = field.values { note += (field.type.isList ? ", any of " : ", one of ") + values.joined(separator: ", ") }
        if let help = field.help { note += " — " + help }
        let key = field.key
        let first = field.values?.first.map(yamlQuoted)
        switch field.type {
        case .text, .term, .markdown:
            return line("\(key): \(first ?? "To be written")", note)
        case .list, .terms:
            return line("\(key): [\(first ?? "")]", note)
        case .roles:
            return line("\(key): []", note)
        case .date:
            return line("# \(key): 2026-01-01", note)
        case .url:
            return line("# \(key): https://example.org/", note)
        case .number:
            return line("# \(key): 1", note)
        case .role:
            return line("# \(key): role-slug", note)
        }
    }

    /// `text` with its comment in the column the stub's comments line up in.
    private static func line(_ text: String, _ comment: String) -> String {
        text + String(repeating: " ", count: max(1, 36 - text.count)) + "# " + comment
    }

    /// A complete small site: a starter's config, home page, two roles, one comparison with
    /// prose and an About page, the built-in theme under `Templates/` to customise, and a
    /// `.gitignore` for what sitegen makes.
    /// Nil for an unknown example name.
    public static func site(example: String = "neutral") -> [String: String]? {
        let starter: [String: String]
        switch example {
        case "neutral": starter = StarterNeutral.files
        case "film": starter = StarterFilm.files
        default: return nil
        }
        var files = starter
        for (path, text) in DefaultTheme.files { files["Templates/\(path)"] = text }
        files[".gitignore"] = gitignore
        return files
    }

    /// What a new site's repository leaves out: everything sitegen makes.
    static let gitignore = """
        # Made by sitegen: the site, the site before it (kept to make the next build quick)
        # and the cache.
        Output/
        .Output.sitegen-*/
        .sitegen-cache/

        """

    private static func yamlQuoted(_ text: String) -> String {
        "\"\(yamlEscaped(text))\""
    }

    private static func yamlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
