/// A name a template uses that the value it is rendered with cannot provide, found by
/// `TemplateLibrary.checkNames(_:root:)` before rendering.
public struct TemplateNameProblem: Sendable, Hashable {
    /// The template that holds the tag (a partial's or parent's own name, when the tag is there).
    public var template: String
    /// 1-based line of the tag.
    public var line: Int
    /// 1-based column (in UTF-8 bytes) of the tag.
    public var column: Int
    /// The name as written in the tag, dotted (`role.levle`).
    public var name: String
    /// What is wrong, without a suggestion: `a role page has no value 'levle'`.
    public var message: String
    /// The closest name the template could have meant, if one is close enough.
    public var suggestion: String?

    /// Creates a problem.
    public init(template: String, line: Int, column: Int, name: String, message: String, suggestion: String? = nil) {
        self.template = template
        self.line = line
        self.column = column
        self.name = name
        self.message = message
        self.suggestion = suggestion
    }

    /// The message with its suggestion: `a role page has no value 'levle'; did you mean 'level'?`.
    public var messageWithSuggestion: String {
        suggestion.map { "\(message); did you mean '\($0)'?" } ?? message
    }

    /// `name` is missing from an object of shape `shape`.
    static func missing(_ name: String, in shape: String) -> String { "\(shape) has no value '\(name)'" }
    /// `path` names a value without names of its own (text, a flag, a list), so `part` is missing.
    static func notAnObject(_ path: String, _ type: TemplateType, _ part: String) -> String {
        "'\(path)' is \(type.article) and has no value '\(part)'"
    }
    /// `name` is used where no object offers names at all.
    static func nothingHere(_ name: String) -> String { "there is no value '\(name)' here" }
}
