import Foundation
import Yams

extension Role {
    package static let knownKeys = [
        "title", "summary", "department", "media", "alternate_titles", "onet", "article", "reports_to", "supervises", "works_with",
        "stages", "duties", "skills", "requirements", "attributes", "career_path", "compare_with", "related",
        "sources", "updated", "draft",
    ]
    package static let minimumDuties = 3

    /// Parses a role file. `contentPath` is relative to `Content/`; `file` is the path shown in
    /// diagnostics. Returns nil when a required field is missing or mistyped.
    package static func parse(_ text: String, contentPath: String, file: String) -> (Role?, [Diagnostic]) {
        let slug = Slug.fileStem(of: contentPath)
        var diagnostics: [Diagnostic] = []
        if !Slug.isValid(slug) {
            diagnostics.append(
                .error(
                    "file name '\(slug).md' is not a valid slug; use lowercase letters, digits and single hyphens, e.g. '\(Slug.make(slug)).md'",
                    at: SourceLocation(file: file, line: 1, column: 1)))
        }
        let front: FrontMatter
        switch FrontMatter.parse(text, file: file) {
        case .success(let split): front = split
        case .failure(let error): return (nil, diagnostics + [error])
        }
        var fields = YAMLFields(file: file, firstLine: front.yamlFirstLine)
        guard let root = fields.compose(front.yaml) else { return (nil, diagnostics + fields.diagnostics) }
        if !front.hasFrontMatter {
            fields.report(.error("a role file must start with YAML front matter between '---' lines", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        fields.warnAboutUnknownKeys(in: root, known: knownKeys, context: "role front matter")

        let title = fields.string("title", in: root, required: true)
        let summary = fields.string("summary", in: root, required: true)
        let duties = readDuties(root, fields: &fields)
        let references = { (key: String, fields: inout YAMLFields) in
            fields.stringList(key, in: root).map { Located(value: $0.value, location: $0.location) }
        }
        var role = Role.Fields(
            slug: slug, contentPath: contentPath, file: file,
            title: title ?? slug, summary: summary ?? "",
            department: fields.string("department", in: root),
            media: fields.stringList("media", in: root).map(\.value),
            alternateTitles: fields.stringList("alternate_titles", in: root).map(\.value),
            onet: fields.string("onet", in: root),
            article: fields.string("article", in: root),
            reportsTo: references("reports_to", &fields),
            supervises: references("supervises", &fields),
            worksWith: references("works_with", &fields),
            stages: fields.stringList("stages", in: root).map(\.value),
            duties: duties,
            skills: fields.stringList("skills", in: root).map { Located(value: $0.value, location: $0.location) },
            requirements: readRequirements(root, fields: &fields),
            attributes: [:], attributeLocations: [:],
            careerPath: fields.stringList("career_path", in: root).map(\.value),
            compareWith: references("compare_with", &fields),
            related: references("related", &fields),
            sources: readSources(root, fields: &fields),
            updated: readDate("updated", root, fields: &fields),
            draft: fields.bool("draft", in: root) ?? false,
            body: front.body, bodyFirstLine: front.bodyFirstLine
        )
        readAttributes(root, into: &role, fields: &fields)
        diagnostics += fields.diagnostics
        guard title != nil, summary != nil, !diagnostics.containsErrors else { return (nil, diagnostics) }
        return (Role(role), diagnostics)
    }

    private static func readDuties(_ root: YAMLMapping, fields: inout YAMLFields) -> [String] {
        guard root["duties"] != nil else {
            fields.report(.error("missing required field 'duties'", at: fields.location(root.mark)))
            return []
        }
        let duties = fields.stringList("duties", in: root)
        if duties.count < minimumDuties {
            fields.report(
                .error(
                    "'duties' lists \(duties.count) duties; a role needs at least \(minimumDuties)",
                    at: fields.location(ofKey: "duties", in: root)))
        }
        return duties.map(\.value)
    }

    private static func readRequirements(_ root: YAMLMapping, fields: inout YAMLFields) -> Requirements {
        guard let mapping = fields.mapping("requirements", in: root) else { return Requirements() }
        fields.warnAboutUnknownKeys(in: mapping, known: ["education", "experience", "certification"], context: "requirements")
        return Requirements(
            education: fields.string("education", in: mapping),
            experience: fields.string("experience", in: mapping),
            certification: fields.string("certification", in: mapping)
        )
    }

    private static func readAttributes(_ root: YAMLMapping, into role: inout Role.Fields, fields: inout YAMLFields) {
        guard let mapping = fields.mapping("attributes", in: root) else { return }
        for pair in mapping.pairs {
            guard let key = pair.key.string else { continue }
            if let value = fields.string(pair.value, field: "attributes.\(key)") {
                role.attributes[key] = value
                role.attributeLocations[key] = fields.location(of: pair.key)
            }
        }
    }

    private static func readSources(_ root: YAMLMapping, fields: inout YAMLFields) -> [Source] {
        fields.mappingList("sources", in: root).compactMap { item in
            fields.warnAboutUnknownKeys(in: item, known: ["title", "url"], context: "a source")
            guard let title = fields.string("title", in: item, required: true) else { return nil }
            let url = fields.string("url", in: item)
            if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                fields.report(.error("source url must start with http:// or https://", at: fields.location(ofKey: "url", in: item)))
            }
            return Source(title: title, url: url)
        }
    }

    private static func readDate(_ key: String, _ root: YAMLMapping, fields: inout YAMLFields) -> String? {
        guard let value = fields.string(key, in: root) else { return nil }
        let parts = value.split(separator: "-")
        let valid = parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
        if !valid {
            fields.report(.error("field '\(key)' must be a date written YYYY-MM-DD, found '\(value)'", at: fields.location(ofKey: key, in: root)))
            return nil
        }
        return value
    }
}
