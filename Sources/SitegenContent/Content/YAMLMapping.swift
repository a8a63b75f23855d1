/// A composed YAML mapping whose values are looked up by the keys' text. (Yams' own
/// `mapping["key"]` builds a node and compares it with every key by resolved tag, which runs
/// the resolver's regular expressions on each comparison; front matter keys are plain text,
/// so one dictionary per mapping answers every lookup instead.)
package struct YAMLMapping {
    /// The pairs in file order (for unknown-key warnings and locations).
    package let pairs: [YAMLPair]
    /// Where the mapping starts.
    package let mark: YAMLMark?
    private let values: [String: YAMLNode]

    package init(pairs: [YAMLPair], mark: YAMLMark?) {
        self.pairs = pairs
        self.mark = mark
        var values: [String: YAMLNode] = [:]
        values.reserveCapacity(pairs.count)
        // The last of equal keys wins, as with Yams' subscript (the composer rejects
        // duplicate keys, so there is at most one).
        for pair in pairs {
            if let text = pair.key.string { values[text] = pair.value }
        }
        self.values = values
    }

    /// The mapping a node is, if it is one.
    init?(_ node: YAMLNode) {
        guard case .mapping(let pairs, let mark) = node else { return nil }
        self.init(pairs: pairs, mark: mark)
    }

    /// The value written for `key`, if any.
    package subscript(key: String) -> YAMLNode? { values[key] }
}
