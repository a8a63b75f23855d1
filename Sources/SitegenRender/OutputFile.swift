import Foundation
import SitegenContent

/// One file of the generated site, in memory. Rendering produces these; only the output
/// writer puts them on disk.
public struct OutputFile: Sendable, Hashable {
    /// Path relative to the output folder (`roles/engineer/index.html`).
    public var path: String
    /// The bytes to write.
    public var contents: Data
    /// The source file it was made from, for diagnostics (`Content/roles/engineer.md`).
    public var source: String?
    /// Links that came from the source's Markdown, with their source positions, so a broken
    /// one can be reported at its Markdown line.
    public var markdownLinks: [String: SourceLocation]

    /// Creates a text file.
    public init(path: String, text: String, source: String? = nil, markdownLinks: [String: SourceLocation] = [:]) {
        self.path = path
        self.contents = Data(text.utf8)
        self.source = source
        self.markdownLinks = markdownLinks
    }

    /// Creates a file from bytes.
    public init(path: String, data: Data, source: String? = nil, markdownLinks: [String: SourceLocation] = [:]) {
        self.path = path
        self.contents = data
        self.source = source
        self.markdownLinks = markdownLinks
    }

    /// True for `.html` files.
    package var isHTML: Bool { path.hasSuffix(".html") }
}
