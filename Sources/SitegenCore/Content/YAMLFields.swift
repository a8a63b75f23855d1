import Foundation
import Yams

/// Reads typed fields out of a composed YAML mapping and records a located diagnostic for
/// every missing, mistyped or unknown field. Positions come from the YAML nodes' marks, so a
/// type error points at the offending value, not only at a coding path.
struct YAMLFields {
    let file: String
    /// Added to a node's YAML line to give its line in the file.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, firstLine: Int) {
        self.file = file
        self.lineOffset = firstLine - 1
    }

    // MARK: Parsing

    /// Composes the YAML text; syntax errors become located diagnostics. Empty text gives an
    /// empty mapping.
    mutating func compose(_ yaml: String) -> Node.Mapping? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error))
            return nil
        } catch {
            diagnostics.append(.error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: lineOffset + 1, column: 1)))
            return nil
        }
        guard let node else { return Node.Mapping([]) }
        guard let mapping = node.mapping else {
            diagnostics.append(.error("front matter must be a mapping of 'key: value' lines, found \(Self.kind(of: node))", at: location(of: node)))
            return nil
        }
        return mapping
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
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

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    /// The location of a key inside a mapping (for errors about the whole field).
    func location(ofKey key: String, in mapping: Node.Mapping) -> SourceLocation {
        for (keyNode, _) in mapping where keyNode.string == key { return location(of: keyNode) }
        return location(mapping.mark)
    }

    mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    // MARK: Typed access

    /// A string field. Plain scalars of any YAML type (`2049`, `true`) are taken as written.
    mutating func string(_ key: String, in mapping: Node.Mapping, required: Bool = false) -> String? {
        guard let node = mapping[key] else {
            if required { diagnostics.append(.error("missing required field '\(key)'", at: location(mapping.mark))) }
            return nil
        }
        return string(node, field: key, required: required)
    }

    mutating func string(_ node: Node, field: String, required: Bool = false) -> String? {
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error("field '\(field)' must be a string, found \(Self.kind(of: node))", at: location(of: node)))
            return nil
        }
        let value = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty || (scalar.style == .plain && Self.isNull(scalar.string)) {
            if required { diagnostics.append(.error("field '\(field)' must not be empty", at: location(of: node))) }
            return nil
        }
        return value
    }

    /// A list of strings; a single scalar is accepted as a one-element list.
    mutating func stringList(_ key: String, in mapping: Node.Mapping) -> [(value: String, location: SourceLocation)] {
        guard let node = mapping[key] else { return [] }
        switch node {
        case .scalar(let scalar) where scalar.style == .plain && Self.isNull(scalar.string):
            return []
        case .scalar:
            return string(node, field: key).map { [($0, location(of: node))] } ?? []
        case .sequence(let sequence):
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
    mutating func mapping(_ key: String, in mapping: Node.Mapping) -> Node.Mapping? {
        guard let node = mapping[key] else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain, Self.isNull(scalar.string) { return nil }
        guard let nested = node.mapping else {
            diagnostics.append(.error("field '\(key)' must be a mapping of 'key: value' lines, found \(Self.kind(of: node))", at: location(of: node)))
            return nil
        }
        return nested
    }

    /// A list of mappings.
    mutating func mappingList(_ key: String, in mapping: Node.Mapping) -> [Node.Mapping] {
        guard let node = mapping[key] else { return [] }
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error("field '\(key)' must be a list, found \(Self.kind(of: node))", at: location(of: node)))
            return []
        }
        return sequence.compactMap { item in
            guard let nested = item.mapping else {
                diagnostics.append(.error("each item of '\(key)' must be a mapping, found \(Self.kind(of: item))", at: location(of: item)))
                return nil
            }
            return nested
        }
    }

    /// A boolean (`true`/`false`).
    mutating func bool(_ key: String, in mapping: Node.Mapping) -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node, let value = Bool(scalar.string.lowercased()) else {
            diagnostics.append(.error("field '\(key)' must be true or false", at: location(of: node)))
            return nil
        }
        return value
    }

    /// An integer.
    mutating func int(_ key: String, in mapping: Node.Mapping) -> Int? {
        guard let node = mapping[key] else { return nil }
        guard case .scalar(let scalar) = node, let value = Int(scalar.string) else {
            diagnostics.append(.error("field '\(key)' must be a whole number", at: location(of: node)))
            return nil
        }
        return value
    }

    /// Warns about keys that are not in `known`, suggesting the nearest known key.
    mutating func warnAboutUnknownKeys(in mapping: Node.Mapping, known: [String], context: String) {
        for (keyNode, _) in mapping {
            guard let key = keyNode.string, !known.contains(key) else { continue }
            let hint = Suggestion.hint(for: key, in: known)
            diagnostics.append(.warning("unknown key '\(key)' in \(context)\(hint)", at: location(of: keyNode)))
        }
    }

    // MARK: Helpers

    static func isNull(_ text: String) -> Bool { ["", "~", "null", "Null", "NULL"].contains(text) }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "a string"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
