import SitegenContent
import SitegenRender
import SitegenSupport

/// The languages of a build. A site in one language is one `LanguageSite`; a multilingual
/// site is one per language, each resolved and planned as a site of its own (its pages under
/// its folder, `de/`, but the default language's), then rendered and written as one site:
/// one plan, one manifest, one exchange of the output folder.
extension BuildPipeline {
    /// One language's site while it is planned.
    struct LanguageSite {
        /// What its pages are planned and made from.
        var context: RenderContext
        /// The same, with every name of every view (the template name check's).
        var everyName: RenderContext
        /// Every Markdown document its pages may show, by content path in its language.
        var bodies: [String: Body]
        var inputs: PageInputs
        /// Its folder in the output (`""` for the default language, `de/`).
        var prefix: String { context.site.config.outputPrefix }

        /// What a kind that plans without role bodies (`PageKind.plansWithoutRoleBodies`) plans
        /// from: everything but the bodies (`PageInputs.content`), and the bodies that are not
        /// roles' (plain pages, the home page, comparison prose, folder indexes).
        var planKey: Digest {
            var hasher = DigestHasher()
            hasher.combine(inputs.content)
            let site = context.site
            for page in site.pages + (site.home.map { [$0] } ?? []) + site.pairs.compactMap(\.prose) + site.folders.compactMap(\.index) {
                hasher.combine(page.contentPath)
                hasher.combine(inputs.documents[page.contentPath] ?? .zero)
            }
            return hasher.finalize()
        }
    }

    /// A Markdown document: where it is shown from, its text, and its path in its language
    /// (which its links are rewritten against).
    struct Body: Sendable {
        var file: String
        var body: String
        var firstLine: Int
        var documentPath: String
    }

    /// Each language's content resolved, and the problems of all of them.
    static func resolve(_ contents: [LoadedContent]) -> ([Site]?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sites: [Site] = []
        for content in contents {
            let (site, found) = Site.resolve(content)
            diagnostics += found
            if let site { sites.append(site) }
        }
        return (sites.count == contents.count ? sites : nil, diagnostics)
    }

    /// The context, documents and inputs of one language's site.
    func languageSite(_ site: Site, theme: Theme, steps: inout Steps) -> LanguageSite {
        var bodies: [String: Body] = [:]
        for role in site.roles {
            bodies[role.contentPath] = Body(file: role.file, body: role.body, firstLine: role.bodyFirstLine, documentPath: role.contentPath)
            for field in FieldValues.markdownDocuments(of: role, schema: site.config.schema) {
                bodies[field.path] = Body(file: role.file, body: field.text, firstLine: field.line, documentPath: field.path)
            }
        }
        for page in site.pages + (site.home.map { [$0] } ?? []) + site.pairs.compactMap(\.prose) + site.folders.compactMap(\.index) {
            bodies[page.contentPath] = Body(file: page.file, body: page.body, firstLine: page.bodyFirstLine, documentPath: page.contentPath)
        }
        let (words, wordProblems) = theme.words(for: site.config.language)
        steps.warnings += wordProblems
        let prefix = site.config.outputPrefix
        var context = RenderContext(site: site, theme: theme, words: words, markdown: [:], bodyOrigins: [:])
        context.documentPrefix = prefix
        let everyName = context
        if !options.allNames { context.offerOnly(theme.library.usedNames) }
        let inputs = PageInputs(context, bodies: bodies)
        context.contentDigest = inputs.content
        context.bodiesDigest = inputs.allDocuments
        if options.useCache {
            let cache = FilesCache(siteRoot: options.source)
            // Each language's files have slots of their own.
            context.cachedBytes = { slot, key, make in cache.bytes(slot: prefix + slot, key: key, make: make) }
            context.siteDigest = inputs.site
        }
        return LanguageSite(context: context, everyName: everyName, bodies: bodies, inputs: inputs)
    }

    /// Every language's documents in one table, another language's under its folder.
    static func merged(_ languages: [(prefix: String, bodies: [String: Body])]) -> [String: Body] {
        var all: [String: Body] = [:]
        all.reserveCapacity(languages.reduce(0) { $0 + $1.bodies.count })
        for (prefix, bodies) in languages {
            for (path, body) in bodies { all[prefix + path] = body }
        }
        return all
    }

    /// What each language's pages know of the others: the addresses of every language's pages
    /// (`planned`, in the order of `languages`), the languages in the order `sitegen.yml`
    /// declares them.
    static func translations(_ languages: [LanguageSite], planned: [[PageSpec]]) -> [Translations] {
        let config = languages[0].context.site.config
        let index = "index.html"
        var known: [Translations.Language] = []
        var order: [Int] = []
        for declared in config.languages {
            guard let number = languages.firstIndex(where: { $0.context.site.config.language == declared.code }) else { continue }
            let context = languages[number].context
            let pages = Set(
                planned[number].lazy.filter { $0.layout != nil }.map { $0.path.hasSuffix(index) ? String($0.path.dropLast(index.count)) : $0.path })
            let name = declared.name ?? context.words.texts["language_name"] ?? declared.code
            known.append(Translations.Language(code: declared.code, name: name, prefix: context.site.config.outputPrefix, pages: pages))
            order.append(number)
        }
        return languages.indices.map { number in
            Translations(languages: known, current: order.firstIndex(of: number) ?? 0, baseURL: config.baseURL)
        }
    }
}
