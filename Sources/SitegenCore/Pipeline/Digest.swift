import Foundation

/// A 128-bit digest of bytes: how the caches tell "the same input" from "changed". Not
/// cryptographic; it only has to make accidental collisions between edits of a site
/// negligible, and to be fast enough to run over every file on every build (it reads eight
/// bytes per step; FNV-1a, byte at a time, was a tenth of a warm build at 10k roles).
/// swift-crypto would give SHA-256, at the price of compiling BoringSSL into every build.
struct Digest: Hashable, Sendable, CustomStringConvertible {
    var high: UInt64
    var low: UInt64

    static let zero = Digest(high: 0, low: 0)

    /// 32 hex digits.
    var description: String {
        let hex = { (value: UInt64) in String(value, radix: 16).leftPadded(to: 16) }
        return hex(high) + hex(low)
    }

    /// The digest of one run of bytes.
    static func of(_ bytes: UnsafeRawBufferPointer) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }

    /// The digest of a byte array.
    static func of(_ bytes: [UInt8]) -> Digest { bytes.withUnsafeBytes { of($0) } }

    /// The digest of a `Data`.
    static func of(_ data: Data) -> Digest { data.withUnsafeBytes { of($0) } }
}

/// Feeds values into a `Digest`. Every value is length-prefixed or fixed-size, so
/// `("ab", "c")` and `("a", "bc")` differ.
struct DigestHasher {
    private var first: UInt64 = 0x9e37_79b9_7f4a_7c15
    private var second: UInt64 = 0xc2b2_ae3d_27d4_eb4f
    private var length: UInt64 = 0

    private static let multiplier1: UInt64 = 0xff51_afd7_ed55_8ccd
    private static let multiplier2: UInt64 = 0xc4ce_b9fe_1a85_ec53

    init() {}

    /// Mixes raw bytes (without a length prefix).
    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < count {
            var tail: UInt64 = 0
            for index in offset..<count { tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
            mix(tail ^ (0xa5 << 56))
        }
        length &+= UInt64(count)
    }

    /// Mixes a string's UTF-8 bytes, after its length.
    mutating func combine(_ text: String) {
        var text = text
        combine(text.utf8.count)
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// Mixes an optional string, distinguishing nil from "".
    mutating func combine(_ text: String?) {
        combine(text == nil ? 0 : 1)
        if let text { combine(text) }
    }

    /// Mixes an integer.
    mutating func combine(_ value: Int) { mix(UInt64(bitPattern: Int64(value)) ^ 0x5bd1_e995_5bd1_e995) }

    /// Mixes another digest.
    mutating func combine(_ digest: Digest) {
        mix(digest.high)
        mix(digest.low)
    }

    /// Mixes a list of strings, after their count.
    mutating func combine(_ texts: [String]) {
        combine(texts.count)
        for text in texts { combine(text) }
    }

    /// The digest of everything combined.
    func finalize() -> Digest {
        var high = first ^ length
        var low = second ^ (length &* Self.multiplier1)
        high = Self.avalanche(high &+ low)
        low = Self.avalanche(low ^ high)
        return Digest(high: high, low: low)
    }

    private mutating func mix(_ word: UInt64) {
        first = (first ^ (word &* Self.multiplier1)).rotated(by: 31) &* Self.multiplier2
        second = (second &+ word).rotated(by: 27) &* Self.multiplier1 ^ first
    }

    /// The finaliser of MurmurHash3's 64-bit variant.
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= multiplier1
        value ^= value >> 33
        value &*= multiplier2
        value ^= value >> 33
        return value
    }
}

extension UInt64 {
    fileprivate func rotated(by count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
