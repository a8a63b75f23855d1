/// The attributes tree construction looks at (`<font color>`, `<input type=hidden>`, the
/// encoding of `<annotation-xml>`).
extension HTMLTreeState {
    static func has(_ names: Set<HTMLAttributeName>, in reader: HTMLTagReader) -> Bool {
        reader.attributes.contains { attribute in
            HTMLAttributeName(UnsafeBufferPointer(rebasing: reader.bytes[attribute.name])).map(names.contains) ?? false
        }
    }

    /// `<input type=hidden>` leaves frames possible.
    static func isHidden(_ reader: HTMLTagReader) -> Bool {
        value(of: .type, in: reader) == "hidden"
    }

    /// The `encoding` attribute's value, ASCII-lowercased.
    static func encoding(in reader: HTMLTagReader) -> String? { value(of: .encoding, in: reader) }

    /// The value of the first attribute called `name`, ASCII-lowercased.
    static func value(of name: HTMLAttributeName, in reader: HTMLTagReader) -> String? {
        for attribute in reader.attributes where HTMLAttributeName(UnsafeBufferPointer(rebasing: reader.bytes[attribute.name])) == name {
            let value = HTMLCharacterReference.decodeAttribute(UnsafeBufferPointer(rebasing: reader.bytes[attribute.value]))
            return String(decoding: value.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return nil
    }

    static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        bytes[range].map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
    }
}
