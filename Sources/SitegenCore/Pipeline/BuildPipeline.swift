import Foundation
import SitegenMarkdown

/// The build as a visible list of named steps: load → check → render → write. Each step's
/// problems are reported with the step's name; a step with errors stops the build before
/// anything is written.
public struct BuildPipeline: Sendable {
    /// The options of this build.
    public var options: BuildOptions

    /// Creates a pipeline.
    public init(options: BuildOptions) { self.options = options }

    /// The steps, in order, as printed in progress lines.
    public static let steps = [
        "Loading content", "Loading templates", "Resolving the site", "Rendering Markdown",
        "Rendering pages", "Checking links", "Writing output",
    ]

    /// Runs every step but writing: the site in memory, with the warnings found.
    public func render(progress: (any BuildProgress)? = nil) throws(BuildFailure) -> (files: [OutputFile], warnings: [Diagnostic]) {
        var steps = Steps(progress: progress)
        let plan = try prepare(&steps, fingerprints: false)
        let kept = KeptFiles()
        let result = try renderAll(plan, steps: &steps, into: kept)
        return (kept.files.sorted { $0.path < $1.path }, result.warnings)
    }

    /// Runs every step and writes the site. Pages unchanged since the last build (by their
    /// fingerprints) are neither rendered nor written; when few pages changed, they are
    /// rendered and checked in memory and then replaced one by one in the output. Otherwise
    /// every file streams into a staging folder that replaces the output only when the whole
    /// build succeeded. Either way a failed build leaves the output as it was.
    public func run(progress: (any BuildProgress)? = nil) throws(BuildFailure) -> BuildReport {
        let writer = OutputWriter(destination: options.output, siteRoot: options.source)
        if let refusal = writer.refusal() {
            throw BuildFailure(step: Self.steps[6], diagnostics: [.error(refusal, at: nil)])
        }
        var steps = Steps(progress: progress)
        let pageCache = options.useCache ? PageCache(siteRoot: options.source, output: options.output, checkLinks: options.checkLinks) : nil
        let plan = try prepare(&steps, fingerprints: pageCache != nil)
        defer { Self.release(plan) }
        if let pageCache, let (stale, removed) = pageCache.staleJobs(plan.jobs) {
            var attempt = steps
            if let report = try update(plan, stale: stale, removed: removed, cache: pageCache, steps: &attempt) { return report }
            // A page lost an element id that unchanged pages may link to: check everything.
        }
        var staging: OutputStaging?
        do throws(BuildFailure) {
            let report = try renderAll(plan, steps: &steps) { () throws(BuildFailure) in
                let opened = try OutputStaging(writer: writer)
                staging = opened
                return opened
            }
            steps.start(6)
            let token = PageCache.newToken()
            try staging?.commit(token: token)
            pageCache?.save(plan.jobs, token: token)
            return report
        } catch {
            staging?.abandon()
            throw error
        }
    }

    /// Progress and warnings through the named steps.
    struct Steps {
        let progress: (any BuildProgress)?
        var warnings: [Diagnostic] = []

        func start(_ index: Int) { progress?.stepStarted(index + 1, of: BuildPipeline.steps.count, BuildPipeline.steps[index]) }

        /// Runs step `index`; its warnings are kept, its errors (or a nil value) end the build.
        mutating func run<T>(_ index: Int, _ body: () -> (T?, [Diagnostic])) throws(BuildFailure) -> T {
            start(index)
            let (value, diagnostics) = body()
            warnings += diagnostics.filter { $0.severity == .warning }
            guard let value, !diagnostics.containsErrors else {
                throw BuildFailure(step: BuildPipeline.steps[index], diagnostics: warnings + diagnostics.filter { $0.severity == .error })
            }
            return value
        }

        /// In strict mode, warnings end the build.
        func checkStrict(_ strict: Bool) throws(BuildFailure) {
            if strict && !warnings.isEmpty {
                throw BuildFailure(step: "Checking warnings (--strict)", diagnostics: warnings.map { Diagnostic(.error, $0.message, at: $0.location) })
            }
        }
    }

    /// Drops a finished build's state on another thread: freeing 35k jobs and 10k roles took
    /// 90 ms at 10k roles, after the output was already written.
    static func release(_ plan: Plan) {
        Thread.detachNewThread { withExtendedLifetime(plan) {} }
    }

    /// The site known and every file planned, before any Markdown or page is rendered.
    struct Plan: Sendable {
        /// The context, without rendered Markdown yet.
        var context: RenderContext
        var jobs: [PageJob]
        /// Problems found while planning (two pages on one path), reported at "Rendering pages".
        var jobProblems: [Diagnostic]
        /// Every Markdown body of the site.
        var documents: [(contentPath: String, file: String, body: String)]
    }

    /// Steps 1–3 and the page plan.
    private func prepare(_ steps: inout Steps, fingerprints: Bool) throws(BuildFailure) -> Plan {
        let loader = ContentLoader(root: options.source, displayPrefix: options.displayPrefix)
        var content = try steps.run(0) {
            let (content, diagnostics) = loader.load(
                includeDrafts: options.includeDrafts, cache: options.useCache ? ContentCache(siteRoot: options.source) : nil)
            guard let content, diagnostics.containsErrors else { return (content, diagnostics) }
            // Go on far enough to report cross-reference errors in the same run.
            return (nil, diagnostics + Site.resolve(content).1.filter { $0.severity == .error })
        }
        if let baseURL = options.baseURL { content.config.baseURL = baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        let theme = try steps.run(1) {
            Theme.load(folder: options.source.appendingPathComponent("Templates")) { options.displayPrefix + "Templates/" + $0 }
        }
        let site = try steps.run(2) { Site.resolve(content) }
        var documents: [(contentPath: String, file: String, body: String)] = []
        var origins: [String: (file: String, firstLine: Int)] = [:]
        for role in site.roles {
            documents.append((role.contentPath, role.file, role.body))
            origins[role.contentPath] = (role.file, role.bodyFirstLine)
        }
        for page in site.pages + (site.home.map { [$0] } ?? []) + site.pairs.compactMap(\.prose) {
            documents.append((page.contentPath, page.file, page.body))
            origins[page.contentPath] = (page.file, page.bodyFirstLine)
        }
        var context = RenderContext(
            site: site, theme: theme, markdown: [:], bodyOrigins: origins,
            fingerprints: fingerprints ? PageFingerprints(site: site, theme: theme, stamps: content.digests, includeDrafts: options.includeDrafts) : nil)
        let searchCache = context.fingerprints.map { (cache: SearchIndexCache(siteRoot: options.source), listings: $0.listings) }
        context.searchFiles = searchCache.flatMap { $0.cache.files(for: $0.listings) }
        let (jobs, problems) = pageJobs(context, loader: loader)
        if let searchCache, context.searchFiles == nil {
            let files = jobs.filter { $0.path.hasPrefix(SearchIndex.folder + "search-index") }.map { $0.make(context) }
            searchCache.cache.save(files, for: searchCache.listings)
        }
        return Plan(context: context, jobs: jobs, jobProblems: problems, documents: documents)
    }

    /// Step 4: renders the Markdown of `only` those documents (all when nil).
    func renderMarkdown(_ plan: Plan, only: Set<String>? = nil, steps: inout Steps) throws(BuildFailure) -> RenderContext {
        try steps.run(3) { () -> (RenderContext?, [Diagnostic]) in
            let sources = only.map { wanted in plan.documents.filter { wanted.contains($0.contentPath) } } ?? plan.documents
            let reserved = plan.context.theme.reservedIDs
            let jobs = sources.map { (text: $0.body, options: MarkdownOptions(documentPath: $0.contentPath, reservedIDs: reserved)) }
            let rendered = renderMarkdown(jobs, keepOthers: only != nil)
            var context = plan.context
            var diagnostics: [Diagnostic] = []
            for (source, result) in zip(sources, rendered) {
                switch result {
                case .success(let html): context.markdown[source.contentPath] = html
                case .failure(let failure): diagnostics.append(.error(failure.message, at: SourceLocation(file: source.file)))
                }
            }
            return (context, diagnostics)
        }
    }

    /// Steps 4–6 for every file: renders them all on every core into `sink`.
    private func renderAll(_ plan: Plan, steps: inout Steps, into openSink: () throws(BuildFailure) -> any FileSink) throws(BuildFailure) -> BuildReport {
        let context = try renderMarkdown(plan, steps: &steps)
        let jobs = try steps.run(4) { (plan.jobs, plan.jobProblems) }
        let sink = try openSink()
        let checker = LinkChecker(basePath: SiteFiles.basePath(context.site.config.baseURL), templates: context.theme.templateLinks)
        let linkProblems = try renderPages(jobs, context: context, into: sink, checker: checker)
        if options.checkLinks {
            _ = try steps.run(5) { ((), linkProblems()) }
        }
        try steps.checkStrict(options.strict)
        return Self.report(jobs, warnings: steps.warnings)
    }

    private func renderAll(_ plan: Plan, steps: inout Steps, into sink: any FileSink) throws(BuildFailure) -> BuildReport {
        try renderAll(plan, steps: &steps) { () throws(BuildFailure) in sink }
    }

    static func report(_ jobs: [PageJob], warnings: [Diagnostic]) -> BuildReport {
        let html = Array(".html".utf8)
        let pages = jobs.reduce(0) { count, job in count + (job.path.utf8.reversed().starts(with: html.reversed()) ? 1 : 0) }
        return BuildReport(pageCount: pages, fileCount: jobs.count, warnings: warnings)
    }

    // MARK: Steps

    /// Every file of the site, as jobs; nothing is rendered yet.
    private func pageJobs(_ context: RenderContext, loader: ContentLoader) -> ([PageJob], [Diagnostic]) {
        // The page kinds are planned side by side (the search index alone is a fifth of an
        // incremental build at 10k roles), and joined in this fixed order.
        let kinds: [@Sendable (RenderContext) -> [PageJob]] = [
            { SearchPages.pages($0) }, HomePage.pages, RolesIndexPage.pages, RolePages.pages, ComparisonPages.pages, SkillPages.pages, PlainPages.pages,
        ]
        let planned = kinds.parallelMap { $0(context) }
        var jobs = Array(planned[1...].joined()) + planned[0]
        jobs.append(SiteFiles.notFound(context))
        jobs += SiteFiles.assets(context.theme).map(PageJob.init)
        var diagnostics: [Diagnostic] = []
        for path in context.site.assets {
            let url = loader.root.appendingPathComponent(ContentLoader.contentFolder).appendingPathComponent(path)
            let data: Data
            switch ContentLoader.read(url.path) {
            case .success(let bytes): data = Data(bytes)
            case .failure(.system(ENOENT)): continue  // removed while the build ran
            case .failure(let failure):
                diagnostics.append(failure.diagnostic(at: loader.display("Content/\(path)")))
                continue
            }
            jobs.append(PageJob(OutputFile(path: path, data: data, source: loader.display("Content/\(path)"))))
        }
        let paths = jobs.map(\.path)
        let baseURL = context.site.config.baseURL
        let sitemapFingerprint = context.fingerprints.map { fingerprints in
            var hasher = DigestHasher()
            hasher.combine(fingerprints.site)
            hasher.combine(paths)
            return hasher.finalize()
        }
        jobs.append(PageJob(url: "sitemap.xml", fingerprint: sitemapFingerprint) { _ in SiteFiles.sitemap(pages: paths, baseURL: baseURL) })
        jobs.append(PageJob(SiteFiles.robots(baseURL: context.site.config.baseURL)))
        diagnostics += Self.collisions(jobs)
        return (jobs, diagnostics)
    }

    /// Renders every job on every core and hands each file to `sink` as soon as it is made.
    /// Each page's links are checked right after it is rendered, so no page is kept in
    /// memory; the returned function finishes the check (links to elements of other pages,
    /// whose ids are read back from the sink).
    private func renderPages(
        _ jobs: [PageJob], context: RenderContext, into sink: any FileSink, checker: LinkChecker
    ) throws(BuildFailure) -> () -> [Diagnostic] {
        let checkLinks = options.checkLinks
        let targets = checkLinks ? LinkChecker.Targets(outputPaths: Set(jobs.map(\.path))) : LinkChecker.Targets(outputPaths: [])
        let results = jobs.parallelMap { job -> Result<(diagnostics: [Diagnostic], elsewhere: [LinkChecker.ElementLink]), BuildFailure> in
            let file = job.make(context)
            let checked = checkLinks && file.isHTML ? checker.check(LinkChecker.summary(of: file), targets: targets) : ([], [])
            do throws(BuildFailure) {
                try sink.place(file)
            } catch {
                return .failure(error)
            }
            return .success(checked)
        }
        var diagnostics: [Diagnostic] = []
        var elsewhere: [LinkChecker.ElementLink] = []
        for result in results {
            switch result {
            case .success(let checked):
                diagnostics += checked.diagnostics
                elsewhere += checked.elsewhere
            case .failure(let failure): throw failure
            }
        }
        let problems = context.problems.diagnostics
        if problems.containsErrors { throw BuildFailure(step: Self.steps[4], diagnostics: problems) }
        return {
            checker.collate(
                diagnostics
                    + checker.check(elsewhere) { path in
                        sink.contents(of: path).map { HTMLScanner.scan($0).ids }
                    })
        }
    }

    /// Two sources that publish to the same output path.
    static func collisions(_ files: [PageJob]) -> [Diagnostic] {
        var seen: [String: String?] = [:]
        seen.reserveCapacity(files.count)
        var diagnostics: [Diagnostic] = []
        for file in files {
            if let other = seen[file.path] {
                let first = other ?? "a generated page"
                diagnostics.append(.error("'\(file.path)' is produced twice (also by \(first))", at: file.source.map { SourceLocation(file: $0) }))
            } else {
                seen[file.path] = file.source
            }
        }
        return diagnostics
    }
}
