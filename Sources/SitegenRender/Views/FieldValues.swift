import SitegenContent
import SitegenMarkdown

/// What pages show of one field of a role, core or declared: its label, and its value as
/// text, as links (terms, roles) or as HTML (Markdown fields). The at-a-glance box, the
/// requirements, comparison rows, the matrix and role cards all show fields through here,
/// in the order the schema places them.
package enum FieldValues {
    /// The field's label: the schema's for a declared field, the language file's for a core one.
    package static func label(_ name: String, site: Site, words: Words) -> String {
        if let field = site.config.schema.field(name) { return field.label }
        if name == Schema.skillsKey, let skills = site.config.schema.skills { return skills.label }
        if let core = Schema.placeableCoreFields.first(where: { $0.key == name }) { return words[core.labelWord] }
        return name
    }

    /// The field's help line, for a declared field that has one.
    package static func help(_ name: String, site: Site) -> String? { site.config.schema.field(name)?.help }

    /// The role's values of the field as display texts, in written order: role references as
    /// the roles' titles, everything else as written (Markdown as its source).
    package static func texts(_ name: String, of role: Role, site: Site) -> [String] {
        if let type = site.config.schema.type(of: name) {
            let values = role.values[name] ?? []
            return type.isReference ? site.roles(values).map(\.title) : values.map(\.value)
        }
        switch name {
        case "alternate_titles": return role.alternateTitles
        case "reports_to": return site.roles(role.reportsTo).map(\.title)
        case "supervises": return site.roles(role.supervises).map(\.title)
        case "works_with": return site.roles(role.worksWith).map(\.title)
        case "skills": return role.skills.map(\.value)
        case "onet": return role.onet.map { [$0] } ?? []
        case "updated": return role.updated.map { [$0] } ?? []
        default: return []
        }
    }

    /// The values as one line of text (`Office, Remote`), nil when the role has none.
    package static func text(_ name: String, of role: Role, site: Site) -> String? {
        let texts = texts(name, of: role, site: site)
        return texts.isEmpty ? nil : texts.joined(separator: ", ")
    }

    /// The values as links relative to `pageURL`, for fields whose values have pages (terms,
    /// skills, roles); nil for other fields.
    package static func links(_ name: String, of role: Role, from pageURL: String, site: Site) -> [LinkView]? {
        let link = { (title: String, url: String) in LinkView(title: title, url: ContentPath.relativeLink(from: pageURL, to: url)) }
        let roleLinks = { (references: [Role.Located]) in site.roles(references).map { link($0.title, URLs.role($0.slug)) } }
        let type = site.config.schema.type(of: name)
        switch name {
        case "reports_to": return roleLinks(role.reportsTo)
        case "supervises": return roleLinks(role.supervises)
        case "works_with": return roleLinks(role.worksWith)
        case "skills",
            _ where type?.isTaxonomy == true:
            guard site.taxonomyFolder(name) != nil else { return nil }
            let values = name == Schema.skillsKey ? role.skills : role.values[name] ?? []
            return values.map { link($0.value, URLs.term(named: $0.value, in: name, site: site)!) }
        case _ where type?.isReference == true:
            return roleLinks(role.values[name] ?? [])
        case _ where type == .url:
            return role.values(name).map { LinkView(title: $0, url: $0) }
        default:
            return nil
        }
    }

    /// The field as a labelled fact for the role, nil when the role gives no value.
    package static func fact(_ name: String, of role: Role, from pageURL: String, context: RenderContext) -> FactView? {
        let site = context.site
        guard let value = text(name, of: role, site: site) else { return nil }
        var fact = FactView(label: label(name, site: site, words: context.words), value: value, help: help(name, site: site))
        fact.key = name
        if site.config.schema.type(of: name) == .markdown {
            fact.html = context.html(markdownPath(name, of: role))
        } else if let links = links(name, of: role, from: pageURL, site: site) {
            fact.links = links
        }
        return fact
    }

    /// The facts of the fields `names` the role gives, in order.
    package static func facts(_ names: [String], of role: Role, from pageURL: String, context: RenderContext) -> [FactView] {
        names.compactMap { fact($0, of: role, from: pageURL, context: context) }
    }

    /// Where the rendered HTML of a Markdown field is kept: the role file and the field
    /// (`roles/nurse.md#notes`), rendered with the role's body.
    package static func markdownPath(_ name: String, of role: Role) -> String { role.contentPath + "#" + name }

    /// The Markdown fields of a role, as documents to render: path and text.
    package static func markdownDocuments(of role: Role, schema: Schema) -> [(path: String, text: String, line: Int)] {
        schema.markdownKeys.compactMap { key in
            guard let value = role.values[key]?.first else { return nil }
            return (markdownPath(key, of: role), value.value, value.location.line)
        }
    }
}

/// Every declared field of a role as the typed value templates read by the field's name:
/// text for a field of one value (`{{level}}`; a term's name, a role's title, a Markdown
/// field's HTML for `{{{notes}}}`), a list of texts for `list`, links for `terms` and `roles`,
/// and `<name>URL` for a `term` or `role` (its page). A field the role does not give is
/// empty, so every name exists on every role.
package enum DeclaredValues {
    package static func values(of role: Role, from pageURL: String, context: RenderContext) -> [String: any ViewValue] {
        let site = context.site
        var values: [String: any ViewValue] = [:]
        for field in context.offeredFields ?? site.config.schema.fields {
            let key = field.key
            switch field.type {
            case .markdown:
                values[key] = role.values[key] == nil ? "" : context.html(FieldValues.markdownPath(key, of: role))
            case .list:
                values[key] = role.values(key)
            case .terms, .roles:
                values[key] = FieldValues.links(key, of: role, from: pageURL, site: site) ?? []
            case .term, .role:
                let link = FieldValues.links(key, of: role, from: pageURL, site: site)?.first
                values[key] = link?.title ?? ""
                values[key + "URL"] = link?.url ?? ""
            case .text, .date, .url, .number:
                values[key] = role.value(key) ?? ""
            }
        }
        return values
    }
}
