import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The byte-level front matter split gives exactly what splitting into `Character` lines and
/// rejoining them with `\n` gave.
@Suite struct FrontMatterSplitTests {
    /// The split as it was written first: lines by `Character.isNewline`, rejoined with `\n`.
    static func reference(_ text: String) -> (yaml: String, body: String, bodyFirstLine: Int, fenced: Bool)? {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let first = lines.first, first == "---" else { return ("", String(text), 1, false) }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" }) else { return nil }
        return (lines[1..<close].joined(separator: "\n"), lines[(close + 1)...].joined(separator: "\n"), close + 2, true)
    }

    static func split(_ text: String) -> (yaml: String, body: String, bodyFirstLine: Int, fenced: Bool)? {
        guard case .success(let split) = FrontMatter.parse(text, file: "a.md") else { return nil }
        return (split.yaml, split.body, split.bodyFirstLine, split.hasFrontMatter)
    }

    static func same(_ text: String) -> Bool {
        let (new, old) = (split(text), reference(text))
        guard let new, let old else { return new == nil && old == nil }
        // Compare bytes: `==` on String would equate canonically equivalent texts.
        return Array(new.yaml.utf8) == Array(old.yaml.utf8) && Array(new.body.utf8) == Array(old.body.utf8)
            && new.bodyFirstLine == old.bodyFirstLine && new.fenced == old.fenced
    }

    @Test(arguments: [
        "", "---", "---\n", "---\n---", "---\n---\n", "---\n\n---\n\n", "\u{FEFF}---\ntitle: A\n---\nBody",
        "\u{FEFF}# no front matter\r\n", "\u{FEFF}\u{FEFF}---\n---\n", "---\r\ntitle: A\r\n---\r\nBody\r\nMore\r\n",
        "---\rtitle: A\r---\rBody\r", "---\n\rtitle\n\r---\n\r", "---\r\n\r\n---\r\n", "---\u{0B}a\u{0C}---\u{0B}b\u{0C}c",
        "---\u{85}a: 1\u{85}---\u{85}b\u{85}", "---\u{2028}a\u{2029}---\u{2028}b\u{2029}", "---\nx\n---\u{2028}\u{2029}\u{85}",
        "----\nx\n---\n", " ---\nx\n---\n", "---\nx\n --- \n", "---\nx\n--- \n---\nbody", "---\u{301}\nx\n---\n",
        "---\nx\n---\u{301}\nbody", "---\nx\n\u{301}---\n", "---\nx\n---\n\u{301}body", "---\nä: ö\n---\n日本語\n🎬\r\n",
        "no fence\n---\nx\n---\n", "---\nunterminated\n", "---\nx\n-- -\n", "---\n\u{2028}---\n",
    ])
    func splitsAsCharacterLinesDid(_ text: String) {
        #expect(Self.same(text), "\(Array(text.unicodeScalars.map(\.value)))")
    }

    @Test func randomTextsSplitAsCharacterLinesDid() {
        let pieces = ["---", "-", "\n", "\r", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "a", "é", "\u{301}", "\u{FEFF}", " ", "🎬"]
        var generator = SeededGenerator(seed: 6)
        for _ in 0..<3000 {
            var text = Bool.random(using: &generator) ? "---\n" : ""
            for _ in 0..<Int.random(in: 0...14, using: &generator) { text += pieces.randomElement(using: &generator)! }
            #expect(Self.same(text), "\(Array(text.unicodeScalars.map(\.value)))")
        }
    }

    @Test func theBodyOfAFileWithoutFrontMatterIsKeptAsWritten() throws {
        let split = try FrontMatter.parse("# Title\r\nline\u{2028}", file: "a.md").get()
        #expect(Array(split.body.utf8) == Array("# Title\r\nline\u{2028}".utf8))
    }

    @Test func everyLineBreakInAFencedFileBecomesALineFeed() throws {
        let split = try FrontMatter.parse("---\r\na: 1\rb: 2\u{85}---\u{2029}x\u{0B}y\r\n", file: "a.md").get()
        #expect(split.yaml == "a: 1\nb: 2")
        #expect(Array(split.body.utf8) == Array("x\ny\n".utf8))
        #expect(split.bodyFirstLine == 5)
    }
}

/// A small deterministic random number generator (SplitMix64) for generated test inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
