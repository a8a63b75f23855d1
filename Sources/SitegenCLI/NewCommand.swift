import ArgumentParser
import Foundation
import SitegenContent
import SitegenCore

/// `sitegen new role "Title"`: a new role file with every field stubbed.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new content file.",
        subcommands: [NewRoleCommand.self]
    )
}

/// `sitegen new role "Site Engineer"` → `Content/roles/site-engineer.md`.
struct NewRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role",
        abstract: "Write Content/roles/<slug>.md with every field of the schema stubbed and commented.",
        discussion:
            "The file starts as a draft (draft: true); it refuses to overwrite an existing file. Exit codes: 0 written, 2 usage errors, 3 the file exists or cannot be written."
    )

    @Argument(help: "The role's title, e.g. \"Site Engineer\".")
    var title: String

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard !title.trimmingCharacters(in: .whitespaces).isEmpty, !SitegenCore.slug(for: title).isEmpty else {
            throw ValidationError("the title must contain at least one letter or digit")
        }
    }

    func run() throws {
        let terminal = Terminal(quiet: false, verbose: false)
        let schema = SitegenCore.schema(ofSiteAt: site.sourceURL) ?? .standard
        let today = ISO8601DateFormatter.string(from: Date(), timeZone: .current, formatOptions: [.withFullDate])
        let (path, text) = Scaffold.role(title: title, schema: schema, today: today)
        let url = site.sourceURL.appendingPathComponent("Content").appendingPathComponent(path)
        let shown = BuildOptions(source: site.sourceURL).displayPrefix + "Content/" + path
        guard !FileManager.default.fileExists(atPath: url.path) else {
            terminal.error("\(shown) already exists; not overwriting it")
            throw ExitCode(ExitStatus.environment.rawValue)
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            terminal.error("cannot write \(shown): \(error.localizedDescription)")
            throw ExitCode(ExitStatus.environment.rawValue)
        }
        print(shown)
    }
}
