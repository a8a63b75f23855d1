/// The file names that are no source of a site: the build never reads them and `serve` never
/// rebuilds for them. One list, used by both (SitegenCore's loader and SitegenServer's
/// watcher, which do not import each other).
public enum SourceNames {
    /// True for dotfiles and dot-folders (`.git`, `.#x.md`, `.x.md.swp`) and for the scratch
    /// files editors and tools write beside a file before renaming it over it: `x~`, `#x#`,
    /// `*.swp`, `*.swo`, `*.swx`, `*.swpx`, `*.tmp`, `*.kate-swp`, `*.crswap`, `*.part`,
    /// JetBrains' `*___jb_tmp___` and `*___jb_old___`, vim's `4913` and `sed -i`'s `sedXXXXXX`.
    public static func isIgnored(_ name: String) -> Bool {
        // Byte by byte (every listed file is asked; at 10k roles the string form was 2% of a
        // warm build). Every pattern is ASCII.
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        if first == UInt8(ascii: ".") || last == UInt8(ascii: "~") || bytes == Array("4913".utf8) { return true }
        if bytes.count > 1 && first == UInt8(ascii: "#") && last == UInt8(ascii: "#") { return true }
        if contains(bytes, "___jb_tmp___") || contains(bytes, "___jb_old___") { return true }
        if scratchSuffixes.contains(where: { hasSuffixIgnoringASCIICase(bytes, $0) }) { return true }
        return isSedScratch(bytes)
    }

    /// Endings of editors' scratch files (compared in lowercase).
    public static let scratchSuffixes = [".swp", ".swo", ".swx", ".swpx", ".tmp", ".kate-swp", ".crswap", ".part"]

    /// `sed -i` writes `sedXXXXXX` (six random letters or digits, `mkstemp`) and renames it
    /// over the file. All-lowercase suffixes are left alone so ordinary words stay sources.
    private static func isSedScratch(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 9, bytes.starts(with: Array("sed".utf8)) else { return false }
        let suffix = bytes.dropFirst(3)
        let isLetterOrDigit = { (byte: UInt8) in (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || isDigit(byte) }
        return suffix.allSatisfy(isLetterOrDigit) && suffix.contains { ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) || isDigit($0) }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func contains(_ bytes: [UInt8], _ pattern: String) -> Bool {
        let needle = Array(pattern.utf8)
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func hasSuffixIgnoringASCIICase(_ bytes: [UInt8], _ suffix: String) -> Bool {
        let ending = Array(suffix.utf8)
        guard bytes.count >= ending.count else { return false }
        return zip(bytes.suffix(ending.count), ending).allSatisfy { byte, expected in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
        }
    }
}
