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
        let kept = KeptFiles()
        let result = try build(progress: progress) { () throws(BuildFailure) in kept }
        return (kept.files.sorted { $0.path < $1.path }, result.warnings)
    }

    /// Runs every step, streaming each rendered file into a staging folder that replaces the
    /// output only when the whole build succeeded.
    public func run(progress: (any BuildProgress)? = nil) throws(BuildFailure) -> BuildReport {
        let writer = OutputWriter(destination: options.output, siteRoot: options.source)
        if let refusal = writer.refusal() {
            throw BuildFailure(step: Self.steps[6], diagnostics: [.error(refusal, at: nil)])
        }
        var staging: OutputStaging?
        do throws(BuildFailure) {
            let report = try build(progress: progress) { () throws(BuildFailure) in
                let opened = try OutputStaging(writer: writer)
                staging = opened
                return opened
            }
            progress?.stepStarted(7, of: Self.steps.count, Self.steps[6])
            try staging?.commit()
            return report
        } catch {
            staging?.abandon()
            throw error
        }
    }

    /// Steps 1–6; `openSink` is called once the site is known to be valid, and receives every
    /// file as soon as it is rendered.
    private func build(progress: (any BuildProgress)?, openSink: () throws(BuildFailure) -> any FileSink) throws(BuildFailure) -> BuildReport {
        var warnings: [Diagnostic] = []
        func step<T>(_ index: Int, _ body: () -> (T?, [Diagnostic])) throws(BuildFailure) -> T {
            progress?.stepStarted(index + 1, of: Self.steps.count, Self.steps[index])
            let (value, diagnostics) = body()
            warnings += diagnostics.filter { $0.severity == .warning }
            guard let value, !diagnostics.containsErrors else {
                throw BuildFailure(step: Self.steps[index], diagnostics: warnings + diagnostics.filter { $0.severity == .error })
            }
            return value
        }
        let loader = ContentLoader(root: options.source, displayPrefix: options.displayPrefix)
        var content = try step(0) {
            let (content, diagnostics) = loader.load(includeDrafts: options.includeDrafts)
            guard let content, diagnostics.containsErrors else { return (content, diagnostics) }
            // Go on far enough to report cross-reference errors in the same run.
            return (nil, diagnostics + Site.resolve(content).1.filter { $0.severity == .error })
        }
        if let baseURL = options.baseURL { content.config.baseURL = baseURL.isEmpty || baseURL.hasSuffix("/") ? baseURL : baseURL + "/" }
        let theme = try step(1) {
            Theme.load(folder: options.source.appendingPathComponent("Templates")) { options.displayPrefix + "Templates/" + $0 }
        }
        let site = try step(2) { Site.resolve(content) }
        let context = try step(3) { renderMarkdown(site, theme: theme) }
        let jobs = try step(4) { pageJobs(context, loader: loader) }
        let sink = try openSink()
        let checker = LinkChecker(basePath: SiteFiles.basePath(site.config.baseURL))
        let linkProblems = try renderPages(jobs, context: context, into: sink, checker: checker)
        if options.checkLinks {
            _ = try step(5) { ((), linkProblems()) }
        }
        if options.strict && !warnings.isEmpty {
            throw BuildFailure(step: "Checking warnings (--strict)", diagnostics: warnings.map { Diagnostic(.error, $0.message, at: $0.location) })
        }
        return BuildReport(pageCount: jobs.filter { $0.path.hasSuffix(".html") }.count, fileCount: jobs.count, warnings: warnings)
    }

    // MARK: Steps

    private func renderMarkdown(_ site: Site, theme: Theme) -> (RenderContext?, [Diagnostic]) {
        var sources: [(contentPath: String, file: String, body: String, firstLine: Int)] = []
        for role in site.roles { sources.append((role.contentPath, role.file, role.body, role.bodyFirstLine)) }
        for page in site.pages + (site.home.map { [$0] } ?? []) + site.pairs.compactMap(\.prose) {
            sources.append((page.contentPath, page.file, page.body, page.bodyFirstLine))
        }
        let reserved = theme.reservedIDs
        let jobs = sources.map { (text: $0.body, options: MarkdownOptions(documentPath: $0.contentPath, reservedIDs: reserved)) }
        let rendered = renderMarkdown(jobs)
        var markdown: [String: RenderedMarkdown] = [:]
        var origins: [String: (file: String, firstLine: Int)] = [:]
        var diagnostics: [Diagnostic] = []
        for (source, result) in zip(sources, rendered) {
            switch result {
            case .success(let html): markdown[source.contentPath] = html
            case .failure(let failure): diagnostics.append(.error(failure.message, at: SourceLocation(file: source.file)))
            }
            origins[source.contentPath] = (source.file, source.firstLine)
        }
        return (RenderContext(site: site, theme: theme, markdown: markdown, bodyOrigins: origins), diagnostics)
    }

    /// Every file of the site, as jobs; nothing is rendered yet.
    private func pageJobs(_ context: RenderContext, loader: ContentLoader) -> ([PageJob]?, [Diagnostic]) {
        var jobs = HomePage.pages(context) + RolesIndexPage.pages(context) + RolePages.pages(context)
        jobs += ComparisonPages.pages(context) + SkillPages.pages(context) + PlainPages.pages(context)
        jobs += SearchPages.pages(context)
        jobs.append(SiteFiles.notFound(context))
        jobs += SiteFiles.assets(context.theme).map(PageJob.init)
        var diagnostics: [Diagnostic] = []
        for path in context.site.assets {
            let url = loader.root.appendingPathComponent(ContentLoader.contentFolder).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                diagnostics.append(.error("cannot read file", at: SourceLocation(file: loader.display("Content/\(path)"))))
                continue
            }
            jobs.append(PageJob(OutputFile(path: path, data: data, source: loader.display("Content/\(path)"))))
        }
        jobs.append(PageJob(SiteFiles.sitemap(pages: jobs.map(\.path), baseURL: context.site.config.baseURL)))
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
            let file = job.make()
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
            diagnostics
                + checker.check(elsewhere) { path in
                    sink.contents(of: path).map { HTMLScanner.scan($0).ids }
                }
        }
    }

    /// Two sources that publish to the same output path.
    static func collisions(_ files: [PageJob]) -> [Diagnostic] {
        var seen: [String: PageJob] = [:]
        var diagnostics: [Diagnostic] = []
        for file in files {
            if let other = seen[file.path] {
                let first = other.source ?? "a generated page"
                diagnostics.append(.error("'\(file.path)' is produced twice (also by \(first))", at: file.source.map { SourceLocation(file: $0) }))
            } else {
                seen[file.path] = file
            }
        }
        return diagnostics
    }
}
