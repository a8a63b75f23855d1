import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One cache file of named entries: each has a key (a content path, an output path), a stamp
/// (the digest of what it was made from) and a payload, and is checksummed on its own. A
/// damaged entry, or a file from another format, is never trusted: lookups miss and the work
/// is done again. Used for parsed front matter and for the pages of the last build.
struct CachePack: Sendable {
    /// The bytes of the whole file, mapped (a lookup touches only its own entry's pages).
    private let bytes: Data
    /// Where each key's entry is: its stamp and the range of its payload.
    private let index: [String: (stamp: Digest, payload: Range<Int>, checksum: Int)]

    /// Entries replaced by later ones for the same key (appends): past the live count, it is
    /// time to write the pack afresh.
    let superseded: Int

    /// An empty pack.
    init() { self.init(bytes: Data(), index: [:], superseded: 0) }

    private init(bytes: Data, index: [String: (stamp: Digest, payload: Range<Int>, checksum: Int)], superseded: Int) {
        self.bytes = bytes
        self.index = index
        self.superseded = superseded
    }

    /// How many entries the pack holds.
    var count: Int { index.count }

    /// Every key.
    var keys: Dictionary<String, (stamp: Digest, payload: Range<Int>, checksum: Int)>.Keys { index.keys }

    /// Reads the pack at `url`; empty when there is none or it is not of this `magic`.
    init(contentsOf url: URL, magic: String) {
        let expected = Array(magic.utf8)
        guard let bytes = try? Data(contentsOf: url, options: .alwaysMapped), bytes.starts(with: expected) else {
            self.init()
            return
        }
        var index: [String: (stamp: Digest, payload: Range<Int>, checksum: Int)] = [:]
        var superseded = 0
        bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw, offset: expected.count)
            while !reader.isAtEnd {
                let key = reader.string()
                let stamp = reader.digest()
                let length = reader.int()
                let start = reader.offset
                _ = reader.bytes(length)
                _ = reader.digest()
                guard !reader.failed else { break }
                if index.updateValue((stamp, start..<(start + length), start + length), forKey: key) != nil { superseded += 1 }
            }
        }
        self.init(bytes: bytes, index: index, superseded: superseded)
    }

    /// The stamp recorded for `key`.
    func stamp(of key: String) -> Digest? { index[key]?.stamp }

    /// Calls `body` with the payload stored for `key` when its stamp is `stamp` and the entry
    /// is intact; nil otherwise.
    func withPayload<T>(_ key: String, stamp: Digest, _ body: (inout ByteReader) -> T?) -> T? {
        guard let entry = index[key], entry.stamp == stamp else { return nil }
        return bytes.withUnsafeBytes { raw -> T? in
            let payload = UnsafeRawBufferPointer(rebasing: raw[entry.payload])
            var stored = ByteReader(raw, offset: entry.checksum)
            guard Self.checksum(key, stamp, payload) == stored.digest() else { return nil }
            var reader = ByteReader(payload)
            let value = body(&reader)
            return reader.failed || !reader.isAtEnd ? nil : value
        }
    }

    /// Writes a pack with these entries, best effort (a cache that cannot be written only
    /// costs speed): to a temporary file, then renamed over the old one. Without `fsync`; a
    /// torn file fails its checksums.
    static func write(_ entries: [(key: String, stamp: Digest, payload: [UInt8])], to url: URL, magic: String) {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        var writer = ByteWriter()
        writer.write(Array(magic.utf8))
        for entry in entries { append(entry, to: &writer) }
        let temporary = url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).\(getpid()).tmp"
        let complete = FileManager.default.createFile(atPath: temporary, contents: Data(writer.bytes))
        if !complete || rename(temporary, url.path) != 0 { unlink(temporary) }
    }

    /// Adds entries at the end of the pack (a few changed files) instead of rewriting it; a
    /// later entry for a key wins, and a torn append loses only the torn entry.
    static func append(_ entries: [(key: String, stamp: Digest, payload: [UInt8])], to url: URL, magic: String) {
        let expected = Array(magic.utf8)
        guard let handle = FileHandle(forUpdatingAtPath: url.path), (try? handle.read(upToCount: expected.count)) == Data(expected) else {
            return write(entries, to: url, magic: magic)
        }
        defer { try? handle.close() }
        var writer = ByteWriter()
        for entry in entries { append(entry, to: &writer) }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(writer.bytes))
    }

    private static func append(_ entry: (key: String, stamp: Digest, payload: [UInt8]), to writer: inout ByteWriter) {
        writer.write(entry.key)
        writer.write(entry.stamp)
        writer.write(entry.payload.count)
        writer.write(entry.payload)
        writer.write(entry.payload.withUnsafeBytes { checksum(entry.key, entry.stamp, $0) })
    }

    private static func checksum(_ key: String, _ stamp: Digest, _ payload: UnsafeRawBufferPointer) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(key)
        hasher.combine(stamp)
        hasher.combine(payload)
        return hasher.finalize()
    }
}
