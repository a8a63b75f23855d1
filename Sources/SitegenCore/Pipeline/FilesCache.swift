import Foundation
import SitegenCache
import SitegenContent
import SitegenRender
import SitegenSupport

/// Small values made from the whole site, kept between builds in the `files-<slot>` packs of
/// the cache folder: how many files of each kind the search index has, so that a warm build
/// plans the index's files without making it.
struct FilesCache: Sendable {
    let folder: CacheFolder

    init(siteRoot: URL) { folder = CacheFolder(siteRoot: siteRoot) }

    /// The bytes stored in `slot` under `key` (and the site's inputs, the binary among them),
    /// or those `make` gives (which are then stored).
    func bytes(slot: String, key: Digest, site: Digest, make: () -> [UInt8]) -> [UInt8] {
        var hasher = DigestHasher()
        hasher.combine(key)
        hasher.combine(site)
        let stamp = hasher.finalize()
        let pack = "files-\(slot)"
        if let stored = folder.pack(pack).payload(slot, stamp: stamp) { return stored }
        let bytes = make()
        folder.write(pack, [(slot, stamp, bytes)])
        return bytes
    }
}
