import Yams

/// A composed YAML node as front matter reads it: scalars as text, lists, mappings, each with
/// where it starts. Tags are not kept: every value is read as the text written.
package enum YAMLNode: Sendable, Equatable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode], mark: YAMLMark?)
    case mapping([YAMLPair], mark: YAMLMark?)
    /// Only from Yams' own node type; composing resolves every alias to its node.
    case alias(mark: YAMLMark?)

    /// Where the node starts.
    package var mark: YAMLMark? {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .sequence(_, let mark), .mapping(_, let mark), .alias(let mark): return mark
        }
    }

    /// The text of a scalar.
    package var string: String? {
        guard case .scalar(let scalar) = self else { return nil }
        return scalar.string
    }

    /// The node as Yams composed it (for input that only Yams' composer judges).
    package init(_ node: Node) {
        let mark = node.mark.map { YAMLMark(line: $0.line, column: $0.column) }
        switch node {
        case .scalar(let scalar):
            self = .scalar(YAMLScalar(string: scalar.string, isPlain: scalar.style == .plain, mark: mark))
        case .sequence(let sequence):
            self = .sequence(sequence.map(YAMLNode.init), mark: mark)
        case .mapping(let mapping):
            self = .mapping(mapping.map { YAMLPair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }, mark: mark)
        case .alias:
            self = .alias(mark: mark)
        }
    }
}

/// A scalar's text, whether it was written plain (not quoted, not a block), and where.
package struct YAMLScalar: Sendable, Equatable {
    package var string: String
    /// Plain scalars may spell null (`~`, `null`); quoted ones are always text.
    package var isPlain: Bool
    package var mark: YAMLMark?
}

/// One `key: value` of a mapping.
package struct YAMLPair: Sendable, Equatable {
    package var key: YAMLNode
    package var value: YAMLNode
}

/// A position in the YAML text: line and column from 1 (columns count Unicode scalars).
package struct YAMLMark: Sendable, Equatable {
    package var line: Int
    package var column: Int
}
