import Foundation
import SitegenMarkdown

#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Rendered Markdown kept between builds in `<site>/.sitegen-cache/`, one file per document,
/// named by a hash of the sitegen version, the options and the text. Each entry stores the
/// whole request it answers and is used only when that request matches byte for byte, so a
/// hash collision, a corrupt file or an entry from another version is never trusted.
struct MarkdownCache: Sendable {
    /// The cache folder of this sitegen version.
    let folder: URL

    /// Bumped whenever rendering could change for the same input.
    static let formatVersion = "sitegen-0.1.0-markdown-1"
    static let folderName = ".sitegen-cache"

    init(siteRoot: URL) {
        folder = siteRoot.appendingPathComponent(Self.folderName).appendingPathComponent(Self.formatVersion)
    }

    /// The cached rendering of a request, if there is a valid one.
    func lookup(_ request: Data) -> RenderedMarkdown? {
        guard let stored = FileManager.default.contents(atPath: url(for: request).path), stored.count > request.count + 16,
            stored.prefix(request.count) == request
        else { return nil }
        let response = stored.dropFirst(request.count).dropLast(16)
        guard Data(stored.suffix(16)) == Self.checksum(response), MarkdownWire.frameLength(response) == response.count - 4 else { return nil }
        return MarkdownWire.decodeResponse(response.dropFirst(4))
    }

    /// Stores a rendering (best effort: a cache that cannot be written only costs speed).
    ///
    /// Written to a temporary file and renamed into place, without `fsync`: a cache needs no
    /// durability, and an entry torn by a crash fails its checksum and is rendered again.
    func store(_ request: Data, _ rendered: RenderedMarkdown) {
        let name = Self.hash(request)
        let target = folder.path + "/" + name + Self.entrySuffix
        // Unique per process and call, so two threads storing the same document never share one.
        let temporary = folder.path + "/.\(name).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp"
        var entry = request
        let response = MarkdownWire.encodeResponse(rendered)
        entry.append(response)
        entry.append(Self.checksum(response))
        var written = Self.write(entry, toNewFile: temporary)
        if !written {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            written = Self.write(entry, toNewFile: temporary)
        }
        if !written || rename(temporary, target) != 0 { unlink(temporary) }
    }

    /// Creates `path` and writes `data` to it; false (with no file left) when that failed.
    private static func write(_ data: Data, toNewFile path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var complete = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        if close(descriptor) != 0 { complete = false }
        if !complete { unlink(path) }
        return complete
    }

    /// Removes entries this build did not use, and folders of other cache versions.
    func prune(keeping requests: [Data]) {
        let keep = Set(requests.map { url(for: $0).lastPathComponent })
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] where !keep.contains(entry) {
            try? manager.removeItem(at: folder.appendingPathComponent(entry))
        }
        let parent = folder.deletingLastPathComponent()
        for other in (try? manager.contentsOfDirectory(atPath: parent.path)) ?? [] where other != Self.formatVersion {
            try? manager.removeItem(at: parent.appendingPathComponent(other))
        }
    }

    private func url(for request: Data) -> URL {
        folder.appendingPathComponent(Self.hash(request) + Self.entrySuffix)
    }

    private static let entrySuffix = ".md-cache"

    /// The 16-byte checksum stored after a response, so a damaged entry is never used.
    static func checksum(_ data: Data) -> Data {
        let (first, second) = fnv(data)
        var bytes = Data()
        withUnsafeBytes(of: first.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: second.littleEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Two 64-bit FNV-1a hashes with different offsets, as hex: a file name, not a proof of
    /// identity (entries are verified against the full request).
    static func hash(_ data: Data) -> String {
        let (first, second) = fnv(data)
        return String(first, radix: 16) + String(second, radix: 16)
    }

    private static func fnv(_ data: Data) -> (UInt64, UInt64) {
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
