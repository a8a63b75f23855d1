/// A content file split into its YAML front matter and its Markdown body.
struct FrontMatter: Sendable, Hashable {
    /// The YAML text between the `---` fences (empty when the file has none).
    var yaml: String
    /// The file line on which the YAML text starts (1-based).
    var yamlFirstLine: Int
    /// The Markdown after the closing fence.
    var body: String
    /// The file line on which the body starts (1-based).
    var bodyFirstLine: Int
    /// False when the file did not start with a `---` fence.
    var hasFrontMatter: Bool

    static let unterminated = "front matter is not closed: add a line '---' after the YAML that starts on line 1"

    /// Splits `text`; a file that opens a `---` fence and never closes it is an error. Any
    /// line ending (`\n`, `\r\n`) ends a line; the parts are rejoined with `\n`.
    static func parse(_ text: String, file: String) -> Result<FrontMatter, Diagnostic> {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let first = lines.first, first == "---" else {
            return .success(FrontMatter(yaml: "", yamlFirstLine: 1, body: String(text), bodyFirstLine: 1, hasFrontMatter: false))
        }
        guard let close = lines.indices.dropFirst().first(where: { lines[$0] == "---" })
        else {
            return .failure(.error(unterminated, at: SourceLocation(file: file, line: 1, column: 1)))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 2, hasFrontMatter: true))
    }
}
