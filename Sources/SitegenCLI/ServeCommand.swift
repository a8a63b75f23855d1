import ArgumentParser
import Foundation
import SitegenContent
import SitegenCore
import SitegenServer

/// `sitegen serve`: build, serve the output on loopback, rebuild and live-reload on changes.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally and rebuild it when the sources change.",
        discussion: """
            Serves the output folder over HTTP (127.0.0.1 by default; any other --host warns that \
            the site is reachable from the network) and watches Content/, Templates/ and \
            sitegen.yml; a busy port is reported before anything is built (exit 3). After each change the site is rebuilt and open pages \
            reload; a failed rebuild keeps serving the last good site and shows the errors in \
            the browser. Ctrl-C stops the server.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Where to write the site (default: <source>/Output).")
    var output: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8000

    @Flag(help: "Open the site in the default browser.")
    var open = false

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(name: .customLong("no-watch"), help: "Serve only; do not watch or rebuild.")
    var noWatch = false

    @OptionGroup var verbosity: VerbosityOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let terminal = verbosity.terminal
        // Before anything is built: a busy port would otherwise be found only after the build.
        let address = ListenAddress(host: host, port: port)
        if let problem = address.problem() {
            terminal.error(problem.description)
            throw ExitCode(ExitStatus.environment.rawValue)
        }
        if let warning = address.exposureWarning { terminal.warning(warning) }
        var buildOptions = BuildOptions(
            source: site.sourceURL, output: output.map { URL(fileURLWithPath: $0) }, includeDrafts: drafts)
        buildOptions.markdownWorkers = .selfHosted(count: nil)
        let options = buildOptions
        // One session for every build: it keeps the parsed site between them.
        let session = BuildSession(options: options)
        defer { session.finish() }
        let first = await Self.build(session, changed: nil, terminal: terminal, progress: true, onFailure: "serving the previous output, if any")
        if case .failure(let failure) = first, failure.step.failureKind == .environment {
            throw ExitCode(ExitStatus.environment.rawValue)
        }
        let root = options.source
        let watched = noWatch ? [] : ["Content", "Templates", "sitegen.yml"].map { root.appendingPathComponent($0) }
        let server = DevServer(
            configuration: DevServerConfiguration(
                siteFolder: options.output, sourceRoot: root, watchPaths: watched, host: host, port: port,
                initialFailure: Self.browserText(first), verbose: verbosity.verbose)
        ) { changes in
            terminal.say(Self.describe(changes))
            let result = await Self.build(
                session, changed: changes.isComplete ? nil : Array(changes.files.keys), terminal: terminal, progress: terminal.verbose,
                onFailure: "still serving the last good site")
            return Self.outcome(result)
        }
        do {
            try await server.run { [open, noWatch] url in
                terminal.say("Serving \(options.output.path) at \(url)\(noWatch ? "" : " (watching for changes)"); press Ctrl-C to stop")
                if open { Self.openBrowser(url, terminal: terminal) }
            }
        } catch {
            // The port was taken after the check (`bind(…): Address already in use)`).
            let inUse = "\(error)".contains("Address already in use")
            terminal.error(inUse ? ListenAddress.Problem.inUse(port: port).description : "cannot serve on \(host):\(port): \(error)")
            throw ExitCode(ExitStatus.environment.rawValue)
        }
        terminal.say("Stopped.")
    }

    /// Runs one build of the session off the concurrency pool (it is synchronous and CPU-bound)
    /// and reports it like `sitegen build` does; `changed` as `BuildSession.build` takes it,
    /// `onFailure` ends the error line.
    static func build(
        _ session: BuildSession, changed: [String]?, terminal: Terminal, progress: Bool, onFailure: String
    ) async -> Result<BuildReport, BuildFailure> {
        let started = Date()
        let printer = progress ? StepPrinter(terminal: terminal) : nil
        let result = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(
                    returning: Result { () throws(BuildFailure) in
                        try session.build(changed: changed, progress: printer)
                    })
            }
        }
        printer?.finish()
        let cwd = FileManager.default.currentDirectoryPath.asFileURL
        switch result {
        case .success(let report):
            terminal.report(report.warnings, root: cwd)
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            terminal.say("Built \(report.pageCount) pages (\(report.fileCount) files) in \(seconds) s")
        case .failure(let failure):
            terminal.report(failure.diagnostics, root: cwd)
            terminal.error("build failed at step '\(failure.step)'; \(onFailure)")
        }
        return result
    }

    /// What the browser is told about a build.
    static func outcome(_ result: Result<BuildReport, BuildFailure>) -> RebuildOutcome {
        browserText(result).map { .failure(diagnostics: $0) } ?? .success
    }

    /// A failed build's diagnostics as plain text (no colour), or nil after a success.
    static func browserText(_ result: Result<BuildReport, BuildFailure>) -> String? {
        guard case .failure(let failure) = result else { return nil }
        let printer = DiagnosticPrinter(colour: false, root: FileManager.default.currentDirectoryPath.asFileURL)
        let text = printer.format(failure.diagnostics)
        return "Build failed at step '\(failure.step)'.\n\n" + (text.isEmpty ? "(no details)" : text)
    }

    /// `Content/roles/engineer.md changed; rebuilding`.
    static func describe(_ changes: ChangeSet) -> String {
        if changes.isComplete { return "Some changes may have been missed; rebuilding everything" }
        let paths = changes.files.keys.sorted()
        guard paths.count > 1 else { return "\(paths.first ?? "A source") changed; rebuilding" }
        let shown = paths.prefix(3).joined(separator: ", ") + (paths.count > 3 ? ", …" : "")
        return "\(paths.count) files changed (\(shown)); rebuilding"
    }

    /// Opens `url` with the desktop's opener (`xdg-open`, or `open` on macOS); without one,
    /// only says so.
    static func openBrowser(_ url: URL, terminal: Terminal) {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        let opener = ["xdg-open", "open"].lazy.flatMap { name in folders.map { "\($0)/\(name)" } }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let opener else {
            terminal.error("no xdg-open to start a browser with; open \(url) yourself")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { terminal.error("cannot start \(opener) (\(error.localizedDescription)); open \(url) yourself") }
    }
}
