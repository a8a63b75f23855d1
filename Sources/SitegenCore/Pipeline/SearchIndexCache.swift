import Foundation

/// The search index files of the last build (`.sitegen-cache/<version>/search.pack`), kept
/// under the digest of everything they are made from (`PageFingerprints.listings`). Making the
/// index of 10k roles is a fifth of an incremental build, and an edit of a role's body does
/// not change it.
struct SearchIndexCache: Sendable {
    static let magic = "sitegen search pack 1\n"
    private static let key = "search"

    let url: URL

    init(siteRoot: URL) {
        url = MarkdownCache(siteRoot: siteRoot).folder.appendingPathComponent("search.pack")
    }

    /// The files stored for `listings`, if any.
    func files(for listings: Digest) -> [OutputFile]? {
        CachePack(contentsOf: url, magic: Self.magic).withPayload(Self.key, stamp: listings) { reader -> [OutputFile]? in
            let files = reader.list { OutputFile(path: $0.string(), text: $0.string()) }
            return files.isEmpty ? nil : files
        }
    }

    /// Stores the files made for `listings`.
    func save(_ files: [OutputFile], for listings: Digest) {
        var writer = ByteWriter()
        writer.write(files.count)
        for file in files {
            writer.write(file.path)
            writer.write(String(decoding: file.contents, as: UTF8.self))
        }
        CachePack.write([(Self.key, listings, writer.bytes)], to: url, magic: Self.magic)
    }
}
