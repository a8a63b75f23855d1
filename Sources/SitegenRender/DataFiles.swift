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
        [.data(path: rolesPath) { rolesJSON($0.site) }, .data(path: matrixPath) { matrixCSV($0.site, words: $0.words) }]
    }

    /// `roles.json`.
    static func rolesJSON(_ site: Site) -> OutputFile {
        let schema = site.config.schema
        let fields = schema.fields.map { field in
            JSONValue.object([
                ("key", .string(field.key)), ("type", .string(field.type.rawValue)), ("label", .string(field.label)),
                ("help", .optional(field.help)), ("required", .bool(field.required)), ("values", field.values.map(JSONValue.strings) ?? .null),
            ])
        }
        let slugs = { (references: [Role.Located]) in JSONValue.strings(site.roles(references).map(\.slug)) }
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
        // Written role by role (a tree of 10k roles' values was a sixth of the build's memory).
        var out = String(head.dropLast()) + ",\"roles\":["
        for (index, role) in site.roles.enumerated() {
            let declared = schema.fields.compactMap { field -> (key: String, value: JSONValue)? in
                guard let values = role.values[field.key] else { return nil }
                return (field.key, field.type.isList ? .strings(values.map(\.value)) : .string(values[0].value))
            }
            if index > 0 { out += "," }
            JSONValue.object([
                ("slug", .string(role.slug)), ("url", .string(URLs.role(role.slug))), ("title", .string(role.title)),
                ("summary", .string(role.summary)), ("alternate_titles", .strings(role.alternateTitles)),
                ("reports_to", slugs(role.reportsTo)), ("supervises", slugs(role.supervises)), ("works_with", slugs(role.worksWith)),
                ("duties", .strings(role.duties)), ("skills", .strings(role.skills.map(\.value))), ("career_path", .strings(role.careerPath)),
                ("compare_with", slugs(role.compareWith)), ("related", slugs(role.related)), ("updated", .optional(role.updated)),
                ("fields", .object(declared)),
            ]).write(to: &out)
        }
        out += "]}\n"
        return OutputFile(path: rolesPath, text: out)
    }

    /// `compare/matrix.csv`: a header row (slug, role, then the matrix fields' labels) and a
    /// row per role; CRLF line ends, and a value with a comma, quote or line break quoted.
    static func matrixCSV(_ site: Site, words: Words) -> OutputFile {
        let columns = site.config.schema.matrix
        var rows = [["slug", words["role"]] + columns.map { FieldValues.label($0, site: site, words: words) }]
        for role in site.roles {
            rows.append([role.slug, role.title] + columns.map { FieldValues.text($0, of: role, site: site) ?? "" })
        }
        let text = rows.map { $0.map(csvField).joined(separator: ",") + "\r\n" }.joined()
        return OutputFile(path: matrixPath, text: text)
    }

    /// A CSV field, quoted when it must be (RFC 4180 §2).
    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
