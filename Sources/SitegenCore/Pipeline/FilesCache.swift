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

    /// The bytes stored in `slot` under `key`, or those `make` gives (which are then stored).
    /// `key` is the digest of everything the bytes are made from but the binary, which the
    /// pack's header names (`CacheFolder.header`).
    func bytes(slot: String, key stamp: Digest, make: () -> [UInt8]) -> [UInt8] {
        let pack = "files-\(slot)"
        if let stored = folder.pack(pack).payload(slot, stamp: stamp) { return stored }
        let bytes = make()
        folder.write(pack, [(slot, stamp, bytes)])
        return bytes
    }
}
