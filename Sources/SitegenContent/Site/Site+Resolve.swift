import SitegenSupport

/// Cross-checks loaded content and derives what the pages need.
extension Site {
    /// Resolves references, comparison pairs and skills; every problem becomes a located
    /// diagnostic. Returns nil when there are errors.
    package static func resolve(_ content: LoadedContent) -> (Site?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var bySlug: [String: Role] = [:]
        bySlug.reserveCapacity(content.roles.count)
        // `content.roles` is in file order; `unique` keeps that order without the duplicates.
        var unique: [Role] = []
        unique.reserveCapacity(content.roles.count)
        for role in content.roles {
            if let other = bySlug[role.slug] {
                diagnostics.append(
                    .error("duplicate role slug '\(role.slug)': \(other.file) already uses it", at: SourceLocation(file: role.file, line: 1, column: 1)))
                continue
            }
            bySlug[role.slug] = role
            unique.append(role)
        }
        let known = bySlug
        let roles = unique
        // Sorting, references and skills on one core, pairs on the other: they are independent.
        let ((byTitle, referenceDiagnostics, (taxonomies, termDiagnostics)), (pairs, pairDiagnostics)) = concurrently(
            {
                let byTitle = roles.map { (title: $0.title, slug: $0.slug) }.enumerated().sorted {
                    ($0.element.title, $0.element.slug) < ($1.element.title, $1.element.slug)
                }
                .map(\.offset)
                return (
                    byTitle, checkReferences(roles, known: known, content: content),
                    resolveTaxonomies(roles, schema: content.config.schema, rankByTitle: byTitle)
                )
            },
            { resolvePairs(roles: known, inFileOrder: roles, unavailable: content.unavailableRoleSlugs, prose: content.comparisonProse) }
        )
        diagnostics += referenceDiagnostics + termDiagnostics + pairDiagnostics

        var compared = Set<String>()
        for pair in pairs {
            compared.insert(pair.first)
            compared.insert(pair.second)
        }
        for role in unique.filter({ !compared.contains($0.slug) }).sorted(by: { $0.slug < $1.slug }) {
            diagnostics.append(
                .warning(
                    "role '\(role.slug)' is in no comparison; add compare_with to compare it with a neighbouring role",
                    at: SourceLocation(file: role.file, line: 1, column: 1)))
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        let sorted = byTitle.map { unique[$0] }
        let (lines, lineDiagnostics) = ReportingLines.resolve(sorted, known: known)
        diagnostics += lineDiagnostics
        var pairIndexes: [String: [Int]] = [:]
        for (index, pair) in pairs.enumerated() {
            pairIndexes[pair.first, default: []].append(index)
            pairIndexes[pair.second, default: []].append(index)
        }
        let site = Site(
            config: content.config,
            home: content.home,
            roles: sorted,
            pairs: pairs,
            taxonomies: taxonomies,
            pages: content.pages.filter { !$0.isFolderIndex },
            folders: PageFolder.folders(of: content.pages),
            assets: content.assets,
            rolesBySlug: bySlug,
            pairIndexes: pairIndexes,
            lines: lines
        )
        return (site, diagnostics)
    }

    /// Checks every role's references to other roles, core and declared.
    private static func checkReferences(_ roles: [Role], known: [String: Role], content: LoadedContent) -> [Diagnostic] {
        // Only a misspelt reference needs the sorted list of slugs, for its hint.
        let slugs = LazySlugs(known)
        let declared = content.config.schema.fields.filter(\.type.isReference).map(\.key)
        var diagnostics: [Diagnostic] = []
        for role in roles {
            diagnostics += checkReferences(of: role, declared: declared, known: known, unavailable: content.unavailableRoleSlugs, slugs: slugs)
        }
        return diagnostics
    }

    private static func checkReferences(
        of role: Role, declared: [String], known: [String: Role], unavailable: Set<String>, slugs: LazySlugs
    ) -> [Diagnostic] {
        let fields: [(String, [Role.Located])] =
            [
                ("reports_to", role.reportsTo), ("supervises", role.supervises), ("works_with", role.worksWith),
                ("compare_with", role.compareWith), ("related", role.related),
            ] + declared.map { ($0, role.values[$0] ?? []) }
        var diagnostics: [Diagnostic] = []
        for (field, references) in fields {
            for reference in references {
                if reference.value == role.slug {
                    diagnostics.append(.error("role '\(role.slug)' refers to itself in \(field)", at: reference.location))
                } else if known.index(forKey: reference.value) == nil, !unavailable.contains(reference.value) {
                    let hint = Suggestion.hint(for: reference.value, in: slugs)
                    diagnostics.append(.error("unknown role '\(reference.value)' in \(field)\(hint)", at: reference.location))
                }
            }
        }
        return diagnostics
    }

    /// The skills and every declared term field, each resolved by `resolveTerms`.
    private static func resolveTaxonomies(_ roles: [Role], schema: Schema, rankByTitle: [Int]) -> ([Taxonomy], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let skills = resolveTerms(roles, noun: "skill", rankByTitle: rankByTitle, order: nil, diagnostics: &diagnostics) { $0.skills }
        let named = schema.skills
        var taxonomies = [
            Taxonomy(
                key: Schema.skillsKey, url: named?.url ?? Schema.skillsKey, label: named?.label, help: named?.help, terms: skills.terms, slugs: skills.slugs)
        ]
        for field in schema.taxonomyFields {
            let (terms, slugs) = resolveTerms(roles, noun: "'\(field.key)' value", rankByTitle: rankByTitle, order: field.values, diagnostics: &diagnostics) {
                $0.values[field.key] ?? []
            }
            taxonomies.append(Taxonomy(key: field.key, url: field.url, label: field.label, help: field.help, terms: terms, slugs: slugs))
        }
        return (taxonomies, diagnostics)
    }

    /// Groups a field's terms by slug; two spellings of one term are an error, pointing at the
    /// rarer one. Also returns the URL slug of every spelling, so pages link to the term pages
    /// as written. `rankByTitle` lists indexes into `roles` in title order; a term's roles come
    /// in that order. Terms are sorted by `order` (a closed set of values) or else by name.
    private static func resolveTerms(
        _ roles: [Role], noun: String, rankByTitle: [Int], order: [String]?, diagnostics: inout [Diagnostic], values: (Role) -> [Role.Located]
    ) -> (terms: [Term], slugs: [String: String]) {
        var rank = [Int](repeating: 0, count: roles.count)
        for (position, index) in rankByTitle.enumerated() { rank[index] = position }
        // Each spelling once, by number: how often it is used and by which roles (by title
        // rank). One table lookup per use; at 10k roles, three per use were a tenth of a warm
        // build.
        var numberOfName: [String: Int] = [:]
        var names: [String] = []
        var uses: [Int] = []
        var holders: [[Int]] = []
        for (index, role) in roles.enumerated() {
            for term in values(role) {
                let number: Int
                if let known = numberOfName[term.value] {
                    number = known
                } else {
                    number = names.count
                    numberOfName[term.value] = number
                    names.append(term.value)
                    uses.append(0)
                    holders.append([])
                }
                uses[number] += 1
                holders[number].append(rank[index])
            }
        }
        // The spellings of one term share its slug.
        var spellingsBySlug: [String: [Int]] = [:]
        for (number, name) in names.enumerated() { spellingsBySlug[Slug.make(name), default: []].append(number) }
        var terms: [(key: String, term: Term)] = []
        var slugsByName: [String: String] = [:]
        var canonicalOfMisspelling: [String: String] = [:]
        for (slug, spellings) in spellingsBySlug {
            // The most used spelling is the term's name (the first by name among equals).
            let ranked = spellings.sorted { (uses[$1], names[$0]) < (uses[$0], names[$1]) }.map { names[$0] }
            let canonical = ranked[0]
            for name in ranked.dropFirst() { canonicalOfMisspelling[name] = canonical }
            var positions = spellings.count == 1 ? holders[spellings[0]] : spellings.flatMap { holders[$0] }
            positions.sort()
            var roleSlugs: [String] = []
            roleSlugs.reserveCapacity(positions.count)
            for (offset, position) in positions.enumerated() where offset == 0 || positions[offset - 1] != position {
                roleSlugs.append(roles[rankByTitle[position]].slug)
            }
            let term = Term(name: canonical, slug: slug.isEmpty ? "term" : slug, roleSlugs: roleSlugs)
            for name in ranked { slugsByName[name] = term.slug }
            terms.append((canonical.lowercased(), term))
        }
        if !canonicalOfMisspelling.isEmpty {
            for role in roles {
                for term in values(role) {
                    guard let canonical = canonicalOfMisspelling[term.value] else { continue }
                    diagnostics.append(.error("\(noun) '\(term.value)' is spelled '\(canonical)' in other roles; use one spelling", at: term.location))
                }
            }
        }
        if let order {
            let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            terms.sort { (position[$0.term.name] ?? Int.max, $0.key) < (position[$1.term.name] ?? Int.max, $1.key) }
        } else {
            terms.sort { ($0.key, $0.term.slug) < ($1.key, $1.term.slug) }
        }
        return (terms.map(\.term), slugsByName)
    }
}

/// Every role slug, sorted on first use: only a misspelt reference needs them, for its hint.
private final class LazySlugs: Sequence {
    private let roles: [String: Role]
    private lazy var sorted: [String] = roles.keys.sorted()

    package init(_ roles: [String: Role]) { self.roles = roles }

    package func makeIterator() -> IndexingIterator<[String]> { sorted.makeIterator() }
}
