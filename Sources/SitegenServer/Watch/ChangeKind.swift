import SitegenSourceNames

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
    /// is none of the site's sources or is a dotfile or an editor's scratch file. The watched
    /// roots themselves count: `Content` is a content change, `Templates` a template change.
    public static func classify(_ relativePath: String) -> ChangeKind? {
        let components = relativePath.split(separator: "/").map(String.init)
        guard let name = components.last, !components.contains(where: isIgnoredName) else { return nil }
        switch components[0] {
        case configFile where components.count == 1:
            return .config
        case contentFolder where components.count == 1:
            // The folder itself appeared, went or was renamed: every page may change.
            return .content
        case contentFolder:
            return name.lowercased().hasSuffix(".md") ? .content : .asset
        case templatesFolder:
            return components.count > 2 && components[1] == assetsFolder ? .asset : .template
        default:
            return nil
        }
    }

    /// True for names no build reads (`SourceNames`, the list the build uses too): dotfiles
    /// and dot-folders and the scratch files editors and tools write beside the real one.
    public static func isIgnoredName(_ name: String) -> Bool { SourceNames.isIgnored(name) }
}
