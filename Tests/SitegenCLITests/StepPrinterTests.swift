import Foundation
import Synchronization
import Testing

@testable import SitegenCLI

/// The step lines on a terminal: a long step's count rewritten in place, late or foreign counts
/// dropped, the last line ended before the summary.
@Suite struct StepPrinterTests {
    final class Collected: Sendable {
        let text = Mutex("")
        func append(_ more: String) { text.withLock { $0 += more } }
    }

    @Test func aLongStepShowsItsCountInPlace() {
        let collected = Collected()
        let printer = StepPrinter(terminal: Terminal(quiet: false, verbose: false), live: true) { collected.append($0) }
        printer.stepStarted(4, of: 7, "Rendering Markdown")
        printer.stepStarted(5, of: 7, "Rendering pages")
        printer.stepAdvanced(5, done: 1200, of: 35279)
        printer.stepAdvanced(5, done: 900, of: 35279)  // late: an older count
        printer.stepAdvanced(4, done: 10, of: 10)  // late: another step's
        printer.stepAdvanced(5, done: 35279, of: 35279)
        printer.stepStarted(6, of: 7, "Checking links")
        printer.finish()
        let erase = "\r\u{1B}[K"
        #expect(
            collected.text.withLock { $0 }
                == "[4/7] Rendering Markdown\n[5/7] Rendering pages" + erase + "[5/7] Rendering pages 1,200/35,279" + erase
                + "[5/7] Rendering pages 35,279/35,279\n[6/7] Checking links\n")
    }

    @Test(arguments: [(0, "0"), (999, "999"), (1000, "1,000"), (35279, "35,279"), (1_234_567, "1,234,567")])
    func countsAreGroupedByThousands(value: Int, text: String) {
        #expect(StepPrinter.count(value) == text)
    }

    @Test func quietOrNotATerminalShowsNoCounts() {
        let collected = Collected()
        let quiet = StepPrinter(terminal: Terminal(quiet: true, verbose: false), live: true) { collected.append($0) }
        #expect(!quiet.live)
        let piped = StepPrinter(terminal: Terminal(quiet: false, verbose: false), live: false) { collected.append($0) }
        piped.stepAdvanced(5, done: 10, of: 20)
        piped.finish()
        #expect(collected.text.withLock { $0 }.isEmpty)
    }
}
