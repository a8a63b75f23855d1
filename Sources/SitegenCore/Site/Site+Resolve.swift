/// Cross-checks loaded content and derives what the pages need.
extension Site {
    /// Resolves references, comparison pairs and skills; every problem becomes a located
    /// diagnostic. Returns nil when there are errors.
    public static func resolve(_ content: LoadedContent) -> (Site?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var bySlug: [String: Role] = [:]
        for role in content.roles {
            if let other = bySlug[role.slug] {
                diagnostics.append(
                    .error("duplicate role slug '\(role.slug)': \(other.file) already uses it", at: SourceLocation(file: role.file, line: 1, column: 1)))
                continue
            }
            bySlug[role.slug] = role
        }
        let slugs = bySlug.keys.sorted()
        let dimensionKeys = content.config.dimensions.map(\.key)
        for role in bySlug.values.sorted(by: { $0.file < $1.file }) {
            diagnostics += checkReferences(of: role, known: bySlug, unavailable: content.unavailableRoleSlugs, slugs: slugs)
            for key in role.attributes.keys.sorted() where !dimensionKeys.contains(key) {
                let hint = Suggestion.hint(for: key, in: dimensionKeys)
                diagnostics.append(
                    .error("attribute '\(key)' is not a comparison dimension declared in \(SiteConfig.fileName)\(hint)", at: role.attributeLocations[key]))
            }
        }
        let (skills, skillSlugs, skillDiagnostics) = resolveSkills(bySlug.values.sorted { $0.file < $1.file }, known: bySlug)
        diagnostics += skillDiagnostics
        let (pairs, pairDiagnostics) = resolvePairs(roles: bySlug, unavailable: content.unavailableRoleSlugs, prose: content.comparisonProse)
        diagnostics += pairDiagnostics

        let compared = Set(pairs.flatMap { [$0.first, $0.second] })
        for slug in slugs where !compared.contains(slug) {
            if let role = bySlug[slug] {
                diagnostics.append(
                    .warning(
                        "role '\(slug)' is in no comparison; add compare_with to compare it with a neighbouring role",
                        at: SourceLocation(file: role.file, line: 1, column: 1)))
            }
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        let site = Site(
            config: content.config,
            home: content.home,
            roles: bySlug.values.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) },
            pairs: pairs,
            skills: skills,
            pages: content.pages,
            assets: content.assets,
            rolesBySlug: bySlug,
            skillSlugs: skillSlugs,
            pairIndexes: pairs.enumerated().reduce(into: [:]) { index, pair in
                index[pair.element.first, default: []].append(pair.offset)
                index[pair.element.second, default: []].append(pair.offset)
            }
        )
        return (site, diagnostics)
    }

    private static func checkReferences(of role: Role, known: [String: Role], unavailable: Set<String>, slugs: [String]) -> [Diagnostic] {
        let fields: [(String, [Role.Located])] = [
            ("reports_to", role.reportsTo), ("supervises", role.supervises), ("works_with", role.worksWith),
            ("compare_with", role.compareWith), ("related", role.related),
        ]
        var diagnostics: [Diagnostic] = []
        for (field, references) in fields {
            for reference in references {
                if reference.value == role.slug {
                    diagnostics.append(.error("role '\(role.slug)' refers to itself in \(field)", at: reference.location))
                } else if known[reference.value] == nil, !unavailable.contains(reference.value) {
                    let hint = Suggestion.hint(for: reference.value, in: slugs)
                    diagnostics.append(.error("unknown role '\(reference.value)' in \(field)\(hint)", at: reference.location))
                }
            }
        }
        return diagnostics
    }

    /// Groups skills by slug; two spellings of one skill are an error, pointing at the rarer one.
    /// Also returns the URL slug of every spelling, so pages link to the skill pages as written.
    private static func resolveSkills(_ roles: [Role], known: [String: Role]) -> ([Skill], [String: String], [Diagnostic]) {
        var spellings: [String: [String: [SourceLocation]]] = [:]
        var holders: [String: Set<String>] = [:]
        for role in roles {
            for skill in role.skills {
                let slug = Slug.make(skill.value)
                spellings[slug, default: [:]][skill.value, default: []].append(skill.location)
                holders[slug, default: []].insert(role.slug)
            }
        }
        var diagnostics: [Diagnostic] = []
        var skills: [Skill] = []
        var slugsByName: [String: String] = [:]
        for (slug, names) in spellings {
            let ranked = names.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }
            let canonical = ranked[0].key
            for (name, locations) in ranked.dropFirst() {
                for location in locations {
                    diagnostics.append(.error("skill '\(name)' is spelled '\(canonical)' in other roles; use one spelling", at: location))
                }
            }
            // Sort keys looked up once per role, not once per comparison.
            let roleSlugs = (holders[slug] ?? []).map { (title: known[$0]?.title ?? $0, slug: $0) }.sorted { ($0.title, $0.slug) < ($1.title, $1.slug) }
                .map { $0.slug }
            let skill = Skill(name: canonical, slug: slug.isEmpty ? "skill" : slug, roleSlugs: roleSlugs)
            for name in names.keys { slugsByName[name] = skill.slug }
            skills.append(skill)
        }
        return (skills.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) }, slugsByName, diagnostics)
    }
}
