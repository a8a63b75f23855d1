import SitegenContent

/// The site-root-relative URL of every page kind, in one place.
package enum URLs {
    package static let home = ""
    package static let roles = "roles/"
    package static let compare = "compare/"
    /// The reporting-line charts: the list of groups, or the whole site's chart.
    package static let charts = "charts/"
    package static let stylesheet = "assets/site.css"

    package static func role(_ slug: String) -> String { "roles/\(slug)/" }
    package static func duties(_ slug: String) -> String { "roles/\(slug)/duties/" }
    package static func pair(_ pair: ComparisonPair) -> String { "compare/\(pair.slug)/" }
    /// A group's reporting-line chart (`charts/production/`).
    package static func chart(_ groupSlug: String) -> String { "charts/\(groupSlug)/" }
    /// A taxonomy's list of terms (`department/`).
    package static func taxonomy(_ taxonomy: Taxonomy) -> String { "\(taxonomy.url)/" }
    /// A term's page (`department/production/`).
    package static func term(_ slug: String, in taxonomy: Taxonomy) -> String { "\(taxonomy.url)/\(slug)/" }

    /// The file a page URL is written to: `roles/x/` → `roles/x/index.html`.
    package static func file(forPage url: String) -> String {
        url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url
    }
}
