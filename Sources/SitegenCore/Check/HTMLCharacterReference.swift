import SitegenContent
import SitegenRender
import SitegenSupport

/// Attribute values decoded as the HTML tokenizer decodes them: character references
/// (`&amp;`, `&#47;`, `&#x2F;`, the legacy `&copy` without `;`), a carriage return or CR LF
/// read as a line feed, NUL as U+FFFD.
///
/// The rules are the WHATWG tokenizer's (character reference states, with an attribute value
/// as the return state): a named reference not ended by `;` and followed by `=` or a letter or
/// digit is left as written; a numeric one that names no scalar value becomes U+FFFD, one in
/// 0x80–0x9F the Windows-1252 character of that byte.
enum HTMLCharacterReference {
    /// The named references (with and without `;`) and the UTF-8 bytes each stands for.
    static let named: [[UInt8]: [UInt8]] = {
        var table: [[UInt8]: [UInt8]] = [:]
        table.reserveCapacity(2_300)
        for entry in namedTable.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let equals = entry.firstIndex(of: "=") else { continue }
            let scalars = entry[entry.index(after: equals)...].split(separator: ",").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            var value = ""
            value.unicodeScalars.append(contentsOf: scalars)
            table[Array(entry[..<equals].utf8)] = Array(value.utf8)
        }
        return table
    }()

    /// The longest name in the table, `;` included (`CounterClockwiseContourIntegral;`).
    static let longestName = 32

    /// The value of an attribute written as `bytes`, decoded.
    static func decodeAttribute(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\r") || $0 == 0 }) else {
            return String(decoding: bytes, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"):
                index = reference(in: bytes, at: index, into: &out)
            case UInt8(ascii: "\r"):
                out.append(UInt8(ascii: "\n"))
                index += index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1
            case 0:
                out += replacement
                index += 1
            default:
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// U+FFFD in UTF-8.
    static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Decodes the reference that starts with the `&` at `start` (or copies the `&` when none
    /// does); returns where reading goes on.
    private static func reference(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, into out: inout [UInt8]) -> Int {
        let next = start + 1
        guard next < bytes.count else {
            out.append(UInt8(ascii: "&"))
            return next
        }
        if bytes[next] == UInt8(ascii: "#") { return numeric(in: bytes, at: start, into: &out) }
        guard isAlphanumeric(bytes[next]) else {
            out.append(UInt8(ascii: "&"))
            return next
        }
        // The longest name in the table that the text starts with.
        var run = next
        while run < bytes.count, run - next < longestName, isAlphanumeric(bytes[run]) { run += 1 }
        if run < bytes.count, run - next < longestName, bytes[run] == UInt8(ascii: ";") { run += 1 }
        var end = run
        while end > next {
            let name = Array(UnsafeBufferPointer(rebasing: bytes[next..<end]))
            if let value = named[name] {
                let endsWithSemicolon = name.last == UInt8(ascii: ";")
                if !endsWithSemicolon, end < bytes.count, bytes[end] == UInt8(ascii: "=") || isAlphanumeric(bytes[end]) {
                    // Historical: `?a=1&copy=2` keeps its `&copy`.
                    out += UnsafeBufferPointer(rebasing: bytes[start..<end])
                } else {
                    out += value
                }
                return end
            }
            end -= 1
        }
        out.append(UInt8(ascii: "&"))
        return next
    }

    /// `&#` followed by decimal digits or `&#x` by hex digits, `;` optional.
    private static func numeric(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, into out: inout [UInt8]) -> Int {
        var index = start + 2
        let hex = index < bytes.count && (bytes[index] == UInt8(ascii: "x") || bytes[index] == UInt8(ascii: "X"))
        if hex { index += 1 }
        var value: UInt32 = 0
        let digitsStart = index
        while index < bytes.count, let digit = digitValue(bytes[index], hex: hex) {
            value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)
            index += 1
        }
        guard index > digitsStart else {
            // No digits: `&#` or `&#x` stays as written.
            out += UnsafeBufferPointer(rebasing: bytes[start..<digitsStart])
            return digitsStart
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ";") { index += 1 }
        let scalar: Unicode.Scalar
        if value == 0 || value > 0x10_FFFF || (0xD800...0xDFFF).contains(value) {
            scalar = "\u{FFFD}"
        } else if (0x80...0x9F).contains(value), let windows = windows1252[value] {
            scalar = Unicode.Scalar(windows)!
        } else {
            scalar = Unicode.Scalar(value)!
        }
        out += Array(String(Character(scalar)).utf8)
        return index
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// Numeric references to C1 controls that mean the Windows-1252 character of that byte.
    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030,
        0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
        0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]
}
