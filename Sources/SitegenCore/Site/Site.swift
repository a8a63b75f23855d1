/// The resolved site: content cross-checked, references turned into links, comparison pairs
/// and skills derived. Everything rendering needs, nothing it has to look up on disk.
public struct Site: Sendable {
    /// Site settings.
    public var config: SiteConfig
    /// The home page intro, if any.
    public var home: Page?
    /// Roles sorted by title.
    public var roles: [Role]
    /// Comparison pairs sorted by URL slug.
    public var pairs: [ComparisonPair]
    /// Skills sorted by name.
    public var skills: [Skill]
    /// Plain pages sorted by path.
    public var pages: [Page]
    /// Non-Markdown content files to copy.
    public var assets: [String]

    /// Index of roles by slug.
    var rolesBySlug: [String: Role]
    /// Skill slugs by the names written in front matter.
    var skillSlugs: [String: String]
    /// Indexes into `pairs` by role slug.
    var pairIndexes: [String: [Int]]

    /// The URL slug of a skill name as written in a role.
    func skillSlug(_ name: String) -> String { skillSlugs[name] ?? Slug.make(name) }

    /// The role with this slug.
    func role(_ slug: String) -> Role? { rolesBySlug[slug] }

    /// The roles a list of references points at, in written order, skipping unresolved ones.
    func roles(_ references: [Role.Located]) -> [Role] { references.compactMap { rolesBySlug[$0.value] } }

    /// The comparison pairs that include a role.
    func pairs(including slug: String) -> [ComparisonPair] { (pairIndexes[slug] ?? []).map { pairs[$0] } }
}

/// Two roles compared on one page, `/compare/<first>-vs-<second>/`.
public struct ComparisonPair: Sendable, Hashable {
    /// The left-hand role's slug.
    public var first: String
    /// The right-hand role's slug.
    public var second: String
    /// Hand-written prose from `Content/compare/<first>-vs-<second>.md`.
    public var prose: Page?

    /// `producer-vs-executive-producer`.
    public var slug: String { "\(first)-vs-\(second)" }
    /// The unordered identity of the pair.
    var key: Key { Key(first, second) }

    /// Two role slugs in either order.
    struct Key: Hashable {
        var low: String
        var high: String

        init(_ one: String, _ other: String) { (low, high) = one < other ? (one, other) : (other, one) }
    }
}

/// A skill and the roles that list it.
public struct Skill: Sendable, Hashable {
    /// The name as written in front matter.
    public var name: String
    /// URL slug.
    public var slug: String
    /// Slugs of the roles that need it, sorted by role title.
    public var roleSlugs: [String]
}
