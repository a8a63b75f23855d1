import SitegenCache
import SitegenContent
import SitegenRender
import SitegenSupport

/// What every page's view is made from, but the Markdown bodies: with the bodies a page
/// embeds, it decides the page. A page whose inputs are the last build's has the last build's
/// fingerprint, so its view need not be built again (at 10k roles, building and digesting
/// every view was most of a warm build).
///
/// The roles and pages are digested in their cache encoding (`ParsedFile+Coding`, which holds
/// every field, as the parsed-content cache needs) less the body — a role by the digest its
/// parse kept (`Role.Digests`); the settings, words,
/// templates and the theme's assets by their own digests. The oracle tests edit every role
/// field, page field, setting, template and asset and compare a cached build with a clean one,
/// so an input missing here fails them (an asset did, when the 404 page began to carry the
/// stylesheet).
struct PageInputs: Sendable {
    /// The digest of everything but the bodies, the sitegen binary included.
    let site: Digest
    /// The same without the binary: what the site's content and theme are.
    let content: Digest
    /// The digest of each Markdown document's text, by content path.
    let documents: [String: Digest]
    /// The digest of all of them.
    let allDocuments: Digest

    init(_ context: RenderContext, bodies: [String: BuildPipeline.Body]) {
        var hasher = DigestHasher()
        Self.combine(context.site, into: &hasher)
        hasher.combine(context.words.digest)
        for name in context.theme.templateDigests.keys.sorted() {
            hasher.combine(name)
            hasher.combine(context.theme.templateDigests[name]!)
        }
        // The theme's assets too: a view may show one (the 404 page carries the stylesheet).
        for name in context.theme.assets.keys.sorted() {
            hasher.combine(name)
            context.theme.assets[name]!.withUnsafeBytes { hasher.combine(Digest.of($0)) }
        }
        content = hasher.finalize()
        var withBinary = DigestHasher()
        withBinary.combine(CacheFolder.binary)
        withBinary.combine(content)
        site = withBinary.finalize()
        // The roles' bodies were digested when they were parsed.
        let known = Dictionary(context.site.roles.map { ($0.contentPath, $0.digests.body) }) { first, _ in first }
        let paths = Array(bodies.keys)
        let digests = paths.parallelMap { path in known[path] ?? Digest.of(text: bodies[path]!.body) }
        documents = Dictionary(uniqueKeysWithValues: zip(paths, digests))
        var all = DigestHasher()
        for path in paths.sorted() {
            all.combine(path)
            all.combine(documents[path]!)
        }
        allDocuments = all.finalize()
    }

    /// The inputs of a multilingual site, from every language's (`prefix` its folder): another
    /// language's documents under its folder (`de/roles/engineer.md`). A page links to the
    /// same page in every language, so each is made from every language's site.
    init(languages: [(prefix: String, inputs: PageInputs)]) {
        var (site, content, all) = (DigestHasher(), DigestHasher(), DigestHasher())
        var documents: [String: Digest] = [:]
        for (prefix, inputs) in languages {
            site.combine(prefix)
            site.combine(inputs.site)
            content.combine(prefix)
            content.combine(inputs.content)
            all.combine(prefix)
            all.combine(inputs.allDocuments)
            for (path, digest) in inputs.documents { documents[prefix + path] = digest }
        }
        (self.site, self.content, self.documents, self.allDocuments) = (site.finalize(), content.finalize(), documents, all.finalize())
    }

    /// The inputs of one page (or file made from the site): the site's, its path and layout,
    /// and its documents' texts; nil for a file made as it is.
    func key(of spec: PageSpec) -> Digest? {
        let layout: String
        switch spec.content {
        case .file: return nil
        case .data: layout = ""
        case .page(let name, _): layout = name
        }
        var hasher = DigestHasher()
        hasher.combine(site)
        hasher.combine(spec.path)
        hasher.combine(layout)
        hasher.combine(spec.inputs ?? .zero)
        hasher.combine(spec.documents.count)
        for path in spec.documents {
            hasher.combine(path)
            hasher.combine(documents[path] ?? .zero)
        }
        return hasher.finalize()
    }

    private static func combine(_ site: Site, into hasher: inout DigestHasher) {
        let config = site.config
        hasher.combine([config.title, config.description, config.baseURL, config.language])
        hasher.combine(config.pageSize ?? -1)
        hasher.combine(config.feed == nil ? 0 : 1)
        for item in config.navigation { hasher.combine([item.title, item.url]) }
        config.schema.combine(into: &hasher)
        // Less the body (a document of its own); the line it starts on moves only with the
        // front matter, which is digested.
        var writer = ByteWriter()
        writer.write(site.roles.count)
        for role in site.roles { writer.write(role.digests.withoutBody) }
        let pages =
            (site.home.map { [ContentLoader.ParsedFile.home($0)] } ?? []) + site.pairs.compactMap { $0.prose.map(ContentLoader.ParsedFile.comparisonProse) }
            + site.pages.map(ContentLoader.ParsedFile.page) + site.folders.compactMap { $0.index.map(ContentLoader.ParsedFile.page) }
        writer.write(pages.count)
        for page in pages { page.withBody("").write(to: &writer) }
        writer.write(site.assets)
        writer.bytes.withUnsafeBytes { hasher.combine($0) }
    }
}
