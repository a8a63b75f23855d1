import Foundation
import SitegenContent
import SitegenCore

/// Where the CLI talks: progress on standard output, diagnostics on standard error, colour
/// only on a terminal and never with `NO_COLOR`.
struct Terminal: Sendable {
    var quiet: Bool
    var verbose: Bool

    var colour: Bool {
        ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true && isatty(STDERR_FILENO) == 1
    }

    func say(_ line: String) {
        guard !quiet else { return }
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func report(_ diagnostics: [Diagnostic], root: URL?) {
        guard !diagnostics.isEmpty else { return }
        let printer = DiagnosticPrinter(colour: colour, root: root)
        FileHandle.standardError.write(Data((printer.format(diagnostics) + "\n").utf8))
    }

    func warning(_ message: String) {
        let prefix = colour ? "\u{1B}[1;35mwarning:\u{1B}[0m" : "warning:"
        FileHandle.standardError.write(Data("\(prefix) \(message)\n".utf8))
    }

    func error(_ message: String) {
        let prefix = colour ? "\u{1B}[1;31merror:\u{1B}[0m" : "error:"
        FileHandle.standardError.write(Data("\(prefix) \(message)\n".utf8))
    }
}

/// Prints `[3/7] Rendering Markdown` lines; with `--verbose`, the seconds since the build began.
struct StepPrinter: BuildProgress {
    var terminal: Terminal
    var started = Date()

    func stepStarted(_ index: Int, of count: Int, _ name: String) {
        let elapsed = terminal.verbose ? String(format: " (at %.2f s)", Date().timeIntervalSince(started)) : ""
        terminal.say("[\(index)/\(count)] \(name)\(elapsed)")
    }
}
