import Foundation
import SitegenCache
import SitegenContent
import SitegenMarkdown
import SitegenRender
import SitegenSupport

/// Rendered Markdown kept between builds in the `markdown` pack of the cache folder: each
/// entry is keyed by the digest of the request it answers (the Markdown text's digest and the
/// options) and holds the encoded response, so it is used only for exactly that request.
struct MarkdownCache: Sendable {
    static let packName = "markdown"

    let folder: CacheFolder
    let pack: CachePack

    /// The cache of the site at `siteRoot`, as the last build left it.
    init(siteRoot: URL) {
        folder = CacheFolder(siteRoot: siteRoot)
        pack = folder.pack(Self.packName)
    }

    /// How many renderings the pack holds.
    var count: Int { pack.count }

    /// The key of a request: the digest of its text's digest and its options.
    static func key(textDigest: Digest, options: MarkdownOptions) -> Digest {
        key(textDigest: textDigest, documentPath: options.documentPath, otherOptions: otherOptionsDigest(options))
    }

    /// The key of a request from its text's digest, its document's path and the digest of its
    /// other options (`otherOptionsDigest`, the same for every document of a build).
    static func key(textDigest: Digest, documentPath: String, otherOptions: Digest) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(textDigest)
        hasher.combine(documentPath)
        hasher.combine(otherOptions)
        return hasher.finalize()
    }

    /// The digest of a request's options but its document's path.
    static func otherOptionsDigest(_ options: MarkdownOptions) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(options.smartPunctuation ? 1 : 0)
        hasher.combine(options.reservedIDs.sorted())
        return hasher.finalize()
    }

    /// The key of the request to render `text` with `options`.
    static func key(text: String, options: MarkdownOptions) -> Digest { key(textDigest: Digest.of(Array(text.utf8)), options: options) }

    /// The encoded response stored under a request's key, if the entry is intact.
    func response(forKey key: Digest) -> Data? { pack.payload(key.description, stamp: key).map { Data($0) } }

    /// The rendering stored for exactly this request, if there is a valid one.
    func lookup(key: Digest) -> RenderedMarkdown? {
        guard let response = response(forKey: key), MarkdownWire.frameLength(response) == response.count - 4 else { return nil }
        return MarkdownWire.decodeResponse(response.dropFirst(4))
    }

    /// Stores this build's fresh renderings; `live` are the keys of every document the build
    /// rendered or took from the pack.
    func store(fresh: [(key: Digest, response: [UInt8])], live: [Digest]) {
        folder.store(Self.packName, previous: pack, fresh: fresh.map { ($0.key.description, $0.key, $0.response) }, live: Set(live.map(\.description)))
    }
}
