import ArgumentParser
import Foundation
import SitegenContent
import SitegenCore

/// `sitegen init DIR`: a new site that builds cleanly at once.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: sitegen.yml with its schema, two example roles, one comparison and the default theme.",
        discussion:
            "Refuses a folder that exists and is not empty. Exit codes: 0 created, 2 usage errors, 3 the folder is not empty or cannot be written."
    )

    @Argument(help: "The folder to create the site in.")
    var directory: String

    @Option(help: "The starter to copy: \(Scaffold.examples.joined(separator: " or ")) (`film`: a film, television and games handbook).")
    var example: String = "neutral"

    func validate() throws {
        guard Scaffold.examples.contains(example) else {
            throw ValidationError("unknown example '\(example)'; choose \(Scaffold.examples.joined(separator: " or "))")
        }
    }

    func run() throws {
        let terminal = Terminal(quiet: false, verbose: false)
        let root = URL(fileURLWithPath: directory).standardizedFileURL
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder), !isFolder.boolValue || !existing.isEmpty {
            terminal.error("\(directory) \(isFolder.boolValue ? "is not empty" : "exists and is not a folder"); choose a new or empty folder")
            throw ExitCode(ExitStatus.environment.rawValue)
        }
        do {
            for (path, text) in (Scaffold.site(example: example) ?? [:]).sorted(by: { $0.key < $1.key }) {
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
            try FileManager.default.createDirectory(at: root.appendingPathComponent("Output"), withIntermediateDirectories: true)
        } catch {
            terminal.error("cannot create the site in \(directory): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.environment.rawValue)
        }
        print("Created a new site in \(directory). Next: cd \(directory) && sitegen build")
    }
}
