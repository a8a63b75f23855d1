/// One output file to make: its path and source, known before anything is rendered (for the
/// sitemap, the collision check and the link check), and the pure function that renders it.
/// Renderers list jobs; the pipeline runs them on every core and streams each file to the
/// output as it is made, so the whole site never sits in memory at once.
struct PageJob: Sendable {
    /// Path relative to the output folder (`roles/producer/index.html`).
    var path: String
    /// The source file, for diagnostics.
    var source: String?
    /// Renders the file.
    var make: @Sendable () -> OutputFile

    /// A page at the site-root-relative URL `url` (`roles/producer/`).
    init(url: String, source: String? = nil, make: @escaping @Sendable () -> OutputFile) {
        path = URLs.file(forPage: url)
        self.source = source
        self.make = make
    }

    /// A file that is already made (an asset, a search index shard).
    init(_ file: OutputFile) {
        path = file.path
        source = file.source
        make = { file }
    }
}
