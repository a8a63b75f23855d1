import Foundation

/// A table of distinct byte strings (the words of a text), numbered 0, 1, 2 … in the order
/// they were first added, looked up by their bytes: the search index numbers every word of
/// every page without making a `String` of each. The bytes live one after another in one
/// array; the table is open addressing with linear probing over 64-bit FNV-1a hashes,
/// grown to keep it at most half full. `Dictionary<String, Int>` does the same job (the tests
/// check the two agree) at several times the cost per word.
package struct TermTable: Sendable {
    /// Every term's bytes, one after another.
    package private(set) var bytes: [UInt8] = []
    /// Where each term ends in `bytes` (it starts where the one before it ends).
    package private(set) var ends: [Int] = []
    /// Each term's hash, to compare before the bytes and to grow without hashing again.
    private var hashes: [UInt64] = []
    /// Term number + 1 in each slot, 0 for an empty one; the count is a power of two.
    private var slots: [Int32]

    /// An empty table with room for about `capacity` terms before it grows.
    package init(capacity: Int = 512) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    /// How many terms the table holds.
    package var count: Int { ends.count }

    /// The bytes of term `number`.
    package func range(of number: Int) -> Range<Int> { (number == 0 ? 0 : ends[number - 1])..<ends[number] }

    /// The term `number` as a string (its bytes read as UTF-8).
    package func string(_ number: Int) -> String { String(decoding: bytes[range(of: number)], as: UTF8.self) }

    /// The number of the term `word`, added at the end when new.
    package mutating func number(of word: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(word)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { break }
            let number = stored - 1
            if hashes[number] == hash, equals(number, word) { return number }
            slot = (slot + 1) & mask
        }
        let number = ends.count
        bytes.append(contentsOf: word)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(number + 1)
        if ends.count * 2 > slots.count { grow() }
        return number
    }

    /// The number of the term whose bytes are `word`, added when new.
    package mutating func number(of word: [UInt8]) -> Int { word.withUnsafeBufferPointer { number(of: $0) } }

    /// The number of the term `word`, added when new.
    package mutating func number(of word: String) -> Int {
        var word = word
        return word.withUTF8 { number(of: $0) }
    }

    /// Whether term `first`'s bytes sort before term `second`'s (bytewise, a shorter prefix
    /// first): the order of Unicode scalars for UTF-8 text.
    package func precedes(_ first: Int, _ second: Int) -> Bool {
        let (a, b) = (range(of: first), range(of: second))
        return bytes.withUnsafeBufferPointer { all in
            let common = min(a.count, b.count)
            let order = common == 0 ? 0 : memcmp(all.baseAddress! + a.lowerBound, all.baseAddress! + b.lowerBound, common)
            return order != 0 ? order < 0 : a.count < b.count
        }
    }

    /// The 64-bit FNV-1a hash of the bytes (Fowler, Noll and Vo; the published test vectors are
    /// in the tests).
    package static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    private func equals(_ number: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let range = range(of: number)
        guard range.count == word.count else { return false }
        guard !word.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + range.lowerBound, word.baseAddress!, word.count) == 0 }
    }

    /// Doubles the slots and places every term again.
    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }
}
