import ArgumentParser
import Foundation
import SitegenContent
import SitegenCore

/// `sitegen check`: everything `build` validates, without writing anything.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate content, configuration, templates and links without writing output.",
        discussion: """
            Exit codes: 0 clean, 1 problems found (warnings count only with --strict), 2 usage errors, \
            3 files that cannot be read.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var site: SiteOptions

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .customLong("base-url"), help: "Absolute URL the site is published at (overrides base_url), as for build.")
    var baseURL: String?

    @Option(help: "Output format: text (like a compiler) or json (for editors and CI).")
    var format: Format = .text

    func run() throws {
        var options = BuildOptions(source: site.sourceURL, includeDrafts: drafts)
        options.baseURL = baseURL
        options.strict = strict
        let terminal = Terminal(quiet: false, verbose: false)
        let diagnostics: [Diagnostic]
        var failure: BuildFailure?
        do {
            diagnostics = try BuildPipeline(options: options).render().warnings
        } catch {
            diagnostics = error.diagnostics
            failure = error
        }
        switch format {
        case .json:
            print(Self.json(diagnostics))
        case .text:
            terminal.report(diagnostics, root: FileManager.default.currentDirectoryPath.asFileURL)
            if diagnostics.isEmpty { print("No problems found.") }
        }
        if let failure { throw ExitCode(ExitStatus(failure: failure).rawValue) }
    }

    /// `[{"severity": "error", "file": …, "line": …, "column": …, "message": …}]`, sorted.
    static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Entry: Encodable {
            var severity: String
            var file: String?
            var line: Int?
            var column: Int?
            var message: String
        }
        let entries = diagnostics.sortedForDisplay().map { diagnostic in
            Entry(
                severity: diagnostic.severity.rawValue, file: diagnostic.location?.file,
                line: diagnostic.location.flatMap { $0.line > 0 ? $0.line : nil },
                column: diagnostic.location.flatMap { $0.column > 0 ? $0.column : nil },
                message: diagnostic.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self)
    }
}
