/// The site-root-relative URL of every page kind, in one place.
enum URLs {
    static let home = ""
    static let roles = "roles/"
    static let compare = "compare/"
    static let skills = "skills/"
    static let stylesheet = "assets/site.css"

    static func role(_ slug: String) -> String { "roles/\(slug)/" }
    static func duties(_ slug: String) -> String { "roles/\(slug)/duties/" }
    static func pair(_ pair: ComparisonPair) -> String { "compare/\(pair.slug)/" }
    static func skill(_ slug: String) -> String { "skills/\(slug)/" }

    /// The file a page URL is written to: `roles/x/` → `roles/x/index.html`.
    static func file(forPage url: String) -> String {
        url.isEmpty || url.hasSuffix("/") ? url + "index.html" : url
    }
}
