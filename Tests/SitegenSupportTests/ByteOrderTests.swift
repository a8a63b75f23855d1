import Testing

@testable import SitegenSupport

/// `precedesInBytes` is the order of the strings' UTF-8 bytes, as the standard library's
/// `lexicographicallyPrecedes` over `utf8` gives it.
@Suite struct ByteOrderTests {
    @Test func theOrderIsTheUTF8BytesOrder() {
        let pieces = ["", "a", "b", "roles/", "roles", "roles/a", "ä", "é", "e\u{301}", "z", "/", "-", "Z", "\u{10348}", "ab"]
        var strings: [String] = []
        for first in pieces { for second in pieces { strings.append(first + second) } }
        // Strings that are not native UTF-8 in memory too (bridged or made from scalars).
        strings.append(String(String.UnicodeScalarView([Unicode.Scalar(0x61)!, Unicode.Scalar(0x308)!])))
        strings.append(String(repeating: "ab", count: 40))
        strings.append(String(repeating: "ab", count: 40) + "c")
        for a in strings {
            for b in strings {
                #expect(a.precedesInBytes(b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }

    @Test func sortingByItIsSortingByBytes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab/-äé\u{10348}z")
        let strings = (0..<500).map { _ in String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        #expect(strings.sorted { $0.precedesInBytes($1) } == strings.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }
}
