import Yams

/// A composed YAML mapping whose values are looked up by the keys' text. Yams' own
/// `mapping["key"]` builds a node and compares it with every key by resolved tag, which runs
/// the resolver's regular expressions on each comparison; front matter keys are plain text,
/// so one dictionary per mapping answers every lookup instead.
struct YAMLMapping {
    /// The mapping as composed, in file order (for unknown-key warnings and locations).
    let node: Node.Mapping
    private let values: [String: Node]

    init(_ node: Node.Mapping) {
        self.node = node
        var values: [String: Node] = [:]
        values.reserveCapacity(node.count)
        // The last of equal keys wins, as with Yams' subscript (the composer rejects
        // duplicate keys, so there is at most one).
        for (key, value) in node {
            if let text = key.scalar?.string { values[text] = value }
        }
        self.values = values
    }

    /// The value written for `key`, if any.
    subscript(key: String) -> Node? { values[key] }

    /// Where the mapping starts.
    var mark: Mark? { node.mark }
}
