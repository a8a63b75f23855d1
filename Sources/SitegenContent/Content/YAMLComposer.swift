import CYaml

/// Composes YAML into `YAMLNode`s straight from libyaml's events (the parser Yams wraps).
///
/// Yams' composer costs about twice libyaml's parsing of a role's front matter (an object,
/// a tag and a Foundation string conversion per event). This one builds only what front matter
/// needs. It handles well-formed input; whenever Yams would or might report a problem (a
/// syntax error, an unknown alias, two keys with the same text, a key that is a list or a
/// mapping, more than one document), it answers `.needsYams` and the caller lets Yams compose
/// the text, so every diagnostic is still Yams' own.
package enum YAMLComposer {
    package enum Outcome: Equatable {
        /// The root node; nil for an empty document.
        case document(YAMLNode?)
        /// Input only Yams' composer judges (a problem, or a doubt).
        case needsYams
    }

    package static func compose(_ yaml: String) -> Outcome {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var composer = EventComposer()
            defer { composer.finish() }
            yaml_parser_set_input_string(&composer.parser, bytes.baseAddress, bytes.count)
            return composer.document() ?? .needsYams
        }
    }
}

/// A libyaml parser and the event it last produced.
private struct EventComposer {
    package var parser = yaml_parser_t()
    package var event = yaml_event_t()
    package var hasEvent = false
    package var anchors: [String: YAMLNode] = [:]

    package init() {
        yaml_parser_initialize(&parser)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    }

    package mutating func finish() {
        if hasEvent { yaml_event_delete(&event) }
        yaml_parser_delete(&parser)
    }

    /// Moves to the next event; false on a syntax error.
    package mutating func advance() -> Bool {
        if hasEvent { yaml_event_delete(&event) }
        hasEvent = yaml_parser_parse(&parser, &event) == 1
        return hasEvent
    }

    /// The one document of the stream, as Yams' `compose` reads it; nil when Yams must judge.
    package mutating func document() -> YAMLComposer.Outcome? {
        guard advance(), event.type == YAML_STREAM_START_EVENT, advance() else { return nil }
        if event.type == YAML_STREAM_END_EVENT { return .document(nil) }
        guard event.type == YAML_DOCUMENT_START_EVENT, advance(), let root = node() else { return nil }
        guard advance(), event.type == YAML_DOCUMENT_END_EVENT, advance(), event.type == YAML_STREAM_END_EVENT else { return nil }
        return .document(root)
    }

    /// The node that starts with the current event.
    package mutating func node() -> YAMLNode? {
        let mark = YAMLMark(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            // Yams makes the text with `String(bytes:encoding:)`, which drops a leading BOM.
            guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            let node = YAMLNode.scalar(YAMLScalar(string: text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, mark: mark))
            register(scalar.anchor, node)
            return node
        case YAML_SEQUENCE_START_EVENT:
            let anchor = Self.text(event.data.sequence_start.anchor)
            var items: [YAMLNode] = []
            while true {
                guard advance() else { return nil }
                if event.type == YAML_SEQUENCE_END_EVENT { break }
                guard let item = node() else { return nil }
                items.append(item)
            }
            let node = YAMLNode.sequence(items, mark: mark)
            if let anchor { anchors[anchor] = node }
            return node
        case YAML_MAPPING_START_EVENT:
            let anchor = Self.text(event.data.mapping_start.anchor)
            var pairs: [YAMLPair] = []
            var keys: Set<String> = []
            while true {
                guard advance() else { return nil }
                if event.type == YAML_MAPPING_END_EVENT { break }
                // Keys are compared by Yams (text and tag, or structure): leave any doubt to it.
                guard let key = node(), let text = key.string, keys.insert(text).inserted else { return nil }
                guard advance(), let value = node() else { return nil }
                pairs.append(YAMLPair(key: key, value: value))
            }
            let node = YAMLNode.mapping(pairs, mark: mark)
            if let anchor { anchors[anchor] = node }
            return node
        case YAML_ALIAS_EVENT:
            return Self.text(event.data.alias.anchor).flatMap { anchors[$0] }
        default:
            return nil
        }
    }

    private mutating func register(_ anchor: UnsafeMutablePointer<yaml_char_t>?, _ node: YAMLNode) {
        if let name = Self.text(anchor) { anchors[name] = node }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
