import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenRender
import SitegenSupport
import SitegenTemplates

/// The build as a visible list of typed steps (`BuildStep`): load → check → render → write.
/// Each step's problems are reported with the step; a step with errors stops the build before
/// anything is written.
public struct BuildPipeline: Sendable {
    /// The options of this build.
    public var options: BuildOptions
    /// What the process keeps between its builds, when it builds again and again (`BuildSession`).
    var resident: BuildSession.Resident?

    /// Creates a pipeline.
    public init(options: BuildOptions) { self.options = options }

    /// Runs every step but writing: the site in memory, with the warnings found.
    public func render(progress: (any BuildProgress)? = nil) throws(BuildFailure) -> (files: [OutputFile], warnings: [Diagnostic]) {
        var steps = Steps(progress: progress)
        let plan = try prepare(&steps)
        let kept = KeptFiles()
        _ = try renderAll(plan, previous: nil, steps: &steps, into: kept)
        return (kept.files.sorted { $0.path < $1.path }, steps.warnings)
    }

    /// Runs every step and writes the site. Every build writes the whole new site into a
    /// staging folder beside the output and exchanges the two folders only when it succeeded:
    /// a page whose fingerprint (the digest of its view and layout) is the one the last build
    /// recorded, and whose file the output still holds exactly as written, is hard-linked
    /// from the output instead of being rendered. So at every moment, a killed or failed
    /// build included, the output is the last build's site or this one's.
    public func run(progress: (any BuildProgress)? = nil) throws(BuildFailure) -> BuildReport {
        var writer = OutputWriter(destination: options.output, siteRoot: options.source)
        writer.faults = options.faults
        if let refusal = writer.refusal() {
            throw BuildFailure(step: .writingOutput, diagnostics: [.error(refusal, at: nil)])
        }
        var steps = Steps(progress: progress)
        let manifest = options.useCache ? PageCache(siteRoot: options.source, output: options.output, checkLinks: options.checkLinks) : nil
        // The spare's files are looked at while the site is loaded and planned.
        let check = manifest?.spare.flatMap { SpareCheck.start($0, in: SpareSite.folder(of: options.output)) }
        let plan = try prepare(&steps, lastInputs: manifest?.site?.inputs)
        defer { Self.release(plan) }
        let staging = try OutputStaging(writer: writer, spare: manifest?.spare, check: check)
        do throws(BuildFailure) {
            // Unchanged pages' links are not checked again: only safe when every file of the
            // last build that a page may link to is still planned.
            let recorded = manifest?.entries(of: plan.specs.map(\.path), order: plan.order)
            let previous = Previous(entries: recorded?.lostLinkTarget == false ? recorded?.entries : nil, staging: staging, reads: manifest?.reads ?? [])
            let made = try renderAll(plan, previous: previous, steps: &steps, into: staging)
            steps.start(.writingOutput)
            let token = Digest.random()
            let (reads, numbers) = PageReads.table(previous: manifest?.reads ?? [], pages: made.map(\.reads), built: plan.readTable.all)
            let files = plan.order.order.compactMap { index -> (path: String, entry: PageCache.Entry)? in
                let (spec, file) = (plan.specs[index], made[index])
                return file.stamp.map { stamp in
                    let entry = PageCache.Entry(
                        fingerprint: file.fingerprint, inputs: file.inputs, reads: numbers[index], stamp: stamp, mayVanish: spec.mayVanish)
                    return (spec.path, entry)
                }
            }
            // The previous site becomes the spare when the manifest described it; else the
            // new site is linked as the spare (a first cached build), or there is none.
            let afterwards: OutputStaging.Previous =
                manifest == nil ? .remove : manifest?.site == nil ? .removeAndCopy(paths: files.map(\.path)) : .spare
            let marker = try staging.commit(token: token, afterwards: afterwards)
            if let manifest {
                let site = PageCache.Site(token: token, marker: marker, inputs: plan.inputs.site)
                // The spare is the previous site (as its manifest recorded it), or a copy of this
                // one; its files are most often this build's.
                let spare = manifest.site.map { last in (paths: manifest.paths.elementsEqual(files.lazy.map(\.path)) ? nil : manifest.paths, site: last) }
                let save: @Sendable () -> Void = { [files] in manifest.save(files, reads: reads, site: site, spare: spare ?? (paths: nil, site: site)) }
                // A resident build records it after the browser was told (the next build waits
                // for it); until then the output's marker is not the manifest's, so a build
                // killed in between trusts no page of it.
                if let resident { resident.saveLater(save) } else { save() }
            }
            let report = Self.report(plan.specs, made: made, warnings: steps.warnings)
            Self.release((consume made, consume files, consume manifest, consume reads, consume numbers))
            return report
        } catch {
            staging.abandon()
            throw error
        }
    }

    /// Progress and warnings through the steps.
    struct Steps {
        let progress: (any BuildProgress)?
        var warnings: [Diagnostic] = []

        func start(_ step: BuildStep) {
            progress?.stepStarted(step.rawValue + 1, of: BuildStep.progressSteps.count, step.description)
        }

        /// Runs `step`; its warnings are kept, its errors (or a nil value) end the build.
        /// `announce: false` when the step's progress line was printed before.
        mutating func run<T>(_ step: BuildStep, announce: Bool = true, _ body: () -> (T?, [Diagnostic])) throws(BuildFailure) -> T {
            if announce { start(step) }
            let (value, diagnostics) = body()
            warnings += diagnostics.filter { $0.severity == .warning }
            guard let value, !diagnostics.containsErrors else {
                throw BuildFailure(step: step, diagnostics: warnings + diagnostics.filter { $0.severity == .error })
            }
            return value
        }

        /// In strict mode, warnings end the build.
        func checkStrict(_ strict: Bool) throws(BuildFailure) {
            if strict && !warnings.isEmpty {
                throw BuildFailure(step: .checkingWarnings, diagnostics: warnings.map { Diagnostic(.error, $0.message, at: $0.location) })
            }
        }
    }

    /// Drops a finished build's state on another thread: freeing 35k specs and 10k roles took
    /// 90 ms at 10k roles, and the pages' records and the manifest 60 ms more, after the
    /// output was already written.
    static func release<State: Sendable>(_ state: consuming State) {
        Thread.detachNewThread { [state] in withExtendedLifetime(state) {} }
    }

    /// The site known and every file planned, before any Markdown or page is rendered.
    struct Plan: Sendable {
        /// The context, without rendered Markdown yet.
        var context: RenderContext
        var specs: [PageSpec]
        /// Problems found while planning (two pages on one path, a missing layout).
        var specProblems: [Diagnostic]
        /// Every Markdown body a page shows, with the key of its rendering (`MarkdownCache.key`).
        var documents: [(contentPath: String, documentPath: String, file: String, body: String, key: Digest)]
        /// What the pages are made from, to tell an unchanged page without building its view.
        var inputs: PageInputs
        /// The specs' paths in order.
        var order: PathOrder
        /// The reads of the views this build makes, numbered (`PageReads.numbered`).
        let readTable = BuildReads()
    }

    /// Steps 1–3 and the page plan. `lastInputs` is the digest of what the last successful
    /// build's pages were made from (`PageInputs.site`): when it is this build's, the plan is
    /// that build's, so it is not checked again.
    func prepare(_ steps: inout Steps, lastInputs: Digest? = nil) throws(BuildFailure) -> Plan {
        let loader = ContentLoader(root: options.source, displayPrefix: options.displayPrefix)
        // Content and templates are both read before either's errors end the build, so one
        // run reports the problems of both (and the content's cross-reference errors).
        steps.start(.loadingContent)
        let (loaded, loadDiagnostics) = loader.load(
            includeDrafts: options.includeDrafts, cache: options.useCache ? ContentCache.memo(siteRoot: options.source, resident: resident?.parses) : nil)
        var contentDiagnostics = loadDiagnostics
        if let loaded, loadDiagnostics.containsErrors {
            contentDiagnostics += Self.resolve([loaded] + loaded.translations).1.filter { $0.severity == .error }
        }
        let templates = options.source.appendingPathComponent("Templates")
        let (loadedTheme, themeDiagnostics) = ThemeLoader.load(folder: templates) { options.displayPrefix + "Templates/" + $0 }
        steps.start(.loadingTemplates)
        var content = try steps.run(.loadingContent, announce: false) {
            let failed = contentDiagnostics.containsErrors || loaded == nil
            return (failed ? nil : loaded, contentDiagnostics + (failed ? themeDiagnostics.filter { $0.severity == .error } : []))
        }
        if let baseURL = options.baseURL {
            let base = baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
            content.config.baseURL = base
            for index in content.translations.indices {
                content.translations[index].config.baseURL = SiteConfig.baseURL(base, folder: content.translations[index].config.outputPrefix)
            }
        }
        if let feed = content.config.feed, content.config.baseURL.isEmpty {
            steps.warnings.append(
                .warning("no feed was written: a feed's addresses must be absolute, so it needs base_url (or --base-url)", at: feed))
        }
        if content.config.baseURL.isEmpty {
            steps.warnings.append(
                .warning(
                    "no sitemap.xml was written: a sitemap's addresses must be absolute, so it needs base_url (or --base-url)",
                    at: SourceLocation(file: loader.display(SiteConfig.fileName))))
        }
        let theme = try steps.run(.loadingTemplates, announce: false) { (loadedTheme, themeDiagnostics) }
        let sites = try steps.run(.resolving) {
            let contents = [content] + content.translations
            return resident?.resolved.resolve(contents) ?? Self.resolve(contents)
        }
        var languages: [LanguageSite] = []
        for site in sites { languages.append(languageSite(site, theme: theme, steps: &steps)) }
        // A session keeps values made from a site of one language (`ReadMemo`).
        if languages.count == 1, let memo = resident?.memo, let frame = languages[0].inputs.frame {
            memo.begin(frame: frame)
            languages[0].context.memo = memo
        }
        let inputs = languages.count == 1 ? languages[0].inputs : PageInputs(languages: languages.map { ($0.prefix, $0.inputs) })
        // Made from what the last successful build was made from, the plan is that build's:
        // it had no collision, unknown name or broken navigation link, and has none now.
        let checked = lastInputs != inputs.site
        let (specs, problems) = pageSpecs(&languages, loader: loader, checked: checked)
        // The build renders every language's pages with the default language's context,
        // into which every language's Markdown goes (another's under its folder, `de/`).
        var context = languages[0].context
        let bodies = languages.count == 1 ? languages[0].bodies : Self.merged(languages.map { ($0.prefix, $0.bodies) })
        context.bodyOrigins = bodies.mapValues { ($0.file, $0.firstLine) }
        // The Markdown to render is what the planned pages show, once each, in plan order.
        var seen: Set<String> = []
        var documents: [(contentPath: String, documentPath: String, file: String, body: String, key: Digest)] = []
        let otherOptions = MarkdownCache.otherOptionsDigest(MarkdownOptions(documentPath: "", reservedIDs: theme.reservedIDs))
        for path in specs.lazy.flatMap(\.documents) where seen.insert(path).inserted {
            guard let body = bodies[path] else { continue }
            let key = MarkdownCache.key(textDigest: inputs.documents[path] ?? .zero, documentPath: body.documentPath, otherOptions: otherOptions)
            documents.append((path, body.documentPath, body.file, body.body, key))
        }
        let layouts = theme.missingLayouts(specs.compactMap { spec in spec.layout.map { ($0, spec.layoutLocation) } })
        let names = layouts.isEmpty && checked ? Self.unknownNames(specs, context: languages[0].everyName) : []
        return Plan(
            context: context, specs: specs, specProblems: problems + layouts + names, documents: documents, inputs: inputs,
            order: PathOrder(specs.map(\.path)))
    }

    /// Step 4: renders into `context` the Markdown of the documents in `needed` (every
    /// document the pages show when nil).
    func renderMarkdown(
        _ plan: Plan, needed: Set<String>?, into context: RenderContext, progress: (any BuildProgress)? = nil
    ) -> (RenderContext, [Diagnostic]) {
        let reserved = plan.context.theme.reservedIDs
        let sources = needed.map { needed in plan.documents.filter { needed.contains($0.contentPath) } } ?? plan.documents
        let jobs = sources.map { (text: $0.body, options: MarkdownOptions(documentPath: $0.documentPath, reservedIDs: reserved), key: $0.key) }
        let counter = StepCounter(.renderingMarkdown, total: jobs.count, progress: progress)
        defer { counter.finish() }
        let rendered = renderMarkdown(jobs, live: plan.documents.map(\.key), counter: counter)
        var context = context
        var diagnostics: [Diagnostic] = []
        for (source, result) in zip(sources, rendered) {
            switch result {
            case .success(let html): context.markdown[source.contentPath] = html
            case .failure(let failure): diagnostics.append(.error(failure.message, at: SourceLocation(file: source.file)))
            }
        }
        return (context, diagnostics)
    }

    static func report(_ specs: [PageSpec], made: [Made], warnings: [Diagnostic]) -> BuildReport {
        let html = Array(".html".utf8)
        let pages = specs.reduce(0) { count, spec in count + (spec.path.utf8.suffix(html.count).elementsEqual(html) ? 1 : 0) }
        let built = specs.indices.compactMap { made[$0].built ? specs[$0].path : nil }
        return BuildReport(pageCount: pages, fileCount: specs.count, warnings: warnings, built: built)
    }

    // MARK: Planning

    /// Every file of the site, as specs from every page kind of every language; nothing is
    /// rendered yet. Each language's pages are planned before any is relocated under its
    /// folder, so that every page knows which languages have it (`Translations`). Two files
    /// on one path, and header links to no page, are found when `checked`.
    private func pageSpecs(_ languages: inout [LanguageSite], loader: ContentLoader, checked: Bool) -> ([PageSpec], [Diagnostic]) {
        var planned: [[PageSpec]] = []
        var diagnostics: [Diagnostic] = []
        // A file of the default language's content is in every language's site: read once.
        var read: [String: Data] = [:]
        for language in languages {
            // The page kinds are planned side by side and joined in their fixed order; then the
            // kinds made from their pages (the search index, from each page's document).
            let planKey = language.planKey
            var specs = Array(
                options.pageKinds.parallelMap { kind in
                    guard kind.plansWithoutRoleBodies, let plans = resident?.plans else { return kind.pages(language.context) }
                    return plans.specs("\(language.prefix)\u{0}\(kind)", key: planKey) { kind.pages(language.context) }
                }.joined())
            let others = specs
            specs += options.derivedKinds.parallelMap { $0.pages(language.context, from: others) }.joined()
            let folder = language.prefix
            for path in language.context.site.assets {
                let url = loader.root.appendingPathComponent(ContentLoader.contentFolder).appendingPathComponent(path)
                let data: Data
                if let known = read[path] {
                    data = known
                } else {
                    switch ContentLoader.read(url.path) {
                    case .success(let bytes): data = Data(bytes)
                    case .failure(.system(ENOENT)): continue  // removed while the build ran
                    case .failure(let failure):
                        diagnostics.append(failure.diagnostic(at: loader.display("Content/\(path)")))
                        continue
                    }
                    read[path] = data
                }
                specs.append(.file(OutputFile(path: ContentLoader.strip(folder, from: path), data: data, source: loader.display("Content/\(path)"))))
            }
            if checked { diagnostics += Self.navigationProblems(language.context.site.config.navigation, specs: specs) }
            planned.append(specs)
        }
        var specs = planned[0]
        if languages.count > 1 {
            let translations = Self.translations(languages, planned: planned)
            for index in languages.indices { languages[index].context.translations = translations[index] }
            for index in languages.indices.dropFirst() {
                let language = languages[index]
                specs += planned[index].map { $0.relocated(under: language.prefix, language: language.context) }
            }
        }
        let baseURL = languages[0].context.site.config.baseURL
        let listed = baseURL.isEmpty ? [] : specs.filter(\.listed).map(\.path)
        // One sitemap for every language, sorted when it is made; or past 50,000 pages an
        // index and its parts, their pages sorted once here. None without a base URL.
        let parts = baseURL.isEmpty ? [] : SiteFiles.sitemapPaths(count: listed.count)
        let sorted = parts.count > 1 ? listed.sorted() : nil
        for (part, path) in parts.enumerated() {
            specs.append(.data(path: path) { _ in SiteFiles.sitemap(part: part, pages: sorted ?? listed.sorted(), baseURL: baseURL) })
        }
        if checked { diagnostics += Self.collisions(specs) }
        return (specs, diagnostics)
    }

    /// Every name a layout uses that its pages' views cannot provide, found before anything is
    /// rendered: each layout is checked against the view of its first page (the view types
    /// say which names exist; one page's lists say what their items offer).
    static func unknownNames(_ specs: [PageSpec], context: RenderContext) -> [Diagnostic] {
        var samples: [String: PageSpec] = [:]
        for spec in specs { if let layout = spec.layout, samples[layout] == nil { samples[layout] = spec } }
        // A partial several layouts include is reported once, for all of them.
        var found: [String: (problem: TemplateNameProblem, location: SourceLocation, layouts: [String])] = [:]
        for (layout, spec) in samples.sorted(by: { $0.key < $1.key }) {
            guard case .page(_, let makeView) = spec.content else { continue }
            let root = makeView(context).templateType
            for (problem, location) in context.theme.unknownNames(in: layout, root: root) {
                let key = "\(location)\u{0}\(problem.name)"
                found[key, default: (problem, location, [])].layouts.append(layout)
            }
        }
        return found.values.map { problem, location, views in
            guard views.count > 1 else { return .error(problem.messageWithSuggestion, at: location) }
            let hint = problem.suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return .error("none of the \(views.count) layouts that include this template gives it a value '\(problem.name)'\(hint)", at: location)
        }.sorted { $0.description < $1.description }
    }

    /// Header links of `sitegen.yml` that point at no page of the site: reported once, at
    /// the URL in `sitegen.yml`, before every page would carry the broken link.
    static func navigationProblems(_ items: [SiteConfig.NavigationItem], specs: [PageSpec]) -> [Diagnostic] {
        let paths = Set(specs.map(\.path))
        return items.compactMap { item in
            let url = String(item.url.prefix { $0 != "#" && $0 != "?" })
            let isExternal = url.contains(":") || url.hasPrefix("//")
            let path = url.hasPrefix("/") ? String(url.dropFirst()) : url
            guard !isExternal, !paths.contains(URLs.file(forPage: path)), !paths.contains(path) else { return nil }
            let pages = specs.filter(\.listed).map { $0.path.hasSuffix("index.html") ? String($0.path.dropLast("index.html".count)) : $0.path }
            let hint = Suggestion.hint(for: path, in: pages)
            return .error("navigation link '\(item.url)' points at no page of the site\(hint)", at: item.location)
        }
    }

    /// Two sources that publish to the same output path.
    static func collisions(_ specs: [PageSpec]) -> [Diagnostic] {
        var seen: [String: String?] = [:]
        seen.reserveCapacity(specs.count)
        var diagnostics: [Diagnostic] = []
        for spec in specs {
            if let other = seen[spec.path] {
                let first = other ?? "a generated page"
                if let location = spec.location {
                    let url = spec.path.hasSuffix("index.html") ? "/" + spec.path.dropLast("index.html".count) : "/" + spec.path
                    diagnostics.append(
                        .error("alias \(url) is the address of a page of the site (\(first)); an alias must be an address no page has", at: location))
                } else {
                    diagnostics.append(.error("'\(spec.path)' is produced twice (also by \(first))", at: spec.source.map { SourceLocation(file: $0) }))
                }
            } else {
                seen[spec.path] = spec.source
            }
        }
        return diagnostics
    }
}
