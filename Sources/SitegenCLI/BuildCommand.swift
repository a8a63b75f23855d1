import ArgumentParser
import Foundation
import SitegenContent
import SitegenCore

/// `sitegen build`: Content/ + Templates/ → Output/, atomically.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: """
            The new site is written beside the output folder and swapped in only when the \
            build succeeded; a failed build leaves the previous output untouched.
            Exit codes: 0 success, 1 content, configuration or template errors, 2 usage errors, \
            3 I/O or environment errors.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the site (default: <source>/Output).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides base_url).")
    var baseURL: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .customLong("no-link-check"), help: "Skip checking internal links and anchors.")
    var noLinkCheck = false

    @Option(help: "Markdown worker processes (default: one per core).")
    var jobs: Int?

    @Flag(name: .customLong("no-cache"), help: "Ignore and do not update .sitegen-cache/ (a clean build).")
    var noCache = false

    @OptionGroup var verbosity: VerbosityOptions

    func run() throws {
        let terminal = verbosity.terminal
        var options = BuildOptions(
            source: site.sourceURL, output: output.map { URL(fileURLWithPath: $0) }, baseURL: baseURL,
            includeDrafts: drafts, checkLinks: !noLinkCheck)
        options.markdownWorkers = .selfHosted(count: jobs)
        options.useCache = !noCache
        let started = Date()
        let printer = StepPrinter(terminal: terminal)
        do {
            let report = try BuildPipeline(options: options).run(progress: printer)
            printer.finish()
            terminal.report(report.warnings, root: FileManager.default.currentDirectoryPath.asFileURL)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            terminal.say("Built \(report.pageCount) pages (\(report.fileCount) files) in \(seconds) s → \(options.output.path)")
        } catch {
            printer.finish()
            terminal.report(error.diagnostics, root: FileManager.default.currentDirectoryPath.asFileURL)
            terminal.error("build failed at step '\(error.step)'; \(options.output.lastPathComponent)/ was left unchanged")
            throw ExitCode(ExitStatus(failure: error).rawValue)
        }
    }
}

/// `--source`, shared by every command that reads a site.
struct SiteOptions: ParsableArguments {
    @Option(help: "The site folder (holds sitegen.yml, Content/ and Templates/).")
    var source: String = "."

    var sourceURL: URL { URL(fileURLWithPath: source).standardizedFileURL }

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("--source '\(source)' is not a folder")
        }
    }
}

/// `--quiet` and `--verbose`.
struct VerbosityOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print more detail.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    var terminal: Terminal { Terminal(quiet: quiet, verbose: verbose) }
}

extension String {
    var asFileURL: URL { URL(fileURLWithPath: self, isDirectory: true) }
}
