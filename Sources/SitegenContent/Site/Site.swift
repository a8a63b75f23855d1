/// The resolved site: content cross-checked, references turned into links, comparison pairs
/// and skills derived. Everything rendering needs, nothing it has to look up on disk.
package struct Site: Sendable {
    /// Site settings.
    package var config: SiteConfig
    /// The home page intro, if any.
    package var home: Page?
    /// Roles sorted by title.
    package var roles: [Role]
    /// Comparison pairs sorted by URL slug.
    package var pairs: [ComparisonPair]
    /// Skills sorted by name.
    package var skills: [Skill]
    /// Plain pages sorted by path.
    package var pages: [Page]
    /// Non-Markdown content files to copy.
    package var assets: [String]

    /// Index of roles by slug.
    package var rolesBySlug: [String: Role]
    /// Skill slugs by the names written in front matter.
    package var skillSlugs: [String: String]
    /// Indexes into `pairs` by role slug.
    package var pairIndexes: [String: [Int]]

    /// The URL slug of a skill name as written in a role.
    package func skillSlug(_ name: String) -> String { skillSlugs[name] ?? Slug.make(name) }

    /// The role with this slug.
    package func role(_ slug: String) -> Role? { rolesBySlug[slug] }

    /// The roles a list of references points at, in written order, skipping unresolved ones.
    package func roles(_ references: [Role.Located]) -> [Role] { references.compactMap { rolesBySlug[$0.value] } }

    /// The comparison pairs that include a role.
    package func pairs(including slug: String) -> [ComparisonPair] { (pairIndexes[slug] ?? []).map { pairs[$0] } }
}

/// Two roles compared on one page, `/compare/<first>-vs-<second>/`.
package struct ComparisonPair: Sendable, Hashable {
    /// The left-hand role's slug.
    package var first: String
    /// The right-hand role's slug.
    package var second: String
    /// Hand-written prose from `Content/compare/<first>-vs-<second>.md`.
    package var prose: Page?

    /// `producer-vs-executive-producer`.
    package var slug: String { "\(first)-vs-\(second)" }
    /// The unordered identity of the pair.
    package var key: Key { Key(first, second) }

    /// Two role slugs in either order.
    package struct Key: Hashable {
        var low: String
        var high: String

        init(_ one: String, _ other: String) { (low, high) = one < other ? (one, other) : (other, one) }
    }
}

/// A skill and the roles that list it.
package struct Skill: Sendable, Hashable {
    /// The name as written in front matter.
    package var name: String
    /// URL slug.
    package var slug: String
    /// Slugs of the roles that need it, sorted by role title.
    package var roleSlugs: [String]
}
