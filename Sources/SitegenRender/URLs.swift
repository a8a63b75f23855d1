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
    package static func term(_ slug: String, in taxonomy: Taxonomy) -> String { term(slug, folder: taxonomy.url) }
    /// A term's page in the taxonomy whose pages are in `folder`.
    package static func term(_ slug: String, folder: String) -> String { "\(folder)/\(slug)/" }
    /// The page of a term as a role writes it (`Production`) in the field `key`, nil when the
    /// field has no taxonomy. Reads only the term's slug and the folder (`SiteRead`), so a page
    /// linking to a term is not made again when the term's roles change.
    package static func term(named name: String, in key: String, site: Site) -> String? {
        guard let folder = site.taxonomyFolder(key), let slug = site.termSlug(name, in: key) else { return nil }
        return term(slug, folder: folder)
    }
    /// A skill's page (`skills/budgeting/`).
    package static func skill(_ name: String, site: Site) -> String {
        term(named: name, in: Schema.skillsKey, site: site) ?? term(Slug.make(name), folder: Schema.skillsKey)
    }

    /// The file a page URL is written to: `roles/x/` → `roles/x/index.html`.
    package static func file(forPage url: String) -> String {
        url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url
    }
}
