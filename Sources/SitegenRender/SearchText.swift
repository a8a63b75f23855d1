import Foundation
import SitegenContent
import SitegenSupport

/// How the search turns text into the words it indexes and looks up, in the site's language:
/// the same steps in this file and in `search.js` (a browser test runs both on the same
/// samples), so a word typed in the box is the word the index holds.
///
/// 1. Lowercase, then drop the accents (canonical decomposition, combining marks U+0300–U+036F
///    removed): `Régisseur` → `regisseur`.
/// 2. Split at everything that is not a letter or a digit (Unicode categories L and N); words
///    of one character are dropped.
/// 3. Drop the language's stop words (`search_stopwords` in `Templates/i18n/<language>.yml`).
/// 4. Fold plurals by the language's rules (`search_plurals`: ordered `suffix>replacement`
///    rules, the first that fits applies and leaves at least three characters;
///    `search_plural_keep`: endings that are never cut): `duties` → `duty`, `nurses` →
///    `nurse`.
package final class SearchText: Sendable {
    /// Words never indexed (`a`, `the`, `of`).
    let stopwords: Set<String>
    /// Plural rules in order: an ending and what replaces it.
    let plurals: [(suffix: String, replacement: String)]
    /// Endings a word keeps (`ss`: `class` is not a plural).
    let keep: [String]
    /// Query words that ask for a comparison (`vs`, `versus`): not indexed, they favour
    /// comparison pages.
    let versus: Set<String>
    /// The rules' endings as bytes, and the replacements' lengths in Unicode scalars.
    private let pluralBytes: [(suffix: [UInt8], replacement: String, scalars: Int)]
    private let keepBytes: [[UInt8]]
    /// Whether every rule's replacement is no longer than its ending (a word is folded in place).
    private let foldsInPlace: Bool
    /// The last bytes of the rules' and kept endings: a word ending in another byte keeps its
    /// ending (most words of a text).
    private let foldEnds: [Bool]
    /// The longest stop or versus word, in bytes: a longer word is neither (most words of a
    /// text skip both lookups).
    private let longestSkipped: Int
    /// The skipped words of up to seven ASCII bytes, each packed into an integer (`pack`),
    /// sorted: the byte loop looks a word up without making a string of it.
    private let packedSkipped: [UInt64]

    /// The rules of the language whose words these are.
    package init(words: Words) {
        func list(_ key: String) -> [String] { (words.texts[key] ?? "").split(separator: " ").map { String($0) } }
        stopwords = Set(list("search_stopwords"))
        plurals = list("search_plurals").compactMap { rule in
            let parts = rule.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
            return parts.count == 2 && !parts[0].isEmpty ? (String(parts[0]), String(parts[1])) : nil
        }
        keep = list("search_plural_keep")
        versus = Set(list("search_versus"))
        pluralBytes = plurals.map { (Array($0.suffix.utf8), $0.replacement, $0.replacement.unicodeScalars.count) }
        keepBytes = keep.map { Array($0.utf8) }
        (foldsInPlace, foldEnds) = Self.foldTables(pluralBytes, keepBytes)
        longestSkipped = stopwords.union(versus).map(\.utf8.count).max() ?? 0
        packedSkipped = Self.packed(stopwords.union(versus))
    }

    /// Rules given directly (tests).
    package init(stopwords: Set<String> = [], plurals: [(String, String)] = [], keep: [String] = [], versus: Set<String> = []) {
        self.stopwords = stopwords
        self.plurals = plurals.map { (suffix: $0.0, replacement: $0.1) }
        self.keep = keep
        self.versus = versus
        pluralBytes = self.plurals.map { (Array($0.suffix.utf8), $0.replacement, $0.replacement.unicodeScalars.count) }
        keepBytes = keep.map { Array($0.utf8) }
        (foldsInPlace, foldEnds) = Self.foldTables(pluralBytes, keepBytes)
        longestSkipped = stopwords.union(versus).map(\.utf8.count).max() ?? 0
        packedSkipped = Self.packed(stopwords.union(versus))
    }

    /// The indexed words of `text`, in order (repeats kept).
    package func words(_ text: String) -> [String] {
        var found: [String] = []
        forEachWord(text) { found.append($0) }
        return found
    }

    /// The digest of the rules: what the words of a text depend on.
    package var digest: Digest {
        var hasher = DigestHasher()
        hasher.combine(stopwords.sorted())
        hasher.combine(plurals.map { $0.suffix + ">" + $0.replacement })
        hasher.combine(keep)
        hasher.combine(versus.sorted())
        return hasher.finalize()
    }

    /// Whether the rules fold a word in place, and which last bytes an ending of theirs has.
    private static func foldTables(_ rules: [(suffix: [UInt8], replacement: String, scalars: Int)], _ keep: [[UInt8]]) -> (Bool, [Bool]) {
        let inPlace = rules.allSatisfy { $0.replacement.utf8.count <= $0.suffix.count }
        var ends = [Bool](repeating: false, count: 256)
        for ending in rules.map(\.suffix) + keep {
            // An empty ending fits every word.
            guard let last = ending.last else { return (inPlace, [Bool](repeating: true, count: 256)) }
            ends[Int(last)] = true
        }
        return (inPlace, ends)
    }

    /// Each word of up to seven ASCII bytes packed into an integer (`pack`), sorted.
    private static func packed(_ words: Set<String>) -> [UInt64] {
        words.filter { $0.utf8.count <= 7 && $0.utf8.allSatisfy { $0 < 0x80 } }.map { pack(Array($0.utf8)[...]) }.sorted()
    }

    /// Up to seven bytes as one integer: the bytes in the low 56 bits, first byte highest, and
    /// the count above them.
    private static func pack<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } | UInt64(bytes.count) << 56
    }

    /// Whether the packed word is one of `packedSkipped`.
    private func isSkipped(packed: UInt64) -> Bool {
        var low = 0
        var high = packedSkipped.count
        while low < high {
            let middle = (low + high) / 2
            if packedSkipped[middle] < packed { low = middle + 1 } else { high = middle }
        }
        return low < packedSkipped.count && packedSkipped[low] == packed
    }

    /// Calls `body` with each indexed word of `text`, in order.
    package func forEachWord(_ text: String, _ body: (String) -> Void) {
        forEachWordBytes(text) { body(String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of each indexed word of `text`, in order (valid only
    /// during the call). ASCII text (most of a handbook) is read byte by byte: each word
    /// lowercased into a buffer, looked up among the skipped words by its bytes and its plural
    /// folded there, with no string made of it; other text goes through `splitFolded`.
    package func forEachWordBytes(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        let isASCII = text.withUTF8 { bytes in !bytes.contains { $0 >= 0x80 } }
        guard isASCII, foldsInPlace else {
            Self.splitFolded(text) { word in
                guard word.utf8.count > longestSkipped || (!stopwords.contains(word) && !versus.contains(word)) else { return }
                var singular = singular(word)
                singular.withUTF8 { body($0) }
            }
            return
        }
        text.withUTF8 { bytes in
            // One buffer for the text's words, as long as the longest can be (on the stack for
            // the short texts that are most of them).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { word in
                var start = -1
                for index in 0...bytes.count {
                    let byte = index < bytes.count ? bytes[index] : 0
                    if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) {
                        if start < 0 { start = index }
                        continue
                    }
                    defer { start = -1 }
                    guard start >= 0, index - start > 1 else { continue }
                    var length = index - start
                    for offset in 0..<length {
                        let byte = bytes[start + offset]
                        word[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                    }
                    if length <= longestSkipped {
                        if length <= 7 {
                            if isSkipped(packed: Self.pack(word[..<length])) { continue }
                        } else {
                            let folded = String(decoding: UnsafeBufferPointer(rebasing: word[..<length]), as: UTF8.self)
                            if stopwords.contains(folded) || versus.contains(folded) { continue }
                        }
                    }
                    if foldEnds[Int(word[length - 1])] { length = foldPlural(word, length: length) }
                    body(UnsafeBufferPointer(rebasing: word[..<length]))
                }
            }
        }
    }

    /// Folds the plural ending of the ASCII word in `word[..<length]` in place (a rule whose
    /// replacement is no longer than its ending); the new length.
    private func foldPlural(_ word: UnsafeMutableBufferPointer<UInt8>, length: Int) -> Int {
        func endsWith(_ suffix: [UInt8]) -> Bool {
            guard length >= suffix.count else { return false }
            for offset in 0..<suffix.count where word[length - suffix.count + offset] != suffix[offset] { return false }
            return true
        }
        for ending in keepBytes where endsWith(ending) { return length }
        for rule in pluralBytes where endsWith(rule.suffix) {
            let stem = length - rule.suffix.count
            guard stem + rule.scalars >= 3 else { return length }
            for (offset, byte) in rule.replacement.utf8.enumerated() { word[stem + offset] = byte }
            return stem + rule.replacement.utf8.count
        }
        return length
    }

    /// `word` (already folded) with its plural ending folded.
    package func singular(_ word: String) -> String {
        guard !pluralBytes.isEmpty else { return word }
        var word = word
        return word.withUTF8 { bytes -> String? in
            func endsWith(_ suffix: [UInt8]) -> Bool {
                bytes.count >= suffix.count
                    && suffix.withUnsafeBufferPointer { memcmp(bytes.baseAddress! + (bytes.count - suffix.count), $0.baseAddress!, suffix.count) == 0 }
            }
            for ending in keepBytes where endsWith(ending) { return nil }
            for rule in pluralBytes where endsWith(rule.suffix) {
                let stem = UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - rule.suffix.count)])
                // Characters (Unicode scalars) left: every byte that does not continue one.
                let length = stem.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } + rule.scalars
                guard length >= 3 else { return nil }
                return String(decoding: stem, as: UTF8.self) + rule.replacement
            }
            return nil
        } ?? word
    }

    /// Calls `body` with each word of `text` of two characters or more, lowercased and without
    /// accents, through Unicode's decomposition (`forEachWord` reads ASCII text byte by byte).
    static func splitFolded(_ text: String, _ body: (String) -> Void) {
        var word = String.UnicodeScalarView()
        var length = 0
        func flush() {
            if length > 1 { body(String(word)) }
            word = String.UnicodeScalarView()
            length = 0
        }
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if (0x300...0x36F).contains(scalar.value) { continue }
            if Self.isLetterOrDigit(scalar) {
                word.append(scalar)
                length += 1
            } else {
                flush()
            }
        }
        flush()
    }

    /// Unicode general categories L (letters) and N (numbers), as `\p{L}` and `\p{N}` in a
    /// JavaScript regular expression.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// The text of a Markdown document without its syntax, as one block of prose, and the
    /// text of its headings: link targets, images' addresses, bare addresses, HTML tags,
    /// emphasis marks and list and quote markers are dropped, link texts and images'
    /// descriptions kept. Works on the UTF-8 bytes: every mark it drops is ASCII.
    static func plainText(ofMarkdown markdown: String) -> (text: String, headings: [String]) {
        var source = markdown
        return source.withUTF8 { bytes in
            var text: [UInt8] = []
            text.reserveCapacity(bytes.count)
            var headings: [String] = []
            var fenced = false
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                var start = lineStart
                while start < lineEnd && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])
                lineStart = lineEnd + 1
                if line.count >= 3, line[0] == UInt8(ascii: "`") || line[0] == UInt8(ascii: "~"), line[1] == line[0], line[2] == line[0] {
                    fenced.toggle()
                    continue
                }
                if fenced {
                    text += line
                    text.append(0x0A)
                    continue
                }
                if line.first == UInt8(ascii: "#") {
                    var from = 0
                    while from < line.count && line[from] == UInt8(ascii: "#") { from += 1 }
                    let headingStart = text.count
                    appendInlineText(UnsafeBufferPointer(rebasing: line[from...]), to: &text)
                    if text.count > headingStart { headings.append(String(decoding: text[headingStart...], as: UTF8.self)) }
                    text.append(0x0A)
                    continue
                }
                var from = 0
                while from < line.count && (line[from] == UInt8(ascii: ">") || line[from] == 0x20) { from += 1 }
                if from + 1 < line.count, "-*+".utf8.contains(line[from]), line[from + 1] == 0x20 { from += 2 }
                appendInlineText(UnsafeBufferPointer(rebasing: line[from...]), to: &text)
                text.append(0x0A)
            }
            return (String(decoding: text, as: UTF8.self), headings)
        }
    }

    /// Appends one line of Markdown as text to `result`: `[words](address)` → `words`, `<tag>`
    /// and bare addresses dropped, `*`, `_`, `` ` ``, `|` and `~` dropped; spaces at its ends
    /// trimmed.
    private static func appendInlineText(_ line: UnsafeBufferPointer<UInt8>, to result: inout [UInt8]) {
        let first = result.count
        // A space before the line's first other byte is not kept.
        func append(_ byte: UInt8) { if byte != 0x20 || result.count > first { result.append(byte) } }
        var index = 0
        func hasPrefix(_ prefix: String, at position: Int) -> Bool {
            let prefix = prefix.utf8
            return position + prefix.count <= line.count && zip(line[position...], prefix).allSatisfy { $0 == $1 }
        }
        while index < line.count {
            let byte = line[index]
            switch byte {
            case UInt8(ascii: "]"):
                // A link's or image's address follows its text: skipped.
                if index + 1 < line.count, line[index + 1] == UInt8(ascii: "("), let close = line[(index + 1)...].firstIndex(of: UInt8(ascii: ")")) {
                    index = close + 1
                    continue
                }
            case UInt8(ascii: "h") where hasPrefix("http://", at: index) || hasPrefix("https://", at: index):
                // A bare address is no prose.
                while index < line.count && line[index] != 0x20 && line[index] != UInt8(ascii: ")") && line[index] != UInt8(ascii: ">") { index += 1 }
                continue
            case UInt8(ascii: "<"):
                if let close = line[index...].firstIndex(of: UInt8(ascii: ">")) {
                    index = close + 1
                    append(0x20)
                    continue
                }
                append(byte)
            case UInt8(ascii: "!") where index + 1 < line.count && line[index + 1] == UInt8(ascii: "["):
                break
            case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "["):
                break
            case UInt8(ascii: "|"):
                append(0x20)
            default:
                append(byte)
            }
            index += 1
        }
        while result.count > first && result[result.count - 1] == 0x20 { result.removeLast() }
    }
}
