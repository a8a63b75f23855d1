import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

/// Everything a build needs to know, passed in (never read from globals).
public struct BuildOptions: Sendable {
    /// The site root (holds `sitegen.yml`, `Content/`, `Templates/`).
    public var source: URL
    /// Where the site is written.
    public var output: URL
    /// Overrides `base_url` from `sitegen.yml`.
    public var baseURL: String?
    /// Include pages marked `draft: true`.
    public var includeDrafts: Bool
    /// Check every internal link and anchor after rendering.
    public var checkLinks: Bool
    /// How paths under the site root are shown in diagnostics (`""` when it is the current folder).
    public var displayPrefix: String
    /// Treat warnings as errors.
    public var strict = false
    /// Render Markdown in isolated worker processes (nil: in this process, serialised
    /// around cmark-gfm's global state).
    public var markdownWorkers: MarkdownWorkers?
    /// Reuse rendered Markdown from `<source>/.sitegen-cache/` (off for `--no-cache`).
    public var useCache = true
    /// Faults the output writer meets (tests only).
    var faults: OutputFaults?
    /// The kinds of page the site is made of.
    var pageKinds: [any PageKind.Type] = PageKinds.all
    /// The kinds made from the others' pages (the search index).
    var derivedKinds: [any DerivedPageKind.Type] = PageKinds.derived
    /// Views offer every name, even those no template reads (for the template reference).
    var allNames = false

    /// Creates options; `displayPrefix` defaults to the source path relative to the current folder.
    public init(
        source: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false,
        checkLinks: Bool = true, displayPrefix: String? = nil
    ) {
        self.source = source.standardizedFileURL
        self.output = (output ?? source.appendingPathComponent("Output")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.checkLinks = checkLinks
        self.displayPrefix = displayPrefix ?? Self.displayPrefix(for: self.source)
    }

    /// `""` for the current folder, `sub/` below it, the absolute path elsewhere.
    static func displayPrefix(for source: URL) -> String {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let path = source.path
        if path == current { return "" }
        if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) + "/" }
        return path + "/"
    }
}
