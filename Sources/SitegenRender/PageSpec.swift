import SitegenContent
import SitegenSupport

/// One output file a page kind plans, known before anything is rendered: where it goes, what
/// it is made from, and how to make it. Pages are made from a view value through a layout;
/// the view is also what the page's fingerprint digests, so a page shows nothing its
/// fingerprint does not cover. Other files (assets, the sitemap, search index shards) are made
/// directly. A class: a plan of 35k specs is passed through many steps, and copying each
/// spec's strings and closure at every step was a tenth of a warm build at 10k roles.
package final class PageSpec: Sendable {
    /// Path relative to the output folder (`roles/engineer/index.html`).
    package let path: String
    /// The source file, for diagnostics.
    package let source: String?
    /// Content files whose rendered Markdown the view embeds (`roles/engineer.md`); the first
    /// is the one whose links a broken-link report points into.
    package let documents: [String]
    /// Whether the sitemap lists the page.
    package let listed: Bool
    /// A file only scripts load, named after its content (a search index shard): when it is
    /// gone from a later build, no page's link can break.
    package let mayVanish: Bool
    /// Where the page's front matter chose its layout (`layout: guide`), for a missing layout.
    package let layoutLocation: SourceLocation?
    /// Where the source asks for this page (an alias), for a page that collides with it.
    package let location: SourceLocation?
    /// The digest of what a file made from the whole site is made from besides the site's
    /// fields (the search index's terms: every body), when the kind knows it.
    package let inputs: Digest?
    /// What the page gives the search index (nil: a page nobody searches for), which the
    /// search's kinds make the index from.
    package let search: SearchIndex.Document?
    /// The page's view reads the roles, and what the site makes from them, only through the
    /// context's site (its closure holds nothing of them but the page's own slugs): what it
    /// reads is recorded (`SiteRead`), and the page is made again only when that changed, not
    /// on every edit of any role's front matter.
    package let tracksReads: Bool
    package let content: Content

    init(
        path: String, source: String?, documents: [String], listed: Bool, mayVanish: Bool = false, layoutLocation: SourceLocation? = nil,
        location: SourceLocation?, inputs: Digest? = nil, search: SearchIndex.Document? = nil, tracksReads: Bool = false, content: Content
    ) {
        self.path = path
        self.source = source
        self.documents = documents
        self.listed = listed
        self.mayVanish = mayVanish
        self.layoutLocation = layoutLocation
        self.location = location
        self.inputs = inputs
        self.search = search
        self.tracksReads = tracksReads
        self.content = content
    }

    /// How the file is made.
    package enum Content: Sendable {
        /// Through `layout`, from the view the function gives for the context.
        case page(layout: String, view: @Sendable (RenderContext) -> PageView)
        /// As it is.
        case file(OutputFile)
        /// By the function, from the site (not through a layout): like a page's view, made only
        /// when what the site's pages are made from changed (`roles.json`).
        case data(@Sendable (RenderContext) -> OutputFile)
    }

    /// A page at the site-root-relative URL `url` (`roles/engineer/`).
    package static func page(
        url: String, layout: String, source: String? = nil, documents: [String] = [], listed: Bool = true, layoutLocation: SourceLocation? = nil,
        location: SourceLocation? = nil, search: SearchIndex.Document? = nil, tracksReads: Bool = false,
        view: @escaping @Sendable (RenderContext) -> PageView
    ) -> PageSpec {
        PageSpec(
            path: URLs.file(forPage: url), source: source, documents: documents, listed: listed, layoutLocation: layoutLocation, location: location,
            search: search, tracksReads: tracksReads, content: .page(layout: layout, view: view))
    }

    /// A file that is already made (an asset, a search index shard).
    package static func file(_ file: OutputFile, mayVanish: Bool = false) -> PageSpec {
        PageSpec(path: file.path, source: file.source, documents: [], listed: false, mayVanish: mayVanish, location: nil, content: .file(file))
    }

    /// A file made from the site when the build needs it (its inputs changed): from the site's
    /// fields, and from what `inputs` digests.
    package static func data(
        path: String, inputs: Digest? = nil, mayVanish: Bool = false, make: @escaping @Sendable (RenderContext) -> OutputFile
    ) -> PageSpec {
        PageSpec(path: path, source: nil, documents: [], listed: false, mayVanish: mayVanish, location: nil, inputs: inputs, content: .data(make))
    }

    /// This file in another language's site: under its folder (`de/`), with its documents
    /// under their keys in the build's Markdown (`de/roles/engineer.md`), made from `language`
    /// (that language's context) with what the build rendered.
    package func relocated(under prefix: String, language: RenderContext) -> PageSpec {
        let moved: Content
        switch content {
        case .page(let layout, let view): moved = .page(layout: layout) { build in view(language.rendered(by: build)) }
        case .file(var file):
            file.path = prefix + file.path
            moved = .file(file)
        case .data(let make):
            moved = .data { build in
                var file = make(language.rendered(by: build))
                file.path = prefix + file.path
                return file
            }
        }
        return PageSpec(
            path: prefix + path, source: source, documents: documents.map { prefix + $0 }, listed: listed, mayVanish: mayVanish,
            layoutLocation: layoutLocation, location: location, inputs: inputs, search: search, tracksReads: tracksReads, content: moved)
    }

    /// The layout the page is rendered with; nil for other files.
    package var layout: String? {
        if case .page(let layout, _) = content { return layout }
        return nil
    }
}

/// A kind of page: given the resolved site, the pages it makes. A new kind is one type here
/// and its layout; the pipeline knows only `PageKinds.all`. A page a reader may search for
/// carries its `search` document, and is then in the index.
package protocol PageKind: Sendable {
    /// The pages of this kind, planned (nothing rendered yet).
    static func pages(_ context: RenderContext) -> [PageSpec]

    /// True when the kind's plan is the same for two sites that differ only in the bodies of
    /// roles: planning reads no role's body, and a page shows one only through the context it
    /// is made with. A build that keeps plans between builds (`sitegen serve`) keeps such a
    /// kind's while only role bodies change. False unless a kind says so.
    static var plansWithoutRoleBodies: Bool { get }
}

extension PageKind {
    package static var plansWithoutRoleBodies: Bool { false }
}

/// A kind made from the pages the other kinds planned (the search index, from their
/// documents), planned after them.
package protocol DerivedPageKind: Sendable {
    /// The pages of this kind, from `specs`: every other kind's, in plan order.
    static func pages(_ context: RenderContext, from specs: [PageSpec]) -> [PageSpec]
}

/// Every page kind, in the order their files are listed.
package enum PageKinds {
    package static let all: [any PageKind.Type] = [
        HomePage.self, RolesIndexPage.self, RolePages.self, ComparisonPages.self, ChartPages.self, TaxonomyPages.self, PlainPages.self, FolderPages.self,
        DataFiles.self, PickerData.self, FeedPages.self, AliasPages.self, SiteFiles.self,
    ]

    /// The kinds made from the others' pages, listed after them.
    package static let derived: [any DerivedPageKind.Type] = [SearchPages.self, SearchTermPages.self]
}
