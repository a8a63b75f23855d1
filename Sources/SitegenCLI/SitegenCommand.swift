import ArgumentParser
import Foundation
import SitegenCore

/// The `sitegen` command: a static site generator for role handbooks.
public struct SitegenCommand: AsyncParsableCommand {
    /// Command metadata.
    public static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build a role handbook: Markdown role files in, a complete static site out.",
        discussion: """
            Exit codes: 0 success, 1 content, configuration or template errors, 2 usage errors, \
            3 I/O or environment errors.
            """,
        version: SitegenVersion.current,
        subcommands: [
            BuildCommand.self, ServeCommand.self, CheckCommand.self, NewCommand.self, InitCommand.self, TemplatesCommand.self, MarkdownWorkerCommand.self,
        ],
        defaultSubcommand: nil
    )

    /// Creates the command (used by the argument parser).
    public init() {}

    /// Parses `arguments`, runs the command and returns the process exit code.
    public static func main(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                return 0
            }
            FileHandle.standardError.write(Data((message + "\n").utf8))
            return code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue
        }
    }
}

/// The exit codes `--help` documents.
enum ExitStatus: Int32 {
    case success = 0
    case contentErrors = 1
    case usage = 2
    case environment = 3

    /// 3 when writing the output failed or a file could not be read (`Permission denied`, not
    /// a regular file), 1 for every other problem.
    init(failure: BuildFailure) {
        let environmental = failure.step.failureKind == .environment || failure.diagnostics.containsEnvironmentErrors
        self = environmental ? .environment : .contentErrors
    }
}

/// The version printed by `--version` and recorded in caches.
public enum SitegenVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
