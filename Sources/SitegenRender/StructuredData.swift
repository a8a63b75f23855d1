import SitegenContent

/// schema.org structured data for role pages, as JSON-LD text that is safe to place inside
/// `<script type="application/ld+json">` (see `JSONValue`).
package enum StructuredData {
    /// The schema.org `Occupation` of a role: name, description, responsibilities, skills,
    /// education, experience, qualifications, O*NET category and alternate names. `skills` are
    /// the display names; `url` is the page's absolute URL when the site has a base URL.
    package static func occupation(_ role: Role, skills: [String], url: String?) -> JSONValue {
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
        if let education = role.requirements.education { members.append(("educationRequirements", .string(education))) }
        if let experience = role.requirements.experience { members.append(("experienceRequirements", .string(experience))) }
        if let certification = role.requirements.certification { members.append(("qualifications", .string(certification))) }
        if let onet = role.onet { members.append(("occupationalCategory", .string(onet))) }
        return .object(members)
    }

    /// The JSON-LD text of a role page, pretty enough to read in "view source": one member per line.
    package static func occupationScript(_ role: Role, skills: [String], url: String?) -> String {
        guard case .object(let members) = occupation(role, skills: skills, url: url) else { return "" }
        let lines = members.map { "  \(JSONValue.quoted($0.key)): \($0.value.text)" }
        return "{\n" + lines.joined(separator: ",\n") + "\n}"
    }
}
