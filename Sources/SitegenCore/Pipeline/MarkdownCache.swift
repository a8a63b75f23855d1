import Foundation
import SitegenMarkdown

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rendered Markdown kept between builds in one pack file,
/// `<site>/.sitegen-cache/<format version>/markdown.pack`: each entry holds the whole request
/// it answers (text and options), the encoded response and a checksum, and is used only when
/// a request matches it byte for byte — a corrupt entry or one from another version is never
/// trusted. One file instead of one per document: creating thousands of small files cost
/// more than rendering them (BENCHMARKS.md).
struct MarkdownCache: Sendable {
    /// The cache folder of this sitegen version.
    let folder: URL

    /// Bumped whenever rendering or the pack layout could change for the same input.
    static let formatVersion = "sitegen-0.1.0-markdown-2"
    static let folderName = ".sitegen-cache"
    static let packName = "markdown.pack"
    private static let magic = Data("sitegen markdown pack 2\n".utf8)

    init(siteRoot: URL) {
        folder = siteRoot.appendingPathComponent(Self.folderName).appendingPathComponent(Self.formatVersion)
    }

    var packURL: URL { folder.appendingPathComponent(Self.packName) }

    /// The entries of the previous build (none when there is no usable pack).
    func load() -> Pack {
        guard let data = try? Data(contentsOf: packURL, options: .alwaysMapped), data.starts(with: Self.magic) else { return Pack(data: Data(), index: [:]) }
        var index: [UInt64: [Range<Int>]] = [:]
        var offset = data.startIndex + Self.magic.count
        while offset + 4 <= data.endIndex {
            let requestLength = Self.uint32(data, at: offset)
            let requestStart = offset + 4
            guard requestStart + requestLength + 4 <= data.endIndex else { break }
            let responseLength = Self.uint32(data, at: requestStart + requestLength) + 4
            let end = requestStart + requestLength + responseLength + 16
            guard end <= data.endIndex else { break }
            index[Self.fnv(data[requestStart..<(requestStart + requestLength)]).0, default: []].append(offset..<end)
            offset = end
        }
        return Pack(data: data, index: index)
    }

    /// The entries of one pack file, by a hash of their request.
    struct Pack: Sendable {
        let data: Data
        let index: [UInt64: [Range<Int>]]

        /// How many entries the pack holds.
        var count: Int { index.values.reduce(0) { $0 + $1.count } }

        /// The encoded response to exactly this request, if the pack has a valid one.
        func response(to request: Data) -> Data? {
            for entry in index[MarkdownCache.fnv(request).0] ?? [] {
                let requestLength = MarkdownCache.uint32(data, at: entry.lowerBound)
                let requestStart = entry.lowerBound + 4
                guard requestLength == request.count, data[requestStart..<(requestStart + requestLength)] == request else { continue }
                let body = data[requestStart..<(entry.upperBound - 16)]
                guard data[(entry.upperBound - 16)..<entry.upperBound].elementsEqual(MarkdownCache.checksum(body)) else { return nil }
                return Data(data[(requestStart + requestLength)..<(entry.upperBound - 16)])
            }
            return nil
        }

        /// The rendering stored for exactly this request, if there is a valid one.
        func lookup(_ request: Data) -> RenderedMarkdown? {
            guard let response = response(to: request), MarkdownWire.frameLength(response) == response.count - 4 else { return nil }
            return MarkdownWire.decodeResponse(response.dropFirst(4))
        }
    }

    /// Replaces the pack with these entries (request and encoded response), best effort: a
    /// cache that cannot be written only costs speed. Written to a temporary file and renamed,
    /// without `fsync`: a torn pack fails its checksums and is rendered again. Removes the
    /// folders of other cache versions.
    func save(_ entries: [(request: Data, response: Data)]) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.path + "/.\(Self.packName).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        var buffer = Self.magic
        var complete = true
        for (request, response) in entries {
            var length = UInt32(request.count).littleEndian
            let start = buffer.count
            withUnsafeBytes(of: &length) { buffer.append(contentsOf: $0) }
            buffer.append(request)
            buffer.append(response)
            buffer.append(Self.checksum(buffer[(start + 4)...]))
            if buffer.count >= 1 << 20 {
                complete = complete && Self.write(buffer, to: descriptor)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        complete = complete && Self.write(buffer, to: descriptor)
        if close(descriptor) != 0 { complete = false }
        if !complete || rename(temporary, packURL.path) != 0 { unlink(temporary) }
        let parent = folder.deletingLastPathComponent()
        for other in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where other != Self.formatVersion {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(other))
        }
    }

    // MARK: Helpers

    private static func write(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    fileprivate static func uint32(_ data: Data, at offset: Int) -> Int {
        (0..<4).reduce(0) { $0 | Int(data[offset + $1]) << (8 * $1) }
    }

    /// The 16-byte checksum stored after each entry, so a damaged entry is never used.
    static func checksum(_ data: Data) -> Data {
        let (first, second) = fnv(data)
        var bytes = Data()
        withUnsafeBytes(of: first.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: second.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Two 64-bit FNV-1a hashes with different offsets: an index key and a checksum, not a
    /// proof of identity (entries are verified against the full request).
    static func fnv(_ data: Data) -> (UInt64, UInt64) {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
                second = (second &* 0x100_0000_01b3) ^ UInt64(byte)
            }
        }
        return (first, second)
    }
}
