import SitegenSupport
import Synchronization

/// Values made from a site, kept by one process between its builds (`sitegen serve`) under
/// what making each one read of the site (`SiteRead`): a value whose reads digest on the new
/// site as they did is kept, and one whose reads changed is made again, so a role's new title
/// makes again only the values that show that role. What a value is made from besides the
/// site's roles (its settings, its schema, the words, the binary) is the frame
/// (`begin(frame:)`): a new frame forgets every value. A value of another type than the one
/// asked for under its name is made again.
package final class ReadMemo: Sendable {
    private struct Kept: Sendable {
        var value: any Sendable
        var reads: [SiteRead]
        var digests: [Digest]
    }

    private let state = Mutex<(frame: Digest, kept: [String: Kept])>((.zero, [:]))

    package init() {}

    /// Starts a build on a site with this frame: unless it is the last build's, nothing kept
    /// is used again.
    package func begin(frame: Digest) {
        state.withLock { state in if state.frame != frame { state = (frame, [:]) } }
    }

    /// The value named `name`, kept or made by `make` from `site` (which it must read only
    /// through the site's accessors, so that what it reads is noted). The reads are noted on
    /// `site`'s own log too, when it has one.
    package func value<Value: Sendable>(_ name: String, on site: Site, make: (Site) -> Value) -> Value {
        if let kept = state.withLock({ $0.kept[name] }), let value = kept.value as? Value,
            zip(kept.reads, kept.digests).allSatisfy({ site.digest(of: $0) == $1 })
        {
            for read in kept.reads { site.reads?.note(read) }
            return value
        }
        let log = SiteReads()
        var logged = site
        logged.reads = log
        let value = make(logged)
        let reads = Array(log.all)
        for read in reads { site.reads?.note(read) }
        let kept = Kept(value: value, reads: reads, digests: reads.map { site.digest(of: $0) })
        state.withLock { $0.kept[name] = kept }
        return value
    }
}
