/// Gives headings GitHub-style ids: lower-cased, punctuation dropped, spaces to hyphens, and
/// `-1`, `-2`… appended to repeats so every id on a page is unique.
struct HeadingSlugger {
    private var used: [String: Int] = [:]

    /// - Parameter reserved: ids the page template already uses; a heading never takes one.
    init(reserved: Set<String> = []) {
        for id in reserved { used[id] = 0 }
    }

    /// The GitHub slug of a heading text, before de-duplication.
    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                out.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                || scalar.properties.numericType != nil
            {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A unique id for the heading text.
    mutating func uniqueID(for text: String) -> String {
        var base = Self.slug(text)
        if base.isEmpty { base = "section" }
        guard let count = used[base] else {
            used[base] = 0
            return base
        }
        var next = count + 1
        while used["\(base)-\(next)"] != nil { next += 1 }
        used[base] = next
        used["\(base)-\(next)"] = 0
        return "\(base)-\(next)"
    }
}
