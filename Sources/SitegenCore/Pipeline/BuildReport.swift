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
}

/// Receives progress as the pipeline moves through its named steps.
public protocol BuildProgress: Sendable {
    /// Step `index` of `count` has started.
    func stepStarted(_ index: Int, of count: Int, _ name: String)
}
