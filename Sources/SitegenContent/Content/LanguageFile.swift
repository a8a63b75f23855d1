/// A theme's words in one language, `Templates/i18n/<language>.yml`: one text per key, with
/// `{name}` where a value goes (`duties_title: "What does {a} {title} do?"`).
package struct LanguageFile: Sendable, Hashable {
    /// The text of each key.
    package var texts: [String: String]

    /// Parses a language file; every value must be a string.
    package static func parse(_ text: String, file: String) -> (LanguageFile?, [Diagnostic]) {
        var fields = YAMLFields(file: file, firstLine: 1)
        guard let root = fields.compose(text) else { return (nil, fields.diagnostics) }
        var texts: [String: String] = [:]
        for pair in root.pairs {
            guard let key = pair.key.string else { continue }
            guard case .scalar(let scalar) = pair.value else {
                fields.report(.error("'\(key)' must be a text, found \(YAMLFields.kind(of: pair.value))", at: fields.location(of: pair.value)))
                continue
            }
            texts[key] = scalar.string
        }
        guard !fields.diagnostics.containsErrors else { return (nil, fields.diagnostics) }
        return (LanguageFile(texts: texts), fields.diagnostics)
    }
}
