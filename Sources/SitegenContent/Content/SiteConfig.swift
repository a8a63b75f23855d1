import Foundation
import Yams

/// Site settings from `sitegen.yml`.
public struct SiteConfig: Sendable, Hashable {
    /// One comparison dimension: a key roles fill in under `attributes:`.
    public struct Dimension: Sendable, Hashable {
        /// The key used in role front matter (`final_say`).
        package var key: String
        /// The row label in comparison tables (`Final say`).
        package var label: String
        /// A sentence explaining the dimension.
        package var help: String?
        /// Sort position (lower first); list order breaks ties.
        package var order: Int
    }

    /// A link in the site header.
    public struct NavigationItem: Sendable, Hashable {
        /// Link text.
        package var title: String
        /// Site-root-relative URL (`roles/`) or an absolute URL.
        package var url: String
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
    /// Comparison dimensions, in display order.
    package var dimensions: [Dimension]

    package static let fileName = "sitegen.yml"
    package static let knownKeys = ["title", "description", "base_url", "language", "navigation", "comparison"]

    /// Parses the text of `sitegen.yml`; `file` is the path shown in diagnostics.
    package static func parse(_ text: String, file: String) -> (SiteConfig?, [Diagnostic]) {
        var fields = YAMLFields(file: file, firstLine: 1)
        guard let root = fields.compose(text) else { return (nil, fields.diagnostics) }
        fields.warnAboutUnknownKeys(in: root, known: knownKeys, context: file)
        let title = fields.string("title", in: root, required: true)
        let baseURL = fields.string("base_url", in: root) ?? ""
        if !baseURL.isEmpty, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            fields.report(.error("base_url must start with http:// or https://", at: fields.location(ofKey: "base_url", in: root)))
        }
        var navigation: [NavigationItem] = []
        for item in fields.mappingList("navigation", in: root) {
            let itemTitle = fields.string("title", in: item, required: true)
            let url = fields.string("url", in: item, required: true)
            if let itemTitle, let url { navigation.append(NavigationItem(title: itemTitle, url: url)) }
        }
        let dimensions = parseDimensions(root, fields: &fields)
        guard let title else { return (nil, fields.diagnostics) }
        let config = SiteConfig(
            title: title,
            description: fields.string("description", in: root) ?? "",
            baseURL: baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/",
            language: fields.string("language", in: root) ?? "en",
            navigation: navigation,
            dimensions: dimensions
        )
        return (config, fields.diagnostics)
    }

    private static func parseDimensions(_ root: YAMLMapping, fields: inout YAMLFields) -> [Dimension] {
        guard let comparison = fields.mapping("comparison", in: root) else { return [] }
        fields.warnAboutUnknownKeys(in: comparison, known: ["dimensions"], context: "comparison")
        var dimensions: [Dimension] = []
        var seen: Set<String> = []
        for (index, item) in fields.mappingList("dimensions", in: comparison).enumerated() {
            fields.warnAboutUnknownKeys(in: item, known: ["key", "label", "help", "order"], context: "a comparison dimension")
            guard let key = fields.string("key", in: item, required: true) else { continue }
            let keyLocation = fields.location(ofKey: "key", in: item)
            if !key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) {
                fields.report(.error("dimension key '\(key)' must use lowercase letters, digits and '_'", at: keyLocation))
            }
            if !seen.insert(key).inserted {
                fields.report(.error("dimension '\(key)' is declared twice", at: keyLocation))
                continue
            }
            let label = fields.string("label", in: item) ?? key.replacingOccurrences(of: "_", with: " ").capitalizedFirst
            let help = fields.string("help", in: item)
            let order = fields.int("order", in: item) ?? index
            dimensions.append(Dimension(key: key, label: label, help: help, order: order))
        }
        return dimensions.enumerated()
            .sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }
            .map(\.element)
    }
}

extension String {
    /// The string with its first character upper-cased.
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
