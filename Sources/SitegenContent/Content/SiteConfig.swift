import Foundation
import Yams

/// Site settings from `sitegen.yml`.
public struct SiteConfig: Sendable, Hashable {
    /// A link in the site header.
    public struct NavigationItem: Sendable, Hashable {
        /// Link text.
        package var title: String
        /// Site-root-relative URL (`roles/`) or an absolute URL.
        package var url: String
        /// Where `sitegen.yml` gives the URL.
        package var location: SourceLocation? = nil
    }

    /// Site title.
    package var title: String
    /// One-sentence description for the home page and meta tags.
    package var description: String
    /// Absolute base URL (`https://example.org/handbook/`), or empty.
    package var baseURL: String
    /// The `lang` attribute.
    package var language: String
    /// Header navigation.
    package var navigation: [NavigationItem]
    /// Items on one page of a long list (roles, a term's roles, comparisons); nil for the
    /// generator's default.
    package var pageSize: Int? = nil
    /// Where `sitegen.yml` asks for an Atom feed (`feed: true`); nil for none.
    package var feed: SourceLocation? = nil
    /// The role fields the site declares, and where pages show them.
    package var schema: Schema
    /// The file `schema:` names, when the schema is kept apart, and where it is named: the
    /// loader reads it (`schema` holds the standard schema until then).
    package var schemaFile: Located?

    /// A text and where `sitegen.yml` has it.
    package struct Located: Sendable, Hashable {
        package var value: String
        package var location: SourceLocation
    }

    package static let fileName = "sitegen.yml"
    package static let knownKeys = ["title", "description", "base_url", "language", "navigation", "schema", "page_size", "feed"]

    /// Parses the text of `sitegen.yml`; `file` is the path shown in diagnostics.
    package static func parse(_ text: String, file: String) -> (SiteConfig?, [Diagnostic]) {
        var fields = YAMLFields(file: file, firstLine: 1)
        guard let root = fields.compose(text) else { return (nil, fields.diagnostics) }
        // `comparison:` is an error of its own, below.
        fields.warnAboutUnknownKeys(in: root, known: knownKeys + ["comparison"], context: file)
        let title = fields.string("title", in: root, required: true)
        let baseURL = fields.string("base_url", in: root) ?? ""
        if !baseURL.isEmpty, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            fields.report(.error("base_url must start with http:// or https://", at: fields.location(ofKey: "base_url", in: root)))
        }
        var navigation: [NavigationItem] = []
        for item in fields.mappingList("navigation", in: root) {
            let itemTitle = fields.string("title", in: item, required: true)
            let url = fields.string("url", in: item, required: true)
            if let itemTitle, let url {
                navigation.append(NavigationItem(title: itemTitle, url: url, location: fields.location(of: item["url"]!)))
            }
        }
        var schema = Schema.standard
        var schemaFile: Located?
        if case .scalar(let scalar)? = root["schema"], !(scalar.isPlain && YAMLFields.isNull(scalar.string)) {
            schemaFile = Located(value: scalar.string, location: fields.location(ofKey: "schema", in: root))
        } else if let mapping = fields.mapping("schema", in: root) {
            schema = Schema.parse(mapping, fields: &fields)
        }
        if root["comparison"] != nil {
            fields.report(
                .error(
                    "'comparison: dimensions:' is now part of the schema: declare each dimension under 'schema: fields:' (type text) and list them in 'schema: compare:' and 'schema: matrix:'",
                    at: fields.location(ofKey: "comparison", in: root)))
        }
        let pageSize = fields.int("page_size", in: root)
        if let pageSize, pageSize < 1 {
            fields.report(.error("page_size must be at least 1, found \(pageSize)", at: fields.location(ofKey: "page_size", in: root)))
        }
        let feed = fields.bool("feed", in: root) == true ? fields.location(ofKey: "feed", in: root) : nil
        guard let title else { return (nil, fields.diagnostics) }
        let config = SiteConfig(
            title: title,
            description: fields.string("description", in: root) ?? "",
            baseURL: baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/",
            language: fields.string("language", in: root) ?? "en",
            navigation: navigation,
            pageSize: pageSize.map { max($0, 1) },
            feed: feed,
            schema: schema,
            schemaFile: schemaFile
        )
        return (config, fields.diagnostics)
    }
}

extension String {
    /// The string with its first character upper-cased.
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
