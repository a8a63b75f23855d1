import Foundation

/// Slugs: the lowercase, hyphenated names that decide output paths.
enum Slug {
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`.
    static func isValid(_ slug: String) -> Bool {
        guard !slug.isEmpty, !slug.hasPrefix("-"), !slug.hasSuffix("-"), !slug.contains("--") else { return false }
        return slug.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
    }

    /// A slug made from any text: `Problem solving` → `problem-solving`, `C++` → `c`.
    static func make(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        // Folding accents goes through Foundation and is slow; plain ASCII needs none.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text : text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        for character in folded.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingDash && !out.isEmpty { out.append("-") }
                out.append(character)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// `roles/producer.md` → `producer`.
    static func fileStem(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".md") { name.removeLast(3) }
        return name
    }
}
