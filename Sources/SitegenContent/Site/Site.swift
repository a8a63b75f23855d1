/// The resolved site: content cross-checked, references turned into links, comparison pairs
/// and skills derived. Everything rendering needs, nothing it has to look up on disk.
package struct Site: Sendable {
    /// Site settings.
    package var config: SiteConfig
    /// The home page intro, if any.
    package var home: Page?
    /// Plain pages sorted by path (folders' `_index.md` files are in `folders`).
    package var pages: [Page]
    /// The folders of plain pages below `Content/` (not `roles/` or `compare/`): each gets a
    /// list page.
    package var folders: [PageFolder]
    /// Non-Markdown content files to copy.
    package var assets: [String]

    // What is made from the roles is module-internal and read through the accessors below, which tell `reads`
    // (when set) what was read: a page's view is built with a log there, and the page is made
    // again only when something it read changed (`SiteRead`).
    var allRoles: [Role]
    var allPairs: [ComparisonPair]
    var allTaxonomies: [Taxonomy]
    var bySlug: [String: Role]
    var pairsBySlug: [String: [Int]]
    var allLines: ReportingLines

    /// Where reads of the roles and what is made from them are recorded (see `SiteRead`);
    /// nil outside a view being built.
    package var reads: SiteReads?

    package init(
        config: SiteConfig, home: Page?, roles: [Role], pairs: [ComparisonPair], taxonomies: [Taxonomy], pages: [Page], folders: [PageFolder],
        assets: [String], rolesBySlug: [String: Role], pairIndexes: [String: [Int]], lines: ReportingLines = .none
    ) {
        (self.config, self.home, self.pages, self.folders, self.assets) = (config, home, pages, folders, assets)
        (allRoles, allPairs, allTaxonomies, bySlug, pairsBySlug, allLines) = (roles, pairs, taxonomies, rolesBySlug, pairIndexes, lines)
    }

    /// Roles sorted by title.
    package var roles: [Role] {
        get {
            reads?.note(.roles)
            return allRoles
        }
        set { allRoles = newValue }
    }
    /// Comparison pairs sorted by URL slug.
    package var pairs: [ComparisonPair] {
        reads?.note(.pairs)
        return allPairs
    }
    /// The taxonomies: skills first, then every declared term field, in declaration order.
    package var taxonomies: [Taxonomy] {
        reads?.note(.taxonomies)
        return allTaxonomies
    }
    /// Index of roles by slug.
    package var rolesBySlug: [String: Role] {
        get {
            reads?.note(.roles)
            return bySlug
        }
        set { bySlug = newValue }
    }
    /// Indexes into `pairs` by role slug.
    package var pairIndexes: [String: [Int]] {
        reads?.note(.pairs)
        return pairsBySlug
    }
    /// The reporting lines between roles, both ways, for the charts.
    package var lines: ReportingLines {
        reads?.note(.lines)
        return allLines
    }

    /// How many roles there are.
    package var roleCount: Int {
        reads?.note(.roleCount)
        return allRoles.count
    }

    /// The taxonomy of the field `key` (`skills`, `department`).
    package func taxonomy(_ key: String) -> Taxonomy? {
        reads?.note(.taxonomy(key))
        return allTaxonomies.first { $0.key == key }
    }

    /// The built-in skills taxonomy (always the first).
    package var skillsTaxonomy: Taxonomy {
        reads?.note(.taxonomy(allTaxonomies[0].key))
        return allTaxonomies[0]
    }

    /// The skills, sorted by name.
    package var skills: [Term] { allTaxonomies.isEmpty ? [] : skillsTaxonomy.terms }

    /// The URL slug of a skill name as written in a role.
    package func skillSlug(_ name: String) -> String {
        guard let key = allTaxonomies.first?.key else { return Slug.make(name) }
        return termSlug(name, in: key) ?? Slug.make(name)
    }

    /// The URL slug of a term as written in a role, in the taxonomy of the field `key`; nil
    /// when the field has none.
    package func termSlug(_ name: String, in key: String) -> String? {
        reads?.note(.termSlug(key, name))
        return allTaxonomies.first { $0.key == key }?.slug(of: name)
    }

    /// The term with this slug of the taxonomy of the field `key`, with its roles.
    package func term(_ slug: String, in key: String) -> Term? {
        reads?.note(.term(key, slug))
        return allTaxonomies.first { $0.key == key }?.terms.first { $0.slug == slug }
    }

    /// The URL folder of the pages of the taxonomy of the field `key` (`skills`), nil when the
    /// field has none.
    package func taxonomyFolder(_ key: String) -> String? {
        reads?.note(.taxonomyFolder(key))
        return allTaxonomies.first { $0.key == key }?.url
    }

    /// The role with this slug.
    package func role(_ slug: String) -> Role? {
        reads?.note(.role(slug))
        return bySlug[slug]
    }

    /// The roles a list of references points at, in written order, skipping unresolved ones.
    package func roles(_ references: [Role.Located]) -> [Role] { references.compactMap { role($0.value) } }

    /// The comparison pairs that include a role.
    package func pairs(including slug: String) -> [ComparisonPair] {
        reads?.note(.pairsOf(slug))
        return (pairsBySlug[slug] ?? []).map { allPairs[$0] }
    }

    /// The neighbours of the role with this slug in the reporting lines.
    package func neighbours(of slug: String) -> ReportingLines.Neighbours {
        reads?.note(.neighbours(of: slug))
        return allLines.neighbours(of: slug)
    }
}

/// A folder of plain pages (`Content/guides/`), listed on its own page (`/guides/`).
package struct PageFolder: Sendable, Hashable {
    /// The folder relative to `Content/` (`guides`, `guides/onboarding`).
    package var path: String
    /// Its `_index.md`: the list page's title, summary, body and layout.
    package var index: Page?
    /// The pages directly in it: by `weight` (pages with one first), then by title.
    package var pages: [Page]

    /// The folders of `pages` that hold at least one page, sorted by path.
    package static func folders(of pages: [Page]) -> [PageFolder] {
        let indexes = Dictionary(pages.filter(\.isFolderIndex).map { ($0.folder, $0) }, uniquingKeysWith: { first, _ in first })
        let grouped = Dictionary(grouping: pages.filter { !$0.isFolderIndex && !$0.folder.isEmpty }, by: \.folder)
        return grouped.keys.sorted().map { path in
            let sorted = grouped[path]!.sorted { a, b in
                let (left, right) = (a.weight ?? Int.max, b.weight ?? Int.max)
                if left != right { return left < right }
                return (a.title ?? a.contentPath, a.contentPath) < (b.title ?? b.contentPath, b.contentPath)
            }
            return PageFolder(path: path, index: indexes[path], pages: sorted)
        }
    }
}

/// Two roles compared on one page, `/compare/<first>-vs-<second>/`.
package struct ComparisonPair: Sendable, Hashable {
    /// The left-hand role's slug.
    package var first: String
    /// The right-hand role's slug.
    package var second: String
    /// Hand-written prose from `Content/compare/<first>-vs-<second>.md`.
    package var prose: Page?

    /// `engineer-vs-senior-engineer`.
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

/// A field whose values are terms with pages of their own (`/skills/budgeting/`).
package struct Taxonomy: Sendable, Hashable {
    /// The field (`skills`, `department`).
    package var key: String
    /// The URL folder of its pages (`skills` → `/skills/`).
    package var url: String
    /// Its label from the schema; nil for skills, whose label is the theme's.
    package var label: String?
    /// The help line from the schema.
    package var help: String?
    /// The terms: in the order of the schema's `values:` when it has them, else by name.
    package var terms: [Term]
    /// Term slugs by every spelling written in front matter.
    package var slugs: [String: String]

    /// The URL slug of a term as written in a role.
    package func slug(of name: String) -> String { slugs[name] ?? Slug.make(name) }
}

/// A taxonomy term and the roles that have it.
package struct Term: Sendable, Hashable {
    /// The name as written in front matter.
    package var name: String
    /// URL slug.
    package var slug: String
    /// Slugs of the roles that have it, sorted by role title.
    package var roleSlugs: [String]
}
