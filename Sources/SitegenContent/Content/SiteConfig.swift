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

    /// The site's languages (`languages:`), the default one (`language:`) among them; empty for
    /// a site in one language. Every other language's pages are a site of their own under
    /// `<code>/`, made from `Content/<code>/` and the files named `<name>.<code>.md`.
    package var languages: [Language] = []
    /// Where this language's files go in the output folder: `""` for the default language,
    /// `de/` for another.
    package var outputPrefix: String = ""

    /// One language of a multilingual site, with what it says differently.
    package struct Language: Sendable, Hashable {
        /// The code (`de`, `pt-BR`): the `lang` attribute, the folder of its pages and content.
        package var code: String
        /// How the language switcher names it; nil for the theme's `language_name`.
        package var name: String?
        /// The site's title, description and header links in this language (nil: the default's).
        package var title: String?
        package var description: String?
        package var navigation: [NavigationItem]?
        /// What its pages call the declared fields (`labels: {department: Bereich}`).
        package var labels: [Label] = []
        /// Where `sitegen.yml` declares it.
        package var location: SourceLocation?
    }

    /// A language's label for a declared field, and where it is given.
    package struct Label: Sendable, Hashable {
        /// The field's key (`department`).
        package var key: String
        package var text: Located
    }

    /// Whether the site has pages in more than one language.
    package var isMultilingual: Bool { languages.count > 1 }

    /// The languages other than the default, whose sites sit under their codes.
    package var otherLanguages: [Language] { languages.filter { $0.code != language } }

    /// The settings of the site in `other` (one of `languages`): its title, description and
    /// links where it gives them, its code, and its pages under `<code>/` of the base URL.
    package func inLanguage(_ other: Language) -> SiteConfig {
        var config = self
        config.language = other.code
        config.title = other.title ?? title
        config.description = other.description ?? description
        config.navigation = other.navigation ?? navigation
        config.outputPrefix = other.code == language ? "" : other.code + "/"
        config.baseURL = Self.baseURL(baseURL, folder: config.outputPrefix)
        for label in other.labels {
            let text = label.text.value
            if let index = config.schema.fields.firstIndex(where: { $0.key == label.key }) { config.schema.fields[index].label = text }
            if label.key == Schema.skillsKey {
                var skills = config.schema.skills ?? Schema.Field(key: label.key, type: .terms, label: text, required: false, url: label.key)
                skills.label = text
                config.schema.skills = skills
            }
        }
        return config
    }

    /// The base URL of the language whose pages are in `folder` (`de/`), for the site's `base`:
    /// under it, or none without one.
    package static func baseURL(_ base: String, folder: String) -> String { base.isEmpty ? "" : base + folder }

    /// The way from a language's root up to the whole site's (`de/` → `../`).
    package static func upToSiteRoot(from folder: String) -> String { String(repeating: "../", count: folder.split(separator: "/").count) }

    /// A text and where `sitegen.yml` has it.
    package struct Located: Sendable, Hashable {
        package var value: String
        package var location: SourceLocation
    }

    package static let fileName = "sitegen.yml"
    package static let knownKeys = ["title", "description", "base_url", "language", "navigation", "schema", "page_size", "feed", "languages"]
    package static let languageKeys = ["name", "title", "description", "navigation", "labels"]

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
        let navigation = navigationItems(in: root, fields: &fields)
        let language = fields.string("language", in: root)
        let languages = parseLanguages(in: root, default: language, fields: &fields)
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
            language: language ?? languages.first?.code ?? "en",
            navigation: navigation,
            pageSize: pageSize.map { max($0, 1) },
            feed: feed,
            schema: schema,
            schemaFile: schemaFile,
            languages: languages
        )
        return (config, fields.diagnostics)
    }

    /// The `navigation:` list of a mapping.
    private static func navigationItems(in mapping: YAMLMapping, fields: inout YAMLFields) -> [NavigationItem] {
        fields.mappingList("navigation", in: mapping).compactMap { item in
            let itemTitle = fields.string("title", in: item, required: true)
            let url = fields.string("url", in: item, required: true)
            guard let itemTitle, let url else { return nil }
            return NavigationItem(title: itemTitle, url: url, location: fields.location(of: item["url"]!))
        }
    }

    /// `languages:`, a mapping from each language's code to what it says differently (or
    /// nothing); the default `language` must be one of them.
    private static func parseLanguages(in root: YAMLMapping, default code: String?, fields: inout YAMLFields) -> [Language] {
        guard let mapping = fields.mapping("languages", in: root) else { return [] }
        var languages: [Language] = []
        for pair in mapping.pairs {
            guard let key = pair.key.string else { continue }
            let location = fields.location(of: pair.key)
            guard isLanguageCode(key) else {
                fields.report(.error("'\(key)' is not a language code; use a code such as 'en', 'de' or 'pt-BR'", at: location))
                continue
            }
            guard !languages.contains(where: { $0.code.lowercased() == key.lowercased() }) else {
                fields.report(.error("language '\(key)' is declared twice", at: location))
                continue
            }
            var language = Language(code: key, location: location)
            if let settings = fields.mapping(key, in: mapping) {
                fields.warnAboutUnknownKeys(in: settings, known: languageKeys, context: "the settings of language '\(key)'")
                language.name = fields.string("name", in: settings)
                language.title = fields.string("title", in: settings)
                language.description = fields.string("description", in: settings)
                if settings["navigation"] != nil { language.navigation = navigationItems(in: settings, fields: &fields) }
                for pair in fields.mapping("labels", in: settings)?.pairs ?? [] {
                    guard let field = pair.key.string, let label = fields.string(pair.value, field: field) else { continue }
                    language.labels.append(Label(key: field, text: Located(value: label, location: fields.location(of: pair.key))))
                }
            }
            languages.append(language)
        }
        if let code, !languages.isEmpty, !languages.contains(where: { $0.code == code }) {
            let codes = languages.map { "'\($0.code)'" }.joined(separator: ", ")
            fields.report(
                .error(
                    "language '\(code)' is not one of the site's languages (\(codes)); add it under 'languages:'",
                    at: fields.location(ofKey: "language", in: root)))
        }
        return languages
    }

    /// A BCP 47 tag as sites write them: two or three letters, then parts of letters and
    /// digits after hyphens (`en`, `de-CH`, `zh-Hant`).
    package static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { part in (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}

extension String {
    /// The string with its first character upper-cased.
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
