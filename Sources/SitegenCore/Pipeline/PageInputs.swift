import SitegenCache
import SitegenContent
import SitegenRender
import SitegenSupport
import Synchronization

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
///
/// A page whose view records what it reads of the roles (`PageSpec.tracksReads`: a role's
/// pages, a pair's) is keyed instead by the site less its roles (`frame`), the paths of every
/// planned file (its links' targets), and the digest of each read on this site
/// (`SiteRead`): a new title makes again the pages that show it.
struct PageInputs: Sendable {
    /// The digest of everything but the bodies, the sitegen binary included.
    let site: Digest
    /// The same without the binary: what the site's content and theme are.
    let content: Digest
    /// The digest of each Markdown document's text, by content path.
    let documents: [String: Digest]
    /// The digest of all of them.
    let allDocuments: Digest
    /// The digest of `site` less the roles and what is made from them, with the binary, and
    /// the site whose reads pages record: nil for a multilingual site (a page there links to
    /// its translations, which other languages' roles decide).
    let frame: Digest?
    private let reads: ReadDigests?

    init(_ context: RenderContext, bodies: [String: BuildPipeline.Body]) {
        let assets = context.theme.assets.keys.sorted().map { name in (name, context.theme.assets[name]!.withUnsafeBytes { Digest.of($0) }) }
        let digest = { (withRoles: Bool) -> Digest in
            var hasher = DigestHasher()
            Self.combine(context.site, withRoles: withRoles, into: &hasher)
            hasher.combine(context.words.digest)
            for name in context.theme.templateDigests.keys.sorted() {
                hasher.combine(name)
                hasher.combine(context.theme.templateDigests[name]!)
            }
            // The theme's assets too: a view may show one (the 404 page carries the stylesheet).
            for (name, digest) in assets {
                hasher.combine(name)
                hasher.combine(digest)
            }
            return hasher.finalize()
        }
        content = digest(true)
        var withBinary = DigestHasher()
        withBinary.combine(CacheFolder.binary)
        withBinary.combine(content)
        site = withBinary.finalize()
        var frame = DigestHasher()
        frame.combine(CacheFolder.binary)
        frame.combine(digest(false))
        self.frame = frame.finalize()
        reads = ReadDigests(context.site)
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
        (frame, reads) = (nil, nil)
    }

    /// What the keys of pages that record their reads start from: the frame, the paths of
    /// every planned file a page may link to (a link to a file gone or new is checked again),
    /// and the digest of each read of the last build's `table` on this site; nil when no
    /// page's reads are recorded (a multilingual site).
    /// A session's `kept` digests of the last table are used when this site is that build's but
    /// for its bodies (`content`).
    func tracking(paths: [String], table: [SiteRead], kept: KeptReadDigests? = nil) -> Tracking? {
        guard let frame, let reads else { return nil }
        var hasher = DigestHasher()
        hasher.combine(frame)
        hasher.combine(paths)
        let digest = { (reading: [SiteRead]) in reading.parallelMap { reads.digest(of: $0) } }
        let digests = kept?.digests(of: table, content: content, digest: digest) ?? digest(table)
        return Tracking(base: hasher.finalize(), reads: reads, table: digests)
    }

    struct Tracking: Sendable {
        fileprivate let base: Digest
        fileprivate let reads: ReadDigests
        /// The digest of each read of the last build's table, by number.
        fileprivate let table: [Digest]
    }

    /// The key of a page: `key(of:)`, or for a page that records its reads (with `tracking`),
    /// the key from what it read (`reads`, nil when unknown: no key).
    func key(of spec: PageSpec, tracking: Tracking?, reads: PageReads?) -> Digest? {
        guard spec.tracksReads, let tracking else { return key(of: spec) }
        var hasher = DigestHasher()
        switch reads {
        case nil: return nil
        case .recorded(let numbers):
            hasher.combine(numbers.count)
            for number in numbers {
                guard number < tracking.table.count else { return nil }
                hasher.combine(tracking.table[number])
            }
        case .new(let reads):
            hasher.combine(reads.count)
            for read in reads { hasher.combine(tracking.reads.digest(of: read)) }
        case .numbered:
            // Keys are made from the reads themselves, before they are numbered.
            return nil
        }
        return key(of: spec, from: tracking.base, reads: hasher.finalize())
    }

    /// The inputs of one page (or file made from the site): the site's, its path and layout,
    /// and its documents' texts; nil for a file made as it is.
    func key(of spec: PageSpec) -> Digest? { key(of: spec, from: site, reads: .zero) }

    private func key(of spec: PageSpec, from base: Digest, reads: Digest) -> Digest? {
        let layout: String
        switch spec.content {
        case .file: return nil
        case .data: layout = ""
        case .page(let name, _): layout = name
        }
        var hasher = DigestHasher()
        hasher.combine(base)
        hasher.combine(reads)
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

    /// The site's settings, roles (unless `withRoles` is false), other pages and assets.
    private static func combine(_ site: Site, withRoles: Bool, into hasher: inout DigestHasher) {
        let config = site.config
        hasher.combine([config.title, config.description, config.baseURL, config.language])
        hasher.combine(config.pageSize ?? -1)
        hasher.combine(config.feed == nil ? 0 : 1)
        for item in config.navigation { hasher.combine([item.title, item.url]) }
        config.schema.combine(into: &hasher)
        // Less the body (a document of its own); the line it starts on moves only with the
        // front matter, which is digested.
        var writer = ByteWriter()
        if withRoles {
            writer.write(site.roles.count)
            for role in site.roles { writer.write(role.digests.withoutBody) }
        }
        let pages =
            (site.home.map { [ContentLoader.ParsedFile.home($0)] } ?? []) + site.pairs.compactMap { $0.prose.map(ContentLoader.ParsedFile.comparisonProse) }
            + site.pages.map(ContentLoader.ParsedFile.page) + site.folders.compactMap { $0.index.map(ContentLoader.ParsedFile.page) }
        writer.write(pages.count)
        for page in pages { page.withBody("").write(to: &writer) }
        writer.write(site.assets)
        writer.bytes.withUnsafeBytes { hasher.combine($0) }
    }
}

/// The digests of reads (`SiteRead`) on one site: a read of a whole list (every role) is
/// digested once and kept; a read of one role is a table lookup.
private final class ReadDigests: Sendable {
    private let site: Site
    private let kept = Mutex<[SiteRead: Digest]>([:])

    init(_ site: Site) { self.site = site }

    /// A read with what it reads here, digested.
    func digest(of read: SiteRead) -> Digest {
        var hasher = DigestHasher()
        read.combine(into: &hasher)
        switch read {
        case .roles, .pairs, .taxonomies, .taxonomy, .lines:
            if let digest = kept.withLock({ $0[read] }) {
                hasher.combine(digest)
            } else {
                let digest = site.digest(of: read)
                kept.withLock { $0[read] = digest }
                hasher.combine(digest)
            }
        default:
            site.combine(read, into: &hasher)
        }
        return hasher.finalize()
    }
}

/// The digests of the last build's table of reads (`PageCache.reads`), kept by a session
/// (`BuildSession`). A read digests what it reads of the site less the roles' bodies, so on a
/// site whose `PageInputs.content` is the last build's (an edit of bodies only) each read
/// digests as it did: only the reads the table gained since are digested (at 10k roles,
/// digesting 30k reads was 40 ms of a 450 ms rebuild after a body edit).
final class KeptReadDigests: Sendable {
    private let last = Mutex<(content: Digest, table: [SiteRead], digests: [Digest])?>(nil)

    /// The digest of each read of `table`, on a site with this `content`; `digest` digests reads.
    func digests(of table: [SiteRead], content: Digest, digest: ([SiteRead]) -> [Digest]) -> [Digest] {
        let kept = last.withLock { $0 }
        let digests: [Digest]
        if let kept, kept.content == content, kept.table.count <= table.count, table.prefix(kept.table.count).elementsEqual(kept.table) {
            digests = kept.digests + digest(Array(table[kept.table.count...]))
        } else {
            digests = digest(table)
        }
        last.withLock { $0 = (content, table, digests) }
        return digests
    }
}
