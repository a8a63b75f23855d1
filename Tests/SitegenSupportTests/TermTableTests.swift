import Foundation
import Testing

@testable import SitegenSupport

/// The term table: its hash is 64-bit FNV-1a (the published test vectors), and it numbers
/// words exactly as a `Dictionary<String, Int>` filled in the same order does.
@Suite struct TermTableTests {
    /// FNV-1a 64 answers from the FNV reference code's test vectors (Landon Curt Noll,
    /// isthe.com/chongo/tech/comp/fnv, `test_fnv.c`).
    @Test(arguments: [("", 0xcbf2_9ce4_8422_2325 as UInt64), ("a", 0xaf63_dc4c_8601_ec8c), ("foobar", 0x8594_4171_f739_67e8)])
    func theHashIsFNV1a64(text: String, expected: UInt64) {
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { TermTable.hash($0) } == expected)
    }

    @Test func numbersWordsAsADictionaryDoes() {
        // Words of many lengths, with repeats, non-ASCII ones and the empty word, enough to
        // make the table grow several times.
        // A linear congruential sequence (Knuth's MMIX constants): the same words every run.
        var state: UInt64 = 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let letters = Array("abcdefghijklmnopqrstuvwxyzäöüßé0123456789")
        let vocabulary = (0..<3_000).map { _ in String((0..<next(13)).map { _ in letters[next(letters.count)] }) }
        var table = TermTable(capacity: 4)
        var reference: [String: Int] = [:]
        for _ in 0..<20_000 {
            let word = vocabulary[next(vocabulary.count)]
            let expected = reference[word] ?? reference.count
            reference[word] = expected
            #expect(table.number(of: word) == expected)
        }
        #expect(table.count == reference.count)
        for (word, number) in reference { #expect(table.string(number) == word) }
        // Byte order is the order of the strings' Unicode scalars.
        let numbers = Array(reference.values)
        for _ in 0..<2_000 {
            let (first, second) = (numbers[next(numbers.count)], numbers[next(numbers.count)])
            let (a, b) = (table.string(first), table.string(second))
            #expect(table.precedes(first, second) == a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars), "\(a) \(b)")
        }
    }
}
