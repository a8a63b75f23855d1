/// A 128-bit digest of bytes: how the caches tell "the same input" from "changed", and what a
/// page's fingerprint is. It is SipHash-2-4 with its 128-bit output (Aumasson and Bernstein;
/// checked against the reference implementation's published test vectors) under a fixed key:
/// not a secret, only a well-studied mix whose accidental collisions are negligible.
package struct Digest: Hashable, Sendable, CustomStringConvertible {
    /// The first 8 bytes of the output, as a little-endian number.
    package var high: UInt64
    /// The last 8 bytes of the output, as a little-endian number.
    package var low: UInt64

    /// Creates a digest from its two halves.
    package init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// All zeros: the digest of nothing known.
    package static let zero = Digest(high: 0, low: 0)

    /// 32 hex digits.
    package var description: String {
        let hex = { (value: UInt64) in
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(high) + hex(low)
    }

    /// The 16 output bytes, in SipHash's order.
    package var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: low >> (8 * $0)) }
    }

    /// The digest of one run of bytes.
    package static func of(_ bytes: UnsafeRawBufferPointer) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(bytes)
        return hasher.finalize()
    }

    /// The digest of a byte array.
    package static func of(_ bytes: [UInt8]) -> Digest { bytes.withUnsafeBytes { of($0) } }

    /// The digest of a text's UTF-8 bytes.
    package static func of(text: String) -> Digest {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// A fresh random digest (the token of one build's output).
    package static func random() -> Digest { Digest(high: .random(in: .min ... .max), low: .random(in: .min ... .max)) }
}

/// Feeds values into a `Digest`: a streaming SipHash-2-4-128. Every value `combine` takes is
/// length-prefixed or fixed-size, so `("ab", "c")` and `("a", "bc")` differ.
package struct DigestHasher {
    private var v0: UInt64
    private var v1: UInt64
    private var v2: UInt64
    private var v3: UInt64
    /// Bytes not yet making up a whole 8-byte word, low byte first.
    private var tail: UInt64 = 0
    private var tailCount: UInt64 = 0
    private var length: UInt64 = 0

    /// The fixed key: "sitegen digest 1".
    package static let defaultKey: (UInt64, UInt64) = (0x6567_6574_6973_2067, 0x3120_7473_6567_6964)

    /// A hasher with sitegen's fixed key.
    package init() { self.init(key: Self.defaultKey) }

    /// A hasher with the key `(k0, k1)` (the two little-endian halves of the 16 key bytes).
    package init(key: (UInt64, UInt64)) {
        v0 = key.0 ^ 0x736f_6d65_7073_6575
        v1 = key.1 ^ 0x646f_7261_6e64_6f6d ^ 0xee
        v2 = key.0 ^ 0x6c79_6765_6e65_7261
        v3 = key.1 ^ 0x7465_6462_7974_6573
    }

    /// Mixes raw bytes (without a length prefix).
    package mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        length &+= UInt64(count)
        var offset = 0
        if tailCount > 0 {
            let taken = min(Int(8 - tailCount), count)
            tail |= Self.load(bytes, from: 0, count: taken) << (8 * tailCount)
            tailCount += UInt64(taken)
            offset = taken
            guard tailCount == 8 else { return }
            compress(tail)
            tail = 0
            tailCount = 0
        }
        while offset + 8 <= count {
            compress(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        if offset < count {
            tail = Self.load(bytes, from: offset, count: count - offset)
            tailCount = UInt64(count - offset)
        }
    }

    /// Mixes eight bytes, the little-endian bytes of `word`.
    private mutating func combine(word: UInt64) {
        length &+= 8
        if tailCount == 0 {
            compress(word)
        } else {
            compress(tail | (word << (8 * tailCount)))
            tail = word >> (64 - 8 * tailCount)
        }
    }

    /// Up to eight bytes as a little-endian number.
    private static func load(_ bytes: UnsafeRawBufferPointer, from offset: Int, count: Int) -> UInt64 {
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        return word
    }

    /// Mixes a string's UTF-8 bytes, after its length.
    package mutating func combine(_ text: String) {
        var text = text
        combine(text.utf8.count)
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
    }

    /// Mixes an optional string, distinguishing nil from "".
    package mutating func combine(_ text: String?) {
        combine(text == nil ? 0 : 1)
        if let text { combine(text) }
    }

    /// Mixes an integer (8 bytes, little-endian).
    package mutating func combine(_ value: Int) { combine(word: UInt64(bitPattern: Int64(value))) }

    /// Mixes another digest.
    package mutating func combine(_ digest: Digest) {
        combine(word: digest.high)
        combine(word: digest.low)
    }

    /// Mixes a list of strings, after their count.
    package mutating func combine(_ texts: [String]) {
        combine(texts.count)
        for text in texts { combine(text) }
    }

    /// The digest of everything combined.
    package func finalize() -> Digest {
        var copy = self
        copy.compress(((length & 0xff) << 56) | tail)
        copy.v2 ^= 0xee
        for _ in 0..<4 { copy.round() }
        let first = copy.v0 ^ copy.v1 ^ copy.v2 ^ copy.v3
        copy.v1 ^= 0xdd
        for _ in 0..<4 { copy.round() }
        let second = copy.v0 ^ copy.v1 ^ copy.v2 ^ copy.v3
        return Digest(high: first, low: second)
    }

    private mutating func compress(_ word: UInt64) {
        v3 ^= word
        round()
        round()
        v0 ^= word
    }

    private mutating func round() {
        v0 &+= v1
        v1 = v1.rotated(13) ^ v0
        v0 = v0.rotated(32)
        v2 &+= v3
        v3 = v3.rotated(16) ^ v2
        v0 &+= v3
        v3 = v3.rotated(21) ^ v0
        v2 &+= v1
        v1 = v1.rotated(17) ^ v2
        v2 = v2.rotated(32)
    }
}

extension UInt64 {
    fileprivate func rotated(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
