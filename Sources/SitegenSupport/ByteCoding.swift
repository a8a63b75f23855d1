import Foundation

/// Appends values to a byte buffer in the caches' one binary layout: little-endian integers,
/// length-prefixed UTF-8 strings. Codable through JSON was tried for the parsed-content cache
/// and cost more than parsing the YAML again.
package struct ByteWriter {
    /// What was written so far.
    package private(set) var bytes: [UInt8] = []

    /// An empty writer.
    package init() {}

    package mutating func write(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    package mutating func write(_ text: String) {
        write(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    package mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    package mutating func write(_ texts: [String]) {
        write(texts.count)
        for text in texts { write(text) }
    }

    package mutating func write(_ digest: Digest) {
        withUnsafeBytes(of: digest.high.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: digest.low.littleEndian) { bytes.append(contentsOf: $0) }
    }

    package mutating func write(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    /// A count, then numbers below 2³² in 4 bytes each (indexes into a table written before).
    package mutating func write(indexes: [Int]) {
        write(indexes.count)
        for index in indexes {
            let value = UInt32(truncatingIfNeeded: index)
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
        }
    }
}

/// Reads what `ByteWriter` wrote. Every read is bounds-checked; past the end, or on a length
/// that does not fit, the reader fails and stays failed, so a damaged file decodes to nil
/// instead of to garbage.
package struct ByteReader {
    private let bytes: UnsafeRawBufferPointer
    package private(set) var offset: Int
    package private(set) var failed = false

    package init(_ bytes: UnsafeRawBufferPointer, offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    package var isAtEnd: Bool { offset >= bytes.count }

    /// Bytes left to read.
    package var remaining: Int { bytes.count - offset }

    package mutating func int() -> Int {
        guard !failed, offset + 8 <= bytes.count else { return fail(0) }
        let value = Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        offset += 8
        return Int(value)
    }

    package mutating func bool() -> Bool {
        guard !failed, offset < bytes.count, bytes[offset] <= 1 else { return fail(false) }
        offset += 1
        return bytes[offset - 1] == 1
    }

    package mutating func string() -> String {
        let count = int()
        guard !failed, count >= 0, count <= bytes.count - offset else { return fail("") }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + count)]), as: UTF8.self)
        offset += count
        return text
    }

    package mutating func optionalString() -> String? { bool() ? string() : nil }

    package mutating func strings() -> [String] { list { $0.string() } }

    /// A count, then that many elements read by `element`.
    package mutating func list<T>(_ element: (inout ByteReader) -> T) -> [T] {
        let count = int()
        // Every element takes at least one byte, so a larger count is damage.
        guard !failed, count >= 0, count <= bytes.count - offset else { return fail([]) }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count where !failed { items.append(element(&self)) }
        return items
    }

    /// What `write(indexes:)` wrote.
    package mutating func indexes() -> [Int] {
        let count = int()
        guard !failed, count >= 0, count <= (bytes.count - offset) / 4 else { return fail([]) }
        let values = (0..<count).map { Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4 * $0, as: UInt32.self))) }
        offset += 4 * count
        return values
    }

    package mutating func digest() -> Digest {
        guard !failed, offset + 16 <= bytes.count else { return fail(.zero) }
        let high = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let low = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
        offset += 16
        return Digest(high: high, low: low)
    }

    /// The next `count` bytes, without copying.
    package mutating func bytes(_ count: Int) -> UnsafeRawBufferPointer {
        guard !failed, count >= 0, count <= bytes.count - offset else { return fail(UnsafeRawBufferPointer(start: nil, count: 0)) }
        offset += count
        return UnsafeRawBufferPointer(rebasing: bytes[(offset - count)..<offset])
    }

    private mutating func fail<T>(_ value: T) -> T {
        failed = true
        return value
    }
}
