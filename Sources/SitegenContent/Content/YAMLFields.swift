import Foundation
import Yams

/// Reads typed fields out of a composed YAML mapping and records a located diagnostic for
/// every missing, mistyped or unknown field. Positions come from the YAML nodes' marks, so a
/// type error points at the offending value, not only at a coding path.
package struct YAMLFields {
    package let file: String
    /// Added to a node's YAML line to give its line in the file.
    package let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    package init(file: String, firstLine: Int) {
        self.file = file
        self.lineOffset = firstLine - 1
    }

    // MARK: Parsing

    /// Composes the YAML text; syntax errors become located diagnostics. Empty text gives an
    /// empty mapping. Well-formed text is composed from libyaml's events (`YAMLComposer`);
    /// anything else by Yams, whose errors are reported. Scalars are read as text here, so no
    /// YAML type is resolved: with `Resolver.basic` every plain scalar is a string, which spares
    /// a regular-expression match per key. Keys are compared by their text, so `1:` and `"1":`
    /// in one mapping are the same key (a duplicate).
    package mutating func compose(_ yaml: String) -> YAMLMapping? {
        let node: YAMLNode?
        if case .document(let root) = YAMLComposer.compose(yaml) {
            node = root
        } else {
            do {
                node = try Yams.compose(yaml: yaml, Resolver.basic, Constructor.default, .utf8).map(YAMLNode.init)
            } catch let error as YamlError {
                diagnostics.append(diagnostic(for: error))
                return nil
            } catch {
                diagnostics.append(.error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1)))
                return nil
            }
        }
        guard let node else { return YAMLMapping(pairs: [], mark: nil) }
        guard let mapping = YAMLMapping(node) else {
            diagnostics.append(.error("front matter must be a mapping of 'key: value' lines, found \(Self.kind(of: node))", at: location(of: node)))
            return nil
        }
        return mapping
    }

    static let nestsTooDeeply =
        "YAML nests too deeply here: more than 1,000 lists or mappings inside one another; front matter needs a few levels at most, so close the brackets or indent less"

    private func diagnostic(for error: YamlError) -> Diagnostic {
        // libyaml's "Maximum nesting level reached, set with yaml_set_max_nest_level()".
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            if problem.contains("nesting level") { return .error(Self.nestsTooDeeply, at: location(mark)) }
        default: break
        }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context {
                let start = location(context.mark)
                message += " (\(context.text) that starts at line \(start.line), column \(start.column))"
            }
            return .error(message, at: location(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys) in YAML mapping", at: location(context.mark))
        default:
            return .error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1))
        }
    }

    // MARK: Locations

    package func location(_ mark: YAMLMark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    package func location(_ mark: Mark) -> SourceLocation { location(YAMLMark(line: mark.line, column: mark.column)) }

    package func location(of node: YAMLNode) -> SourceLocation { location(node.mark) }

    /// The location of a key inside a mapping (for errors about the whole field).
    package func location(ofKey key: String, in mapping: YAMLMapping) -> SourceLocation {
        for pair in mapping.pairs where pair.key.string == key { return location(of: pair.key) }
        return location(mapping.mark)
    }

    package mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: Typed access

    /// A string field. Plain scalars of any YAML type (`2049`, `true`) are taken as written.
    package mutating func string(_ key: String, in mapping: YAMLMapping, required: Bool = false) -> String? {
        guard let node = mapping[key] else {
            if required { diagnostics.append(.error("missing required field '\(key)'", at: location(mapping.mark))) }
            return nil
        }
        return string(node, field: key, required: required)
    }

    package mutating func string(_ node: YAMLNode, field: String, required: Bool = false) -> String? {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error("field '\(field)' must be a string, found \(Self.kind(of: node))", at: location(of: node)))
            return nil
        }
        let value = Self.trimmed(scalar.string)
        if value.isEmpty || (scalar.isPlain && Self.isNull(scalar.string)) {
            if required { diagnostics.append(.error("field '\(field)' must not be empty", at: location(of: node))) }
            return nil
        }
        return value
    }

    /// A list of strings; a single scalar is accepted as a one-element list.
    package mutating func stringList(_ key: String, in mapping: YAMLMapping) -> [(value: String, location: SourceLocation)] {
        guard let node = mapping[key] else { return [] }
        switch node {
        case .scalar(let scalar) where scalar.isPlain && Self.isNull(scalar.string):
            return []
        case .scalar:
            return string(node, field: key).map { [($0, location(of: node))] } ?? []
        case .sequence(let sequence, _):
            return sequence.compactMap { item in
                guard let value = string(item, field: "\(key) item") else {
                    if case .scalar = item {
                        diagnostics.append(.warning("empty item in '\(key)' is ignored", at: location(of: item)))
                    }
                    return nil
                }
                return (value, location(of: item))
            }
        default:
            diagnostics.append(.error("field '\(key)' must be a list of strings, found \(Self.kind(of: node))", at: location(of: node)))
            return []
        }
    }

    /// A nested mapping.
    package mutating func mapping(_ key: String, in mapping: YAMLMapping) -> YAMLMapping? {
        guard let node = mapping[key] else { return nil }
        if case .scalar(let scalar) = node, scalar.isPlain, Self.isNull(scalar.string) { return nil }
        guard let nested = YAMLMapping(node) else {
            diagnostics.append(.error("field '\(key)' must be a mapping of 'key: value' lines, found \(Self.kind(of: node))", at: location(of: node)))
            return nil
        }
        return nested
    }

    /// A list of mappings.
    package mutating func mappingList(_ key: String, in mapping: YAMLMapping) -> [YAMLMapping] {
        guard let node = mapping[key] else { return [] }
        guard case .sequence(let sequence, _) = node else {
            diagnostics.append(.error("field '\(key)' must be a list, found \(Self.kind(of: node))", at: location(of: node)))
            return []
        }
        return sequence.compactMap { item in
            guard let nested = YAMLMapping(item) else {
                diagnostics.append(.error("each item of '\(key)' must be a mapping, found \(Self.kind(of: item))", at: location(of: item)))
                return nil
            }
            return nested
        }
    }

    /// A boolean (`true`/`false`).
    package mutating func bool(_ key: String, in mapping: YAMLMapping) -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node, let value = Bool(scalar.string.lowercased()) else {
            diagnostics.append(.error("field '\(key)' must be true or false", at: location(of: node)))
            return nil
        }
        return value
    }

    /// An integer.
    package mutating func int(_ key: String, in mapping: YAMLMapping) -> Int? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            diagnostics.append(.error("field '\(key)' must be a whole number", at: location(of: node)))
            return nil
        }
        return value
    }

    /// Warns about keys that are not in `known`, suggesting the nearest known key.
    package mutating func warnAboutUnknownKeys(in mapping: YAMLMapping, known: [String], context: String) {
        for pair in mapping.pairs {
            guard let key = pair.key.string, !known.contains(key) else { continue }
            let hint = Suggestion.hint(for: key, in: known)
            diagnostics.append(.warning("unknown key '\(key)' in \(context)\(hint)", at: location(of: pair.key)))
        }
    }

    // MARK: Helpers

    package static func isNull(_ text: String) -> Bool {
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// `text.trimmingCharacters(in: .whitespacesAndNewlines)`, without the Foundation call when
    /// both ends are visible ASCII (as almost every value is).
    package static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        if (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    package static func kind(of node: YAMLNode) -> String {
        switch node {
        case .scalar: return "a string"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
