import Dispatch
import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport
import Synchronization

/// One site built again and again by one process (`sitegen serve`), which keeps in memory
/// what its builds would otherwise read back from the cache folder or derive again: the
/// parsed files (`ResidentParses`), so a build after an edit reads only the files that
/// changed; the last resolved site (`ResolvedSites`), reused when only role bodies changed;
/// the plans of the page kinds that plan without role bodies (`KindPlans`); and values made
/// from a few reads of the site, such as the picker's role entries (`ReadMemo`); and the
/// digests of the last build's reads (`KeptReadDigests`). Each
/// build is an ordinary `BuildPipeline` build otherwise: it writes the same site, through
/// the same staging folder and exchange, with the same guarantees. The page manifest is
/// recorded after the build has returned, while the browser reloads; the next build waits
/// for it.
///
/// Builds must not overlap: the caller runs one at a time.
public final class BuildSession: Sendable {
    /// What a pipeline run by a session is given.
    struct Resident: Sendable {
        let parses: ResidentParses
        let resolved: ResolvedSites
        let plans: KindPlans
        let memo: ReadMemo
        let readDigests: KeptReadDigests
        /// Runs a build's last bookkeeping after the build has returned.
        let saveLater: @Sendable (@escaping @Sendable () -> Void) -> Void
    }

    /// The options of every build.
    public let options: BuildOptions
    private let parses = ResidentParses()
    private let resolved = ResolvedSites()
    private let plans = KindPlans()
    private let memo = ReadMemo()
    private let readDigests = KeptReadDigests()
    /// Where the manifest of the last build is recorded; serial, so waiting for it is `sync`.
    private let saving = DispatchQueue(label: "sitegen.session.saving")

    /// A session building with `options`.
    public init(options: BuildOptions) { self.options = options }

    /// Builds the site. `changed` are the paths (relative to the site root, `/`-separated) that
    /// changed since the last build, as a watcher saw them; nil when they are not known (the
    /// first build, or a watcher that lost events), so every file is read again.
    public func build(changed: [String]?, progress: (any BuildProgress)? = nil) throws(BuildFailure) -> BuildReport {
        saving.sync {}
        let content = ContentLoader.contentFolder + "/"
        if let changed, !changed.contains(SiteConfig.fileName), !changed.contains(ContentLoader.contentFolder) {
            parses.forget(changed.filter { $0.hasPrefix(content) }.map { String($0.dropFirst(content.count)) })
        } else {
            // Which language a path belongs to, and so what it parses to, is in `sitegen.yml`.
            parses.forgetAll()
        }
        var pipeline = BuildPipeline(options: options)
        pipeline.resident = Resident(parses: parses, resolved: resolved, plans: plans, memo: memo, readDigests: readDigests) { [saving] work in
            saving.async(execute: work)
        }
        return try pipeline.run(progress: progress)
    }

    /// Waits until the last build's bookkeeping is done.
    public func finish() { saving.sync {} }
}

/// The content a session's last build resolved, and what it resolved to: the next build's
/// content, when it differs from it only in role bodies, resolves to the same sites with the
/// new roles in place (`Site.reused(from:for:)`), with the same diagnostics.
final class ResolvedSites: Sendable {
    private struct Last: Sendable {
        var contents: [LoadedContent]
        var sites: [Site]
        var diagnostics: [Diagnostic]
    }

    private let last = Mutex<Last?>(nil)

    /// Each language's content resolved, as `BuildPipeline.resolve` does it.
    func resolve(_ contents: [LoadedContent]) -> ([Site]?, [Diagnostic]) {
        if let last = last.withLock({ $0 }), last.contents.count == contents.count {
            let reused = zip(last.sites, zip(last.contents, contents)).compactMap { site, pair in site.reused(from: pair.0, for: pair.1) }
            if reused.count == contents.count {
                self.last.withLock { $0 = Last(contents: contents, sites: reused, diagnostics: last.diagnostics) }
                return (reused, last.diagnostics)
            }
        }
        let (sites, diagnostics) = BuildPipeline.resolve(contents)
        last.withLock { $0 = sites.map { Last(contents: contents, sites: $0, diagnostics: diagnostics) } }
        return (sites, diagnostics)
    }
}

/// The last plan of each page kind that plans without role bodies (`PageKind.plansWithoutRoleBodies`),
/// by language and kind, with the key it was planned under (`LanguageSite.planKey`): at 10k
/// roles the comparison pages alone took 75 ms to plan again after a body edit.
final class KindPlans: Sendable {
    private let plans = Mutex<[String: (key: Digest, specs: [PageSpec])]>([:])

    /// The specs planned under `key` for `name`, or those `plan` makes (then kept).
    func specs(_ name: String, key: Digest, plan: () -> [PageSpec]) -> [PageSpec] {
        if let kept = plans.withLock({ $0[name] }), kept.key == key { return kept.specs }
        let specs = plan()
        plans.withLock { $0[name] = (key, specs) }
        return specs
    }
}
