import ArgumentParser
import SitegenContent
import SitegenCore

/// `sitegen __markdown-worker`: the hidden worker mode the build starts once per core to
/// render Markdown in isolation (framed requests on stdin, replies on stdout).
struct MarkdownWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__markdown-worker",
        abstract: "Internal: render Markdown requests from standard input.",
        shouldDisplay: false
    )

    @Option(name: .customLong("memory-limit"), help: "Address-space limit in bytes.")
    var memoryLimit: Int = 1 << 30

    func run() throws {
        let status = MarkdownWorkers.serve(memoryLimit: memoryLimit)
        if status != 0 { throw ExitCode(status) }
    }
}
