import SitegenContent
import SitegenRender
import SitegenSupport

/// What a successful build did.
public struct BuildReport: Sendable {
    /// HTML pages written.
    public var pageCount: Int
    /// All files written (pages, assets, sitemap…).
    public var fileCount: Int
    /// Warnings found on the way.
    public var warnings: [Diagnostic]
    /// The pages whose view was built and the files made from the site (the rest were known
    /// to be made from what the last build's were), in plan order.
    public var built: [String] = []
}

/// Receives progress as the pipeline moves through its named steps.
public protocol BuildProgress: Sendable {
    /// Step `index` of `count` has started.
    func stepStarted(_ index: Int, of count: Int, _ name: String)
    /// Of the items of step `index` (pages, documents), `done` of `total` are finished: told
    /// every tenth of a second while a long step runs, from a thread of its own.
    func stepAdvanced(_ index: Int, done: Int, of total: Int)
}

extension BuildProgress {
    /// By default, counts are not shown.
    public func stepAdvanced(_ index: Int, done: Int, of total: Int) {}
}
