/// "Did you mean …?" for names in templates: the closest candidate, compared without case, that
/// is at most two edits away (a swap of neighbours is one edit) or that starts the other.
enum TemplateNameSuggestion {
    /// The most edits a suggestion may be away.
    static let maximumDistance = 2
    /// The shortest name a prefix match may rest on (`desc` for `description`).
    static let minimumPrefix = 3

    /// The candidate closest to `name`, in the candidates' order on ties; `nil` if none is close.
    static func closest(to name: String, in candidates: [String]) -> String? {
        let word = Array(name.lowercased())
        var best: (candidate: String, score: Int)?
        for candidate in candidates where candidate != name {
            let other = Array(candidate.lowercased())
            var score = distance(word, other)
            if score > maximumDistance {
                let shorter = min(word.count, other.count)
                guard shorter >= minimumPrefix, word.prefix(shorter) == other.prefix(shorter) else { continue }
                score = maximumDistance + abs(word.count - other.count)
            }
            if score < best?.score ?? Int.max { best = (candidate, score) }
        }
        return best?.candidate
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// neighbours each cost one edit.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1) }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
