import Foundation
import SitegenCache
import SitegenContent
import SitegenRender
import SitegenSupport

/// Parsed front matter kept between builds in the `content` pack of the cache folder, handed
/// to the content loader as a `ParseMemo`.
enum ContentCache {
    static let packName = "content"

    /// The memo of the site at `siteRoot`, as the last build left it, with the parses a
    /// resident build keeps in memory (`resident`).
    static func memo(siteRoot: URL, resident: ResidentParses? = nil) -> ParseMemo {
        let folder = CacheFolder(siteRoot: siteRoot)
        let pack = folder.pack(packName)
        return ParseMemo(
            recall: { path, stamp, decode in pack.withPayload(path, stamp: stamp, decode) },
            keep: { fresh, live in folder.store(packName, previous: pack, fresh: fresh, live: live) }, resident: resident)
    }
}
