import Foundation

/// Prints diagnostics like a compiler: the located message, then the offending source line
/// with a caret under the column.
public struct DiagnosticPrinter: Sendable {
    /// Colour the severity (only on a terminal, never with `NO_COLOR`).
    public var colour: Bool
    /// Resolves a diagnostic's file path to read the source line from.
    public var root: URL?

    /// Creates a printer.
    public init(colour: Bool, root: URL? = nil) {
        self.colour = colour
        self.root = root
    }

    /// The text for one diagnostic, with a source excerpt when the line can be read.
    public func format(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity.rawValue
        let painted = colour ? "\u{1B}[\(diagnostic.severity == .error ? "1;31" : "1;35")m\(severity):\u{1B}[0m" : "\(severity):"
        let prefix = diagnostic.location.map { "\($0): " } ?? ""
        var text = "\(prefix)\(painted) \(diagnostic.message)"
        if let excerpt = excerpt(for: diagnostic.location) { text += "\n" + excerpt }
        return text
    }

    /// The text for a list of diagnostics, sorted, followed by a count line.
    public func format(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        var lines = diagnostics.sortedForDisplay().map(format)
        var counts: [String] = []
        if errors > 0 { counts.append(errors == 1 ? "1 error" : "\(errors) errors") }
        if warnings > 0 { counts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
        if !counts.isEmpty { lines.append(counts.joined(separator: " and ") + " found.") }
        return lines.joined(separator: "\n")
    }

    /// The most characters of a source line an excerpt shows.
    static let excerptWidth = 100

    private func excerpt(for location: SourceLocation?) -> String? {
        guard let location, location.line > 0 else { return nil }
        let url = location.file.hasPrefix("/") ? URL(fileURLWithPath: location.file) : URL(fileURLWithPath: location.file, relativeTo: root)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line <= lines.count else { return nil }
        var line = Substring(lines[location.line - 1].replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: ""))
        var column = max(0, min(location.column - 1, line.count))
        // A long line is cut to a window around the column.
        if line.count > Self.excerptWidth {
            let start = max(0, min(column - Self.excerptWidth / 2, line.count - Self.excerptWidth))
            let window = line.dropFirst(start).prefix(Self.excerptWidth)
            line = (start > 0 ? "…" : "") + window + (start + Self.excerptWidth < line.count ? "…" : "")
            column = column - start + (start > 0 ? 1 : 0)
        }
        guard location.column > 0 else { return "    " + line }
        let caret = String(repeating: " ", count: column) + "^"
        return "    \(line)\n    \(caret)"
    }
}
