import Foundation
import SitegenSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The site's cache folder, `<site>/.sitegen-cache/<version>/`, and the one owner of it: every
/// cache of a build is a pack in it (`CachePack`), named after what it holds. A pack is written
/// by and for one sitegen binary (its header says which), so a rebuilt sitegen starts afresh.
package struct CacheFolder: Sendable {
    /// The folder's name below the site root.
    package static let name = ".sitegen-cache"
    /// Bumped whenever the pack layout changes.
    package static let version = "7"

    /// `<site>/.sitegen-cache/<version>`.
    package let url: URL

    /// The cache folder of the site at `siteRoot`.
    package init(siteRoot: URL) {
        url = siteRoot.appendingPathComponent(Self.name).appendingPathComponent(Self.version)
    }

    /// The file of the pack called `name` (`markdown`, `content`, `files`, `pages-…`).
    package func packURL(_ name: String) -> URL { url.appendingPathComponent(name + ".pack") }

    /// The pack called `name`, as the last build left it (empty when there is none, or it was
    /// written by another sitegen).
    package func pack(_ name: String) -> CachePack { CachePack(contentsOf: packURL(name), header: Self.header(name)) }

    /// Stores `fresh` entries in the pack `name` by the one rule every cache follows
    /// (`CachePack.store`).
    package func store(_ name: String, previous: CachePack, fresh: [CachePack.Entry], live: Set<String>) {
        createIfNeeded()
        previous.store(fresh: fresh, live: live, to: packURL(name), header: Self.header(name))
    }

    /// Replaces the pack `name` with exactly `entries`.
    package func write(_ name: String, _ entries: [CachePack.Entry]) {
        createIfNeeded()
        CachePack.write(entries, to: packURL(name), header: Self.header(name))
    }

    /// The first line of a pack: what it is, the layout version and the binary that wrote it.
    static func header(_ name: String) -> String { "sitegen cache \(version) \(name) \(binary)\n" }

    private func createIfNeeded() {
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Folders of other layout versions are left from older sitegens.
        let parent = url.deletingLastPathComponent()
        for other in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where other != Self.version {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(other))
        }
    }

    /// sitegen's own binary (its size, modification time and inode), as the packs' headers
    /// name it: a rebuilt sitegen may parse or render differently, so it reuses nothing.
    package static let binary: Digest = {
        var hasher = DigestHasher()
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hasher.combine(Int(info.st_size))
            #if canImport(Glibc)
                hasher.combine(Int(info.st_mtim.tv_sec))
                hasher.combine(Int(info.st_mtim.tv_nsec))
            #endif
            hasher.combine(Int(info.st_ino))
        } else {
            hasher.combine(CommandLine.arguments.first ?? "")
        }
        return hasher.finalize()
    }()
}
