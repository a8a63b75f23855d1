import Foundation
import SitegenMarkdown

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rendered Markdown kept between builds in one pack file,
/// `<site>/.sitegen-cache/<format version>/markdown.pack`: each entry holds the 128-bit digest
/// of the request it answers (the Markdown text and the options), the encoded response and a
/// checksum, and is used only for a request with that digest — a corrupt entry or one from
/// another version is never trusted. One file instead of one per document: creating
/// thousands of small files cost more than rendering them (BENCHMARKS.md).
struct MarkdownCache: Sendable {
    /// The cache folder of this sitegen version.
    let folder: URL

    /// Bumped whenever rendering or the pack layout could change for the same input.
    static let formatVersion = "sitegen-0.1.0-markdown-5"
    static let folderName = ".sitegen-cache"
    static let packName = "markdown.pack"
    private static let magic = Data("sitegen markdown pack 5\n".utf8)

    init(siteRoot: URL) {
        folder = siteRoot.appendingPathComponent(Self.folderName).appendingPathComponent(Self.formatVersion)
    }

    var packURL: URL { folder.appendingPathComponent(Self.packName) }

    /// The entries of the previous build (none when there is no usable pack). An entry is the
    /// request's digest (the key), the framed response (a 4-byte length first) and a checksum
    /// of both, so indexing the pack reads only the entry headers.
    func load() -> Pack {
        guard let data = try? Data(contentsOf: packURL, options: .alwaysMapped), data.starts(with: Self.magic) else { return Pack(data: Data(), index: [:]) }
        var index: [Digest: Range<Int>] = [:]
        var offset = data.startIndex + Self.magic.count
        while offset + 20 <= data.endIndex {
            let end = offset + 16 + Self.uint32(data, at: offset + 16) + 4 + 16
            guard end <= data.endIndex else { break }
            // A later entry for the same request (appended by an incremental build) wins.
            index[Self.digest(data, at: offset)] = offset..<end
            offset = end
        }
        return Pack(data: data, index: index)
    }

    /// The key of a request: the digest of its encoded text and options.
    static func key(_ request: Data) -> Digest { Digest.of(request) }

    /// The entries of one pack file, by the digest of their request.
    struct Pack: Sendable {
        let data: Data
        let index: [Digest: Range<Int>]

        /// How many entries the pack holds.
        var count: Int { index.count }

        /// The encoded response to exactly this request, if the pack has a valid one.
        func response(to request: Data) -> Data? { response(forKey: MarkdownCache.key(request)) }

        /// The encoded response stored under a request's key, if the entry is intact.
        func response(forKey key: Digest) -> Data? {
            guard let entry = index[key] else { return nil }
            let body = data[entry.lowerBound..<(entry.upperBound - 16)]
            guard MarkdownCache.digest(data, at: entry.upperBound - 16) == MarkdownCache.checksum(body) else { return nil }
            return Data(data[(entry.lowerBound + 16)..<(entry.upperBound - 16)])
        }

        /// The rendering stored for exactly this request, if there is a valid one.
        func lookup(_ request: Data) -> RenderedMarkdown? {
            guard let response = response(to: request), MarkdownWire.frameLength(response) == response.count - 4 else { return nil }
            return MarkdownWire.decodeResponse(response.dropFirst(4))
        }
    }

    /// Replaces the pack with these entries (request key and encoded response), best effort: a
    /// cache that cannot be written only costs speed. Written to a temporary file and renamed,
    /// without `fsync`: a torn pack fails its checksums and is rendered again. Removes the
    /// folders of other cache versions.
    func save(_ entries: [(key: Digest, response: Data)]) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.path + "/.\(Self.packName).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let complete = writeFully(Self.magic, to: descriptor) && writeEntries(entries, to: descriptor)
        if close(descriptor) != 0 || !complete || rename(temporary, packURL.path) != 0 { unlink(temporary) }
        let parent = folder.deletingLastPathComponent()
        for other in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where other != Self.formatVersion {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(other))
        }
    }

    /// Adds entries at the end of the pack (an incremental build's few new documents) instead
    /// of rewriting it; later entries win. A torn append loses only the torn entry.
    func append(_ entries: [(key: Digest, response: Data)]) {
        guard FileManager.default.fileExists(atPath: packURL.path) else { return save(entries) }
        let descriptor = open(packURL.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = writeEntries(entries, to: descriptor)
        close(descriptor)
    }

    private func writeEntries(_ entries: [(key: Digest, response: Data)], to descriptor: Int32) -> Bool {
        var buffer = Data()
        var complete = true
        for (key, response) in entries {
            // The request (the whole Markdown text) is not stored, only its 128-bit digest: half
            // the pack, which every build reads and a cold build writes.
            let start = buffer.count
            Self.append(key, to: &buffer)
            buffer.append(response)
            Self.append(Self.checksum(buffer[start...]), to: &buffer)
            if buffer.count >= 1 << 20 {
                complete = complete && writeFully(buffer, to: descriptor)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        return complete && writeFully(buffer, to: descriptor)
    }

    // MARK: Helpers

    fileprivate static func uint32(_ data: Data, at offset: Int) -> Int {
        (0..<4).reduce(0) { $0 | Int(data[offset + $1]) << (8 * $1) }
    }

    /// The checksum stored after each entry, so a damaged entry is never used.
    static func checksum(_ data: Data) -> Digest {
        data.withUnsafeBytes { Digest.of($0) }
    }

    fileprivate static func digest(_ data: Data, at offset: Int) -> Digest {
        let word = { (start: Int) in (0..<8).reduce(UInt64(0)) { $0 | UInt64(data[start + $1]) << (8 * UInt64($1)) } }
        return Digest(high: word(offset), low: word(offset + 8))
    }

    private static func append(_ digest: Digest, to data: inout Data) {
        withUnsafeBytes(of: digest.high.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: digest.low.littleEndian) { data.append(contentsOf: $0) }
    }
}
