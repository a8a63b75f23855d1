import SitegenContent

/// schema.org structured data for role pages, as JSON-LD text that is safe to place inside
/// `<script type="application/ld+json">` (see `JSONValue`).
package enum StructuredData {
    /// The schema.org `Occupation` of a role: name, description, responsibilities, skills,
    /// education, experience, qualifications, O*NET category and alternate names. `skills` are
    /// the display names; `url` is the page's absolute URL when the site has a base URL.
    package static func occupation(_ role: Role, skills: [String], url: String?, schema: Schema = .standard) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("Occupation")),
            ("name", .string(role.title)),
            ("description", .string(role.summary)),
        ]
        if !role.alternateTitles.isEmpty { members.append(("alternateName", .strings(role.alternateTitles))) }
        if let url { members.append(("url", .string(url))) }
        if !role.duties.isEmpty { members.append(("responsibilities", .strings(role.duties))) }
        if !skills.isEmpty { members.append(("skills", .strings(skills))) }
        // Declared fields mapped to schema.org properties, in the properties' order.
        for property in Schema.schemaOrgProperties {
            for field in schema.fields where field.schemaOrg == property {
                if let value = role.value(field.key) { members.append((property, .string(value))) }
            }
        }
        if let onet = role.onet { members.append(("occupationalCategory", .string(onet))) }
        return .object(members)
    }

    /// The JSON-LD text of a role page, pretty enough to read in "view source": one member per line.
    package static func occupationScript(_ role: Role, skills: [String], url: String?, schema: Schema = .standard) -> String {
        guard case .object(let members) = occupation(role, skills: skills, url: url, schema: schema) else { return "" }
        let lines = members.map { "  \(JSONValue.quoted($0.key)): \($0.value.text)" }
        return "{\n" + lines.joined(separator: ",\n") + "\n}"
    }
}
