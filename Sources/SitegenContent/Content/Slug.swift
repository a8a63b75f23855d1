import Foundation

/// Slugs: the lowercase, hyphenated names that decide output paths.
package enum Slug {
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`.
    package static func isValid(_ slug: String) -> Bool {
        var previous = UInt8(ascii: "-")  // so a leading hyphen fails
        for byte in slug.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")  // not empty, no trailing hyphen
    }

    /// A slug made from any text: `Problem solving` → `problem-solving`, `C++` → `c`.
    package static func make(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeASCII(text) }
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

    /// `make` on bytes, for ASCII text (nearly every skill name).
    private static func makeASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                out.append(lower)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `roles/engineer.md` → `engineer`.
    package static func fileStem(of path: String) -> String {
        var name = Substring(path)
        while name.hasSuffix("/") { name.removeLast() }
        if let slash = name.lastIndex(of: "/") { name = name[name.index(after: slash)...] }
        if name.isEmpty { return path }
        if name.hasSuffix(".md") { name.removeLast(3) }
        return String(name)
    }
}
