import SitegenContent

/// The handbook as data for other tools: `roles.json` (every role's core and declared fields,
/// format `sitegen-roles` version 1, documented in the README) and `compare/matrix.csv` (the
/// comparison matrix, RFC 4180). `/roles/` and `/compare/` link to them.
package enum DataFiles: PageKind {
    package static let rolesPath = "roles.json"
    package static let matrixPath = "compare/matrix.csv"
    /// The version of the `roles.json` format; a change that breaks a reader raises it.
    package static let formatVersion = 1

    package static func pages(_ context: RenderContext) -> [PageSpec] {
        // Made only when the site changed (they were a tenth of a warm build at 10k roles).
        [.data(path: rolesPath) { rolesJSON($0) }, .data(path: matrixPath) { matrixCSV($0) }]
    }

    /// `roles.json`.
    static func rolesJSON(_ context: RenderContext) -> OutputFile {
        let site = context.site
        let schema = site.config.schema
        let fields = schema.fields.map { field in
            JSONValue.object([
                ("key", .string(field.key)), ("type", .string(field.type.rawValue)), ("label", .string(field.label)),
                ("help", .optional(field.help)), ("required", .bool(field.required)), ("values", field.values.map(JSONValue.strings) ?? .null),
            ])
        }
        let head = JSONValue.object([
            ("format", .string("sitegen-roles")), ("version", .int(formatVersion)),
            (
                "site",
                .object([
                    ("title", .string(site.config.title)), ("language", .string(site.config.language)), ("base_url", .string(site.config.baseURL)),
                ])
            ),
            ("fields", .array(fields)),
        ]).text
        // Written role by role (a tree of 10k roles' values was a sixth of the build's memory),
        // each role's entry kept by a session under what it read.
        let entries = site.roles.parallelMap { role in
            let slug = role.slug
            return context.memoized("roles-json\u{0}" + slug) { site in entry(site.role(slug)!, site: site) }
        }
        var out = String(head.dropLast()) + ",\"roles\":["
        out.reserveCapacity(out.utf8.count + entries.reduce(0) { $0 + $1.utf8.count + 1 } + 3)
        for (index, entry) in entries.enumerated() {
            if index > 0 { out += "," }
            out += entry
        }
        out += "]}\n"
        return OutputFile(path: rolesPath, text: out)
    }

    /// One role's entry in `roles.json`. It reads the site through its accessors only (so that
    /// a session keeps it under those reads, `RenderContext.memoized`).
    private static func entry(_ role: Role, site: Site) -> String {
        let schema = site.config.schema
        let slugs = { (references: [Role.Located]) in JSONValue.strings(site.roles(references).map(\.slug)) }
        let declared = schema.fields.compactMap { field -> (key: String, value: JSONValue)? in
            guard let values = role.values[field.key] else { return nil }
            return (field.key, field.type.isList ? .strings(values.map(\.value)) : .string(values[0].value))
        }
        return JSONValue.object([
            ("slug", .string(role.slug)), ("url", .string(URLs.role(role.slug))), ("title", .string(role.title)),
            ("summary", .string(role.summary)), ("alternate_titles", .strings(role.alternateTitles)),
            ("reports_to", slugs(role.reportsTo)), ("supervises", slugs(role.supervises)), ("works_with", slugs(role.worksWith)),
            ("duties", .strings(role.duties)), ("skills", .strings(role.skills.map(\.value))), ("career_path", .strings(role.careerPath)),
            ("compare_with", slugs(role.compareWith)), ("related", slugs(role.related)), ("updated", .optional(role.updated)),
            ("fields", .object(declared)),
        ]).text
    }

    /// `compare/matrix.csv`: a header row (slug, role, then the matrix fields' labels) and a
    /// row per role; CRLF line ends, and a value with a comma, quote or line break quoted.
    static func matrixCSV(_ context: RenderContext) -> OutputFile {
        let (site, words) = (context.site, context.words)
        let columns = site.config.schema.matrix
        let row = { @Sendable (values: [String]) in values.map(csvField).joined(separator: ",") + "\r\n" }
        let header = row(["slug", words["role"]] + columns.map { FieldValues.label($0, site: site, words: words) })
        // Each role's row kept by a session under what it read.
        let rows = site.roles.parallelMap { role in
            let slug = role.slug
            return context.memoized("matrix-row\u{0}" + slug) { site in
                let role = site.role(slug)!
                return row([role.slug, role.title] + columns.map { FieldValues.text($0, of: role, site: site) ?? "" })
            }
        }
        return OutputFile(path: matrixPath, text: header + rows.joined())
    }

    /// A CSV field, quoted when it must be (RFC 4180 §2).
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
