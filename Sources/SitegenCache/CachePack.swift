import Foundation
import SitegenSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One cache file: a header line, then named entries. Each entry has a key (a content path,
/// an output path, a request's digest), a stamp (the digest of what it was made from) and a
/// payload, and is checksummed on its own. A damaged entry, or a file with another header
/// (another layout, another kind, another sitegen binary), is never trusted: lookups miss and
/// the work is done again. Every cache of sitegen is one of these packs.
package struct CachePack: Sendable {
    /// One entry to store.
    package typealias Entry = (key: String, stamp: Digest, payload: [UInt8])

    /// The bytes of the whole file, mapped (a lookup touches only its own entry's pages).
    private let bytes: Data
    /// Where each key's entry is: its stamp, the range of its payload and of its checksum.
    private let index: [Key: (stamp: Digest, payload: Range<Int>, checksum: Int)]
    /// Entries in the file, superseded ones (a later entry for the same key) included.
    package let entryCount: Int
    /// Whether the file reads to its end: entries appended after a torn one could not be read.
    package let isWhole: Bool

    /// An empty pack.
    package init() { self.init(bytes: Data(), index: [:], entryCount: 0, isWhole: false) }

    private init(bytes: Data, index: [Key: (stamp: Digest, payload: Range<Int>, checksum: Int)], entryCount: Int, isWhole: Bool) {
        self.bytes = bytes
        self.index = index
        self.entryCount = entryCount
        self.isWhole = isWhole
    }

    /// How many keys the pack holds.
    package var count: Int { index.count }

    /// Entries replaced by later ones for the same key.
    package var superseded: Int { entryCount - index.count }

    /// Every key.
    package var keys: [String] { index.keys.map(\.text) }

    /// Reads the pack at `url`; empty when there is none or its first line is not `header`.
    /// Only a regular file at least as long as the header is read: a FIFO would block the
    /// read, and Foundation's read of an empty file leaks its 4 KiB buffer.
    package init(contentsOf url: URL, header: String) {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= header.utf8.count,
            let bytes = try? Data(contentsOf: url, options: .alwaysMapped)
        else {
            self.init()
            return
        }
        self.init(bytes: bytes, header: header)
    }

    /// Reads a pack from its bytes (the whole file); empty when its first line is not `header`.
    /// Any bytes are read without trapping, in time and memory linear in their count: a torn
    /// or damaged entry ends the index there (`isWhole` is then false).
    package init(bytes: Data, header: String) {
        let expected = Array(header.utf8)
        guard bytes.starts(with: expected) else {
            self.init()
            return
        }
        var index: [Key: (stamp: Digest, payload: Range<Int>, checksum: Int)] = [:]
        var entries = 0
        var whole = true
        bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw, offset: expected.count)
            while !reader.isAtEnd {
                let key = reader.string()
                let stamp = reader.digest()
                let length = reader.int()
                let start = reader.offset
                _ = reader.bytes(length)
                _ = reader.digest()
                guard !reader.failed else {
                    whole = false
                    break
                }
                index[Key(key)] = (stamp, start..<(start + length), start + length)
                entries += 1
            }
        }
        self.init(bytes: bytes, index: index, entryCount: entries, isWhole: whole)
    }

    /// The stamp recorded for `key`.
    package func stamp(of key: String) -> Digest? { index[Key(key)]?.stamp }

    /// Calls `body` with the payload stored for `key` when its stamp is `stamp` and the entry
    /// is intact; nil otherwise, or when `body` does not read the payload exactly.
    package func withPayload<T>(_ key: String, stamp: Digest, _ body: (inout ByteReader) -> T?) -> T? {
        guard let entry = index[Key(key)], entry.stamp == stamp else { return nil }
        return bytes.withUnsafeBytes { raw -> T? in
            let payload = UnsafeRawBufferPointer(rebasing: raw[entry.payload])
            var stored = ByteReader(raw, offset: entry.checksum)
            guard Self.checksum(key, stamp, payload) == stored.digest() else { return nil }
            var reader = ByteReader(payload)
            let value = body(&reader)
            return reader.failed || !reader.isAtEnd ? nil : value
        }
    }

    /// The payload stored for `key` under `stamp`, if the entry is intact.
    package func payload(_ key: String, stamp: Digest) -> [UInt8]? {
        withPayload(key, stamp: stamp) { reader in Array(reader.bytes(reader.remaining)) }
    }

    /// Stores this build's entries by the one rule of every cache: the `fresh` entries are
    /// appended, unless the file would then hold more than twice as many entries as the build
    /// uses (`live`, fresh ones included) — then it is written afresh with only the live
    /// ones. So a pack never grows past about twice its live entries, whatever the edits.
    /// Best effort: a cache that cannot be written only costs speed.
    package func store(fresh: [Entry], live: Set<String>, to url: URL, header: String) {
        let floor = 16
        if isWhole, count > 0, entryCount + fresh.count <= max(2 * live.count, floor) {
            if !fresh.isEmpty { Self.append(fresh, to: url, header: header) }
            return
        }
        var kept: [Entry] = []
        let freshKeys = Set(fresh.map { Key($0.key) })
        for key in live.sorted() where !freshKeys.contains(Key(key)) {
            guard let stamp = stamp(of: key), let payload = payload(key, stamp: stamp) else { continue }
            kept.append((key, stamp, payload))
        }
        Self.write(kept + fresh, to: url, header: header)
    }

    /// Writes a pack with these entries: to a temporary file, then renamed over the old one.
    /// Without `fsync`; a torn file fails its checksums.
    /// Entries are written a megabyte at a time, so the pack never sits in memory whole (the
    /// Markdown pack of 10k roles is 37 MB).
    package static func write(_ entries: [Entry], to url: URL, header: String) {
        let temporary = url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var writer = ByteWriter()
        writer.write(Array(header.utf8))
        var complete = true
        for entry in entries {
            append(entry, to: &writer)
            if writer.bytes.count >= 1 << 20 {
                complete = complete && writeAll(writer.bytes, to: descriptor)
                writer = ByteWriter()
            }
        }
        complete = complete && writeAll(writer.bytes, to: descriptor)
        if close(descriptor) != 0 || !complete || rename(temporary, url.path) != 0 { unlink(temporary) }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    /// Adds entries at the end of the pack; a later entry for a key wins, and a torn append
    /// loses only the torn entry.
    package static func append(_ entries: [Entry], to url: URL, header: String) {
        let expected = Array(header.utf8)
        guard let handle = FileHandle(forUpdatingAtPath: url.path), (try? handle.read(upToCount: expected.count)) == Data(expected) else {
            return write(entries, to: url, header: header)
        }
        defer { try? handle.close() }
        var writer = ByteWriter()
        for entry in entries { append(entry, to: &writer) }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(writer.bytes))
    }

    private static func append(_ entry: Entry, to writer: inout ByteWriter) {
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
