import Foundation
import Yams

extension Role {
    /// The fields every role has; a site's schema declares the rest.
    package static let coreKeys = [
        "title", "summary", "alternate_titles", "onet", "article", "reports_to", "supervises", "works_with",
        "duties", "skills", "career_path", "compare_with", "related", "sources", "updated", "draft", "aliases",
    ]
    package static let minimumDuties = 3

    /// Parses a role file. `contentPath` is relative to `Content/`; `file` is the path shown in
    /// diagnostics. Returns nil when a required field is missing or mistyped.
    package static func parse(_ text: String, contentPath: String, file: String, schema: Schema = .standard) -> (Role?, [Diagnostic]) {
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
        warnAboutUnknownKeys(in: root, schema: schema, fields: &fields)

        let title = fields.string("title", in: root, required: true)
        let summary = fields.string("summary", in: root, required: true)
        let duties = readDuties(root, fields: &fields)
        let references = { (key: String, fields: inout YAMLFields) in
            fields.stringList(key, in: root).map { Located(value: $0.value, location: $0.location) }
        }
        let role = Role.Fields(
            slug: slug, contentPath: contentPath, file: file,
            title: title ?? slug, summary: summary ?? "",
            alternateTitles: fields.stringList("alternate_titles", in: root).map(\.value),
            onet: fields.string("onet", in: root),
            article: fields.string("article", in: root),
            reportsTo: references("reports_to", &fields),
            supervises: references("supervises", &fields),
            worksWith: references("works_with", &fields),
            duties: duties,
            skills: fields.stringList("skills", in: root).map { Located(value: $0.value, location: $0.location) },
            values: readDeclaredFields(root, schema: schema, fields: &fields),
            careerPath: fields.stringList("career_path", in: root).map(\.value),
            compareWith: references("compare_with", &fields),
            related: references("related", &fields),
            sources: readSources(root, fields: &fields),
            aliases: Alias.read(root, fields: &fields, slugsOnly: true),
            updated: readDate("updated", root, fields: &fields),
            draft: fields.bool("draft", in: root) ?? false,
            body: front.body, bodyFirstLine: front.bodyFirstLine
        )
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

    /// Warns about keys that are neither core nor declared; the keys of older sites get a
    /// pointer to the schema.
    private static func warnAboutUnknownKeys(in root: YAMLMapping, schema: Schema, fields: inout YAMLFields) {
        let known = coreKeys + schema.fields.filter { $0.group == nil }.map(\.key) + schema.groups
        for group in schema.groups {
            guard case .mapping? = root[group], let mapping = fields.mapping(group, in: root) else { continue }
            fields.warnAboutUnknownKeys(in: mapping, known: schema.fields.filter { $0.group == group }.map(\.key), context: "'\(group)'")
        }
        for pair in root.pairs {
            guard let key = pair.key.string, !known.contains(key) else { continue }
            let hint =
                key == "requirements" || key == "attributes"
                ? "; declare each of its keys as a field under 'schema: fields:' in \(SiteConfig.fileName) and write them as top-level keys"
                : Suggestion.hint(for: key, in: known)
            let advice = hint.isEmpty ? "; declare it under 'schema: fields:' in \(SiteConfig.fileName) to use it" : hint
            fields.report(.warning("unknown key '\(key)' in role front matter\(advice)", at: fields.location(of: pair.key)))
        }
    }

    /// The values of every declared field the role gives, checked against its type, its set
    /// of values and whether it is required.
    private static func readDeclaredFields(_ top: YAMLMapping, schema: Schema, fields: inout YAMLFields) -> [String: [Located]] {
        var values: [String: [Located]] = [:]
        var groups: [String: YAMLMapping] = [:]
        for group in schema.groups { groups[group] = fields.mapping(group, in: top) }
        for field in schema.fields {
            // A grouped field is read from its mapping (`requirements: {education: …}`).
            let root = field.group.map { groups[$0] ?? YAMLMapping(pairs: [], mark: top.mark) } ?? top
            guard root[field.key] != nil else {
                let name = field.group.map { "\($0).\(field.key)" } ?? field.key
                if field.required { fields.report(.error("missing required field '\(name)' (\(field.label))", at: fields.location(top.mark))) }
                continue
            }
            var items: [Located]
            if field.type.isList {
                items = fields.stringList(field.key, in: root).map { Located(value: $0.value, location: $0.location) }
            } else {
                guard let value = fields.string(field.key, in: root, required: field.required) else { continue }
                items = [Located(value: value, location: fields.location(of: root[field.key]!))]
            }
            items = items.filter { item in
                guard let problem = problem(with: item.value, of: field) else { return true }
                fields.report(.error(problem, at: item.location))
                return false
            }
            if field.required && items.isEmpty && field.type.isList {
                fields.report(.error("field '\(field.key)' must not be empty", at: fields.location(ofKey: field.key, in: root)))
            }
            if !items.isEmpty { values[field.key] = items }
        }
        return values
    }

    /// Why `value` cannot be a value of `field`, if it cannot.
    private static func problem(with value: String, of field: Schema.Field) -> String? {
        if let allowed = field.values, !allowed.contains(value) {
            let hint = Suggestion.hint(for: value, in: allowed)
            return "'\(value)' is not a value of '\(field.key)'\(hint) (values: \(allowed.joined(separator: ", ")))"
        }
        switch field.type {
        case .date where !isDate(value):
            return "field '\(field.key)' must be a date written YYYY-MM-DD, found '\(value)'"
        case .url where !(value.hasPrefix("https://") || value.hasPrefix("http://")):
            return "field '\(field.key)' must be a URL starting with http:// or https://, found '\(value)'"
        case .number where Double(value) == nil || value.contains(where: { $0.isLetter }):
            return "field '\(field.key)' must be a number, found '\(value)'"
        case .role where !Slug.isValid(value), .roles where !Slug.isValid(value):
            return "field '\(field.key)' must name roles by their slug (the file name without .md), found '\(value)'"
        default:
            return nil
        }
    }

    private static func isDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
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
        if !isDate(value) {
            fields.report(.error("field '\(key)' must be a date written YYYY-MM-DD, found '\(value)'", at: fields.location(ofKey: key, in: root)))
            return nil
        }
        return value
    }
}
