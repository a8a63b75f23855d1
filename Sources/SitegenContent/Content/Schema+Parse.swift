import Yams

extension Schema {
    /// The keys of a field declaration.
    static let fieldKeys = ["type", "label", "help", "required", "values", "url", "schema_org", "in"]
    /// The keys of `schema:`.
    static let keys = ["fields", "glance", "requirements", "compare", "matrix", "cards", "facets", "group_by"]

    /// Reads `schema:` (the mapping in `sitegen.yml`, or the whole schema file it names).
    /// Every problem is a located diagnostic in `fields`; a field with an error is left out.
    package static func parse(_ root: YAMLMapping, fields: inout YAMLFields) -> Schema {
        fields.warnAboutUnknownKeys(in: root, known: keys, context: "the schema")
        var schema = Schema.standard
        (schema.fields, schema.skills) = declaredFields(root, fields: &fields)
        let names = schema.placeableNames
        let byKey = Dictionary(schema.fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        func placement(_ key: String, allows: (String) -> String?) -> [String]? {
            guard root[key] != nil else { return nil }
            var seen: Set<String> = []
            return fields.stringList(key, in: root).compactMap { name, location in
                guard names.contains(name) else {
                    let hint = Suggestion.hint(for: name, in: names)
                    fields.report(.error("'\(key)' names '\(name)', which is neither a declared field nor a core field\(hint)", at: location))
                    return nil
                }
                if let problem = allows(name) {
                    fields.report(.error("'\(key)' cannot use '\(name)': \(problem)", at: location))
                    return nil
                }
                guard seen.insert(name).inserted else {
                    fields.report(.warning("'\(key)' names '\(name)' twice; the second is ignored", at: location))
                    return nil
                }
                return name
            }
        }
        let any = { (_: String) -> String? in nil }
        let facet = { (name: String) -> String? in
            if name == skillsKey { return nil }
            guard let type = byKey[name]?.type else { return "a facet must be skills or a declared field of type term, terms, text or list" }
            return [.term, .terms, .text, .list].contains(type) ? nil : "a facet must be a field of type term, terms, text or list, not \(type.rawValue)"
        }
        schema.glance = placement("glance", allows: any) ?? schema.glance
        schema.requirements = placement("requirements", allows: any) ?? schema.requirements
        schema.compare = placement("compare", allows: any) ?? schema.compare
        schema.matrix = placement("matrix", allows: any) ?? schema.compare.filter { byKey[$0] != nil }
        schema.cards = placement("cards", allows: any) ?? schema.cards
        schema.facets = placement("facets", allows: facet) ?? schema.facets
        if let name = fields.string("group_by", in: root) {
            let location = fields.location(ofKey: "group_by", in: root)
            if let field = byKey[name] {
                if field.type == .term || field.type == .text {
                    schema.groupBy = name
                } else {
                    fields.report(.error("'group_by' needs a field of one value (type term or text); '\(name)' is \(field.type.rawValue)", at: location))
                }
            } else {
                let hint = Suggestion.hint(for: name, in: schema.fields.map(\.key))
                fields.report(.error("'group_by' names '\(name)', which is not a declared field\(hint)", at: location))
            }
        }
        return schema
    }

    /// The declarations under `fields:`, in order.
    private static func declaredFields(_ root: YAMLMapping, fields: inout YAMLFields) -> (declared: [Field], skills: Field?) {
        guard let mapping = fields.mapping("fields", in: root) else { return ([], nil) }
        var declared: [Field] = []
        var skills: Field?
        var urls: [String: String] = [:]
        for pair in mapping.pairs {
            guard let key = pair.key.string else { continue }
            let location = fields.location(of: pair.key)
            if !Self.isValidKey(key) {
                fields.report(.error("field name '\(key)' must start with a lowercase letter and use lowercase letters, digits and '_'", at: location))
                continue
            }
            if Role.coreKeys.contains(key) && key != skillsKey {
                fields.report(.error("'\(key)' is a core role field; choose another name for a declared field", at: location))
                continue
            }
            guard let declaration = YAMLMapping(pair.value) else {
                fields.report(.error("field '\(key)' must be a mapping with at least 'type:'", at: fields.location(of: pair.value)))
                continue
            }
            fields.warnAboutUnknownKeys(in: declaration, known: fieldKeys, context: "the declaration of '\(key)'")
            guard let typeName = fields.string("type", in: declaration, required: true) else { continue }
            guard let type = FieldType(rawValue: typeName) else {
                let names = FieldType.allCases.map(\.rawValue)
                let hint = Suggestion.hint(for: typeName, in: names)
                fields.report(
                    .error(
                        "unknown field type '\(typeName)'\(hint) (types: \(names.joined(separator: ", ")))",
                        at: fields.location(ofKey: "type", in: declaration)))
                continue
            }
            var field = Field(
                key: key, type: type,
                label: fields.string("label", in: declaration) ?? key.replacingOccurrences(of: "_", with: " ").capitalizedFirst,
                help: fields.string("help", in: declaration),
                required: fields.bool("required", in: declaration) ?? false,
                values: nil,
                url: key.replacingOccurrences(of: "_", with: "-"),
                group: nil,
                schemaOrg: nil,
                location: location)
            if let group = fields.string("in", in: declaration) {
                let groupLocation = fields.location(ofKey: "in", in: declaration)
                if !Self.isValidKey(group) {
                    fields.report(.error("'in' names a front-matter key of lowercase letters, digits and '_', e.g. 'requirements'", at: groupLocation))
                } else if Role.coreKeys.contains(group) || mapping[group] != nil {
                    fields.report(
                        .error("'in: \(group)' cannot be a core or declared field; name a mapping of its own, e.g. 'requirements'", at: groupLocation))
                } else {
                    field.group = group
                }
            }
            if let property = fields.string("schema_org", in: declaration) {
                if schemaOrgProperties.contains(property) {
                    field.schemaOrg = property
                } else {
                    let hint = Suggestion.hint(for: property, in: schemaOrgProperties)
                    fields.report(
                        .error(
                            "'schema_org' must be one of \(schemaOrgProperties.joined(separator: ", "))\(hint)",
                            at: fields.location(ofKey: "schema_org", in: declaration)))
                }
            }
            if declaration["values"] != nil {
                let values = fields.stringList("values", in: declaration)
                if !type.acceptsValues {
                    fields.report(
                        .error(
                            "a field of type \(type.rawValue) cannot have 'values:'; only text, list, term and terms can",
                            at: fields.location(ofKey: "values", in: declaration)))
                } else if values.isEmpty {
                    fields.report(.error("'values' of '\(key)' lists no value", at: fields.location(ofKey: "values", in: declaration)))
                } else {
                    field.values = values.map(\.value)
                }
            }
            if let url = fields.string("url", in: declaration) {
                let urlLocation = fields.location(ofKey: "url", in: declaration)
                if !type.isTaxonomy {
                    fields.report(.error("only term and terms fields have pages, so only they take 'url:'", at: urlLocation))
                } else if Slug.isValid(url) {
                    field.url = url
                } else {
                    fields.report(
                        .error("'url' must be one folder name of lowercase letters, digits and single hyphens, e.g. '\(Slug.make(url))'", at: urlLocation))
                }
            }
            if key == skillsKey {
                // The built-in taxonomy: only its words and its folder can change.
                guard type == .terms, field.values == nil, field.group == nil, field.schemaOrg == nil, !field.required else {
                    fields.report(.error("'skills' is the built-in taxonomy: declare it only as type terms, with label, help and url", at: location))
                    continue
                }
                skills = field
            }
            if type.isTaxonomy {
                if let other = urls[field.url] {
                    fields.report(.error("the pages of '\(key)' would be at /\(field.url)/, where '\(other)' has its pages; give one a 'url:'", at: location))
                    continue
                }
                if reservedFolders.contains(field.url) {
                    fields.report(
                        .error("the pages of '\(key)' would be at /\(field.url)/, which the site uses for its own pages; give the field a 'url:'", at: location)
                    )
                    continue
                }
                urls[field.url] = key
            }
            if key != skillsKey { declared.append(field) }
        }
        if skills == nil, let other = urls[skillsKey] {
            fields.report(
                .error(
                    "the pages of '\(other)' would be at /skills/, where the skills have their pages; give it a 'url:'",
                    at: declared.first { $0.key == other }?.location))
        }
        return (declared, skills)
    }

    /// The URL folders the generator's own pages use.
    package static let reservedFolders: Set<String> = ["roles", "compare", "search", "assets"]

    private static func isValidKey(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }
}
