/// The file names that are no source of a site: the build never reads them and `serve` never
/// rebuilds for them. One list, used by both (SitegenCore's loader and SitegenServer's
/// watcher, which do not import each other).
public enum SourceNames {
    /// True for dotfiles and dot-folders (`.git`, `.#x.md`, `.x.md.swp`) and for the scratch
    /// files editors and tools write beside a file before renaming it over it: `x~`, `#x#`,
    /// `*.swp`, `*.swo`, `*.swx`, `*.swpx`, `*.tmp`, `*.kate-swp`, `*.crswap`, `*.part`,
    /// JetBrains' `*___jb_tmp___` and `*___jb_old___`, vim's `4913` and `sed -i`'s `sedXXXXXX`.
    public static func isIgnored(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return true }
        if name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#") { return true }
        if name.contains("___jb_tmp___") || name.contains("___jb_old___") { return true }
        let lowered = name.lowercased()
        if scratchSuffixes.contains(where: lowered.hasSuffix) { return true }
        return isSedScratch(name)
    }

    /// Endings of editors' scratch files (compared in lowercase).
    public static let scratchSuffixes = [".swp", ".swo", ".swx", ".swpx", ".tmp", ".kate-swp", ".crswap", ".part"]

    /// `sed -i` writes `sedXXXXXX` (six random letters or digits, `mkstemp`) and renames it
    /// over the file. All-lowercase suffixes are left alone so ordinary words stay sources.
    private static func isSedScratch(_ name: String) -> Bool {
        guard name.count == 9, name.hasPrefix("sed") else { return false }
        let suffix = name.dropFirst(3)
        return suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && suffix.contains { $0.isUppercase || $0.isNumber }
    }
}
