import SitegenContent

/// A JSON value with a deterministic, HTML-safe text form, for JSON-LD inside `<script>` and
/// for the search index's script files.
///
/// Object members keep the order they were given in, so the same value always gives the same
/// bytes. `<`, `>` and `&` are written as `\u003c`, `\u003e` and `\u0026`, so no string can
/// close a `<script>` element or open an HTML comment in it; U+2028 and U+2029 are escaped too,
/// so the text is also a valid JavaScript expression.
package enum JSONValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])
    /// JSON text written already (a search document measured before it was placed).
    case written(String)

    /// A string, or null when there is none.
    package static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// An array of strings.
    package static func strings(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }

    /// An array of integers.
    package static func ints(_ numbers: [Int]) -> JSONValue { .array(numbers.map(JSONValue.int)) }

    /// The compact JSON text.
    package var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    /// Appends the compact JSON text to `out`.
    package func write(to out: inout String) {
        switch self {
        case .string(let value): Self.writeString(value, to: &out)
        case .int(let value): out += String(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .written(let text): out += text
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(to: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { out += "," }
                Self.writeString(member.key, to: &out)
                out += ":"
                member.value.write(to: &out)
            }
            out += "}"
        }
    }

    /// True for a byte that may need an escape: controls, `"` `\\` `<` `>` `&`, and 0xE2, the
    /// lead byte of U+2028 and U+2029.
    private static func mayNeedEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, 0x7F, 0xE2, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): true
        default: false
        }
    }

    /// A quoted JSON string, escaped for HTML `<script>` and JavaScript contexts.
    package static func quoted(_ value: String) -> String {
        var out = ""
        writeString(value, to: &out)
        return out
    }

    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        // Most strings need no escape at all: copy them in one piece.
        if !value.utf8.contains(where: mayNeedEscape) {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
