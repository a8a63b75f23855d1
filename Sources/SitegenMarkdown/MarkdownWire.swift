import Foundation

/// The framed binary protocol between sitegen and its Markdown worker processes:
/// each message is a little-endian UInt32 byte count followed by that many bytes.
/// Requests carry a document and its options; responses carry the rendered result.
public enum MarkdownWire {
    /// Encodes a render request.
    public static func encodeRequest(_ text: String, _ options: MarkdownOptions) -> Data {
        var writer = Writer()
        writer.string(options.documentPath)
        writer.int(options.smartPunctuation ? 1 : 0)
        writer.strings(options.reservedIDs.sorted())
        writer.string(text)
        return writer.framed()
    }

    /// Decodes a request payload (without its length prefix).
    public static func decodeRequest(_ payload: Data) -> (String, MarkdownOptions)? {
        var reader = Reader(payload)
        guard let path = reader.string(), let smart = reader.int(), let reserved = reader.strings(), let text = reader.string()
        else { return nil }
        return (text, MarkdownOptions(documentPath: path, smartPunctuation: smart == 1, reservedIDs: Set(reserved)))
    }

    /// Encodes a rendered document.
    public static func encodeResponse(_ result: RenderedMarkdown) -> Data {
        var writer = Writer()
        writer.string(result.html)
        writer.int(result.headings.count)
        for heading in result.headings {
            writer.int(heading.level)
            writer.string(heading.text)
            writer.string(heading.id)
            writer.int(heading.line)
        }
        writer.int(result.links.count)
        for link in result.links {
            writer.string(link.destination)
            writer.string(link.original)
            writer.int(link.line)
            writer.int(link.column)
            writer.int(link.isImage ? 1 : 0)
        }
        return writer.framed()
    }

    /// Decodes a response payload (without its length prefix).
    public static func decodeResponse(_ payload: Data) -> RenderedMarkdown? {
        var reader = Reader(payload)
        guard let html = reader.string(), let headingCount = reader.int(), headingCount >= 0 else { return nil }
        var headings: [Heading] = []
        for _ in 0..<headingCount {
            guard let level = reader.int(), let text = reader.string(), let id = reader.string(), let line = reader.int() else { return nil }
            headings.append(Heading(level: level, text: text, id: id, line: line))
        }
        guard let linkCount = reader.int(), linkCount >= 0 else { return nil }
        var links: [Link] = []
        for _ in 0..<linkCount {
            guard let destination = reader.string(), let original = reader.string(), let line = reader.int(),
                let column = reader.int(), let image = reader.int()
            else { return nil }
            links.append(Link(destination: destination, original: original, line: line, column: column, isImage: image == 1))
        }
        return RenderedMarkdown(html: html, headings: headings, links: links)
    }

    /// Reads the byte count of a frame from its 4-byte prefix.
    public static func frameLength(_ prefix: Data) -> Int {
        prefix.prefix(4).enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
    }

    struct Writer {
        var data = Data()

        mutating func int(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { data.append(contentsOf: $0) }
        }

        mutating func string(_ value: String) {
            let bytes = Array(value.utf8)
            int(bytes.count)
            data.append(contentsOf: bytes)
        }

        mutating func strings(_ values: [String]) {
            int(values.count)
            for value in values { string(value) }
        }

        func framed() -> Data {
            var frame = Data(capacity: data.count + 4)
            withUnsafeBytes(of: UInt32(data.count).littleEndian) { frame.append(contentsOf: $0) }
            frame.append(data)
            return frame
        }
    }

    struct Reader {
        let data: Data
        var offset: Int

        init(_ data: Data) {
            self.data = data
            offset = data.startIndex
        }

        mutating func int() -> Int? {
            guard offset + 8 <= data.endIndex else { return nil }
            var value: Int64 = 0
            for index in 0..<8 { value |= Int64(data[offset + index]) << (8 * index) }
            offset += 8
            return Int(Int64(littleEndian: value))
        }

        mutating func string() -> String? {
            // `count <= endIndex - offset`, not `offset + count <= endIndex`: a count near
            // Int.max must fail, not overflow.
            guard let count = int(), count >= 0, count <= data.endIndex - offset else { return nil }
            let value = String(decoding: data[offset..<offset + count], as: UTF8.self)
            offset += count
            return value
        }

        mutating func strings() -> [String]? {
            guard let count = int(), count >= 0 else { return nil }
            var values: [String] = []
            for _ in 0..<count {
                guard let value = string() else { return nil }
                values.append(value)
            }
            return values
        }
    }
}
