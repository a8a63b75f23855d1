import Foundation

/// Parsed front matter kept between builds (`.sitegen-cache/<version>/content.pack`): the
/// result of parsing each Markdown file, stamped with the digest of the file's bytes and of
/// the path it is shown as. A file whose stamp is unchanged is not parsed again; at 10k roles
/// parsing YAML was four fifths of loading.
final class ContentCache: Sendable {
    static let fileName = "content.pack"
    /// Bumped whenever parsing or `ParsedFile+Coding` changes.
    static let magic = "sitegen content pack 2\n"

    let url: URL
    private let previous: CachePack

    /// Opens the cache of the site at `siteRoot`.
    init(siteRoot: URL) {
        url = MarkdownCache(siteRoot: siteRoot).folder.appendingPathComponent(Self.fileName)
        previous = CachePack(contentsOf: url, magic: Self.magic)
    }

    /// How many files the previous build cached.
    var count: Int { previous.count }

    /// Whether appended entries have piled up enough to write the cache afresh.
    var needsCompacting: Bool { previous.superseded > max(previous.count, 100) }

    /// The parse of `path` when its bytes (stamp) are unchanged; `bytes` are the file's.
    func lookup(_ path: String, stamp: Digest, bytes: [UInt8]) -> (file: ContentLoader.ParsedFile?, diagnostics: [Diagnostic])? {
        previous.withPayload(path, stamp: stamp) { reader -> (ContentLoader.ParsedFile?, [Diagnostic])? in
            let bodyLength = reader.int()
            var file: ContentLoader.ParsedFile?
            if reader.bool() {
                guard let parsed = ContentLoader.ParsedFile.read(from: &reader) else { return nil }
                file = parsed
            }
            if bodyLength >= 0 {
                guard bodyLength <= bytes.count else { return nil }
                file = file?.withBody(String(decoding: bytes[(bytes.count - bodyLength)...], as: UTF8.self))
            }
            return (file, reader.list { Diagnostic.read(from: &$0) })
        }
    }

    /// The stored bytes of an unchanged entry, to carry it into the new pack.
    func payload(_ path: String, stamp: Digest) -> [UInt8]? {
        previous.withPayload(path, stamp: stamp) { reader in Array(reader.bytes(reader.remaining)) }
    }

    /// The cache entry of one parse of a file with these bytes. The body, when it is the end
    /// of the file (as it always is but for a byte order mark or odd line ends), is not
    /// stored: it is taken from the file, which is read anyway to compute its stamp.
    static func encode(_ file: ContentLoader.ParsedFile?, _ diagnostics: [Diagnostic], bytes: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        var body = file?.body ?? ""
        let bodyIsTail =
            file != nil
            && body.withUTF8 { tail in
                bytes.count >= tail.count
                    && bytes.withUnsafeBufferPointer { all in
                        tail.isEmpty || memcmp(all.baseAddress! + (all.count - tail.count), tail.baseAddress!, tail.count) == 0
                    }
            }
        writer.write(bodyIsTail ? body.utf8.count : -1)
        writer.write(file != nil)
        (bodyIsTail ? file?.withBody("") : file)?.write(to: &writer)
        writer.write(diagnostics.count)
        for diagnostic in diagnostics { diagnostic.write(to: &writer) }
        return writer.bytes
    }

    /// Replaces the cache with these entries.
    func save(_ entries: [(key: String, stamp: Digest, payload: [UInt8])]) {
        CachePack.write(entries, to: url, magic: Self.magic)
    }

    /// Adds entries for files parsed afresh, keeping the others.
    func append(_ entries: [(key: String, stamp: Digest, payload: [UInt8])]) {
        CachePack.append(entries, to: url, magic: Self.magic)
    }
}
