import ArgumentParser
import Foundation
import SitegenContent
import SitegenCore

/// `sitegen templates [layout]`: every name each layout can use, with its type and help.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List every name a layout can use, with its type and a line of help.",
        discussion: """
            Names inside a list or object are indented below it: they are what a section over it \
            sees. A name a layout uses that its pages cannot give is an error of `sitegen check`.
            """
    )

    @OptionGroup var site: SiteOptions

    @Argument(help: "Only this layout (role, duties, compare, …).")
    var layout: String?

    func run() throws {
        do {
            print(try BuildPipeline(options: BuildOptions(source: site.sourceURL)).templateReference(layout: layout), terminator: "")
        } catch {
            Terminal(quiet: false, verbose: false).report(error.diagnostics, root: FileManager.default.currentDirectoryPath.asFileURL)
            throw ExitCode(ExitStatus.contentErrors.rawValue)
        }
    }
}
