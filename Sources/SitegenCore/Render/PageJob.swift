/// One output file to make: its path and source, known before anything is rendered (for the
/// sitemap, the collision check and the link check), and the pure function that renders it.
/// Renderers list jobs; the pipeline runs them on every core and streams each file to the
/// output as it is made, so the whole site never sits in memory at once.
struct PageJob: Sendable {
    /// Path relative to the output folder (`roles/producer/index.html`).
    var path: String
    /// The source file, for diagnostics.
    var source: String?
    /// The digest of everything the page shows (`PageFingerprints`); nil for pages that are
    /// made on every build (lists of every role, the search index, assets).
    var fingerprint: Digest?
    /// Content files whose rendered Markdown the page shows (`roles/producer.md`).
    var documents: [String]
    /// A file only scripts load, named after its content (a search index shard): when it is
    /// gone from a later build, no page's link can break.
    var mayVanish = false
    /// Renders the file, given the context with the rendered Markdown of `documents`.
    var make: @Sendable (RenderContext) -> OutputFile

    /// A page at the site-root-relative URL `url` (`roles/producer/`).
    init(
        url: String, source: String? = nil, fingerprint: Digest? = nil, documents: [String] = [],
        make: @escaping @Sendable (RenderContext) -> OutputFile
    ) {
        path = URLs.file(forPage: url)
        self.source = source
        self.fingerprint = fingerprint
        self.documents = documents
        self.make = make
    }

    /// A file that is already made (an asset, a search index shard).
    init(_ file: OutputFile) {
        path = file.path
        source = file.source
        fingerprint = nil
        documents = []
        make = { _ in file }
    }
}
