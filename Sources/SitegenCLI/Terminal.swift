import Foundation
import SitegenContent
import SitegenCore
import Synchronization

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
/// On a terminal, a long step's line shows a live count (`[5/7] Rendering pages 12,000/35,279`),
/// rewritten in place; elsewhere (a pipe, a log file) and with `--quiet` the lines are as ever.
final class StepPrinter: BuildProgress {
    let terminal: Terminal
    let started = Date()
    /// Whether counts are shown: standard output is a terminal and the build is not quiet.
    let live: Bool
    /// The step whose line is being shown, its line and the count shown, while the line has no
    /// line end yet.
    private let open = Mutex<(index: Int, line: String, done: Int)?>(nil)
    private let output: @Sendable (String) -> Void

    init(terminal: Terminal, live: Bool = isatty(STDOUT_FILENO) == 1, output: @escaping @Sendable (String) -> Void = StepPrinter.standardOutput) {
        self.terminal = terminal
        self.live = live && !terminal.quiet
        self.output = output
    }

    func stepStarted(_ index: Int, of count: Int, _ name: String) {
        let elapsed = terminal.verbose ? String(format: " (at %.2f s)", Date().timeIntervalSince(started)) : ""
        let line = "[\(index)/\(count)] \(name)\(elapsed)"
        guard live else { return terminal.say(line) }
        open.withLock { open in
            output((open == nil ? "" : "\n") + line)
            open = (index, line, -1)
        }
    }

    func stepAdvanced(_ index: Int, done: Int, of total: Int) {
        guard live else { return }
        open.withLock { open in
            // A count of another step, or older than the one shown, came late.
            guard let shown = open, shown.index == index, done > shown.done else { return }
            output("\r\u{1B}[K" + shown.line + " " + Self.count(done) + "/" + Self.count(total))
            open?.done = done
        }
    }

    /// Ends the line of the last step (before the summary or a diagnostic).
    func finish() {
        open.withLock { open in
            if open != nil { output("\n") }
            open = nil
        }
    }

    /// `35,279`: digits in groups of three.
    static func count(_ value: Int) -> String {
        let digits = String(value)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return grouped
    }

    static let standardOutput: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }
}
