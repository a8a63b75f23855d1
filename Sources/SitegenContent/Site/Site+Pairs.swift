import Foundation

/// Comparison pairs: one page per unordered pair of roles.
extension Site {
    /// Pairs come from every role's `compare_with` and from every prose file. A prose file's
    /// name (`engineer-vs-senior-engineer.md`) decides the pair's orientation and URL;
    /// other pairs are ordered by slug.
    /// `list` holds the same roles as `roles`, read field by field (never copied whole).
    package static func resolvePairs(
        roles: [String: Role], inFileOrder list: [Role], unavailable: Set<String>, prose: [Page]
    ) -> ([ComparisonPair], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var pairs: [ComparisonPair.Key: ComparisonPair] = [:]
        pairs.reserveCapacity(list.count * 2 + prose.count)
        var proseFiles: [ComparisonPair.Key: String] = [:]
        for page in prose {
            let name = Slug.fileStem(of: page.contentPath)
            guard let (first, second) = splitPairName(name, known: roles) else {
                // A pair with a draft or broken role: the role's own file carries any error.
                if splitPairName(name, known: roles, also: unavailable) != nil { continue }
                let hint = Suggestion.hint(for: name, in: allPairNames(roles))
                diagnostics.append(
                    .error(
                        "comparison file '\(name).md' does not name two roles as '<role>-vs-<role>.md'\(hint)",
                        at: SourceLocation(file: page.file, line: 1, column: 1)))
                continue
            }
            let pair = ComparisonPair(first: first, second: second, prose: page)
            if let other = proseFiles[pair.key] {
                diagnostics.append(
                    .error("comparison of '\(first)' and '\(second)' already has prose in \(other)", at: SourceLocation(file: page.file, line: 1, column: 1)))
                continue
            }
            proseFiles[pair.key] = page.file
            pairs[pair.key] = pair
        }
        for index in list.indices {
            let slug = list[index].slug
            for other in list[index].compareWith where other.value != slug && roles.index(forKey: other.value) != nil {
                let (first, second) = slug < other.value ? (slug, other.value) : (other.value, slug)
                let key = ComparisonPair.Key(first, second)
                if pairs.index(forKey: key) == nil { pairs[key] = ComparisonPair(first: first, second: second, prose: nil) }
            }
        }
        // In slug order, each slug made once.
        let values = Array(pairs.values)
        let slugs = values.map(\.slug)
        return (values.indices.sorted { slugs[$0] < slugs[$1] }.map { values[$0] }, diagnostics)
    }

    /// Splits `a-vs-b` into two known role slugs (slugs may themselves contain hyphens).
    private static func splitPairName(_ name: String, known: [String: Role], also extra: Set<String> = []) -> (String, String)? {
        var searchStart = name.startIndex
        while let range = name.range(of: "-vs-", range: searchStart..<name.endIndex) {
            let first = String(name[..<range.lowerBound])
            let second = String(name[range.upperBound...])
            let isKnown = { (slug: String) in known[slug] != nil || extra.contains(slug) }
            if first != second, isKnown(first), isKnown(second) { return (first, second) }
            searchStart = name.index(after: range.lowerBound)
        }
        return nil
    }

    private static func allPairNames(_ roles: [String: Role]) -> [String] {
        let slugs = roles.keys.sorted()
        guard slugs.count <= 60 else { return [] }
        return slugs.flatMap { first in slugs.filter { $0 != first }.map { "\(first)-vs-\($0)" } }
    }
}
