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
        var files = try step(4) { renderPages(context, loader: loader) }
        if options.checkLinks {
            _ = try step(5) { ((), LinkChecker(basePath: SiteFiles.basePath(site.config.baseURL)).check(files)) }
        }
        if options.strict && !warnings.isEmpty {
            throw BuildFailure(step: "Checking warnings (--strict)", diagnostics: warnings.map { Diagnostic(.error, $0.message, at: $0.location) })
        }
        files.sort { $0.path < $1.path }
        return (files, warnings)
    }

    /// Runs every step and writes the output.
    public func run(progress: (any BuildProgress)? = nil) throws(BuildFailure) -> BuildReport {
        let writer = OutputWriter(destination: options.output, siteRoot: options.source)
        if let refusal = writer.refusal() {
            throw BuildFailure(step: Self.steps[6], diagnostics: [.error(refusal, at: nil)])
        }
        let (files, warnings) = try render(progress: progress)
        progress?.stepStarted(7, of: Self.steps.count, Self.steps[6])
        try writer.write(files)
        return BuildReport(pageCount: files.filter(\.isHTML).count, fileCount: files.count, warnings: warnings)
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

    private func renderPages(_ context: RenderContext, loader: ContentLoader) -> ([OutputFile]?, [Diagnostic]) {
        var files = HomePage.render(context) + RolesIndexPage.render(context) + RolePages.render(context)
        files += ComparisonPages.render(context) + SkillPages.render(context) + PlainPages.render(context)
        files += SearchPages.render(context)
        files.append(SiteFiles.notFound(context))
        files += SiteFiles.assets(context.theme)
        var diagnostics: [Diagnostic] = []
        for path in context.site.assets {
            let url = loader.root.appendingPathComponent(ContentLoader.contentFolder).appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                diagnostics.append(.error("cannot read file", at: SourceLocation(file: loader.display("Content/\(path)"))))
                continue
            }
            files.append(OutputFile(path: path, data: data, source: loader.display("Content/\(path)")))
        }
        files.append(SiteFiles.sitemap(pages: files.map(\.path), baseURL: context.site.config.baseURL))
        files.append(SiteFiles.robots(baseURL: context.site.config.baseURL))
        diagnostics += Self.collisions(files) + context.problems.diagnostics
        return (files, diagnostics)
    }

    /// Two sources that publish to the same output path.
    static func collisions(_ files: [OutputFile]) -> [Diagnostic] {
        var seen: [String: OutputFile] = [:]
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
