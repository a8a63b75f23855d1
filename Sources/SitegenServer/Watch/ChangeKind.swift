/// What a changed source file means for the site, decided from its path alone before anything
/// acts on it (zola `src/fs_utils.rs::detect_change_kind`).
///
/// The folder names mirror the site layout read by SitegenCore (`sitegen.yml`, `Content/`,
/// `Templates/`); this module does not import SitegenCore, so they are spelled out here.
public enum ChangeKind: String, Sendable, Hashable, CaseIterable {
    /// A Markdown file under `Content/`: the pages built from it change.
    case content
    /// A layout or partial under `Templates/`: every page may change.
    case template
    /// `sitegen.yml`: every page may change.
    case config
    /// A file copied as it is: `Templates/assets/…`, or a non-Markdown file under `Content/`.
    case asset

    static let contentFolder = "Content"
    static let templatesFolder = "Templates"
    static let assetsFolder = "assets"
    static let configFile = "sitegen.yml"

    /// Classifies `relativePath` (relative to the site root, `/`-separated); nil when the path
    /// is none of the site's sources or is a dotfile or an editor's scratch file.
    public static func classify(_ relativePath: String) -> ChangeKind? {
        let components = relativePath.split(separator: "/").map(String.init)
        guard let name = components.last, !components.contains(where: isIgnoredName) else { return nil }
        switch components[0] {
        case configFile where components.count == 1:
            return .config
        case contentFolder where components.count > 1:
            return name.lowercased().hasSuffix(".md") ? .content : .asset
        case templatesFolder where components.count > 1:
            return components.count > 2 && components[1] == assetsFolder ? .asset : .template
        default:
            return nil
        }
    }

    /// True for names no build reads: dotfiles and dot-folders (`.git`, `.#x.md`, `.x.md.swp`)
    /// and the scratch files editors and tools write beside the real one before renaming it.
    public static func isIgnoredName(_ name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") || name == "4913" { return true }
        if name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#") { return true }
        if name.contains("___jb_tmp___") || name.contains("___jb_old___") { return true }
        let lowered = name.lowercased()
        if scratchSuffixes.contains(where: lowered.hasSuffix) { return true }
        return isSedScratch(name)
    }

    static let scratchSuffixes = [".swp", ".swo", ".swx", ".swpx", ".tmp", ".kate-swp", ".crswap", ".part"]

    /// `sed -i` writes `sedXXXXXX` (six random letters or digits, `mkstemp`) and renames it
    /// over the file. All-lowercase suffixes are left alone so ordinary words stay sources.
    private static func isSedScratch(_ name: String) -> Bool {
        guard name.count == 9, name.hasPrefix("sed") else { return false }
        let suffix = name.dropFirst(3)
        return suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && suffix.contains { $0.isUppercase || $0.isNumber }
    }
}
