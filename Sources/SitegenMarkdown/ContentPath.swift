/// Pure path arithmetic between content files and the pretty URLs they publish to.
///
/// Content paths are relative to the `Content/` folder and use `/` (`roles/producer.md`).
/// URL paths are relative to the site root, end in `/` for pages and are empty for the home
/// page (`roles/producer/`, `""`).
public enum ContentPath {
    /// The pretty URL a Markdown content file is published at: `roles/x.md` → `roles/x/`,
    /// `index.md` → `""`, `guides/index.md` → `guides/`.
    public static func pageURL(forContentFile path: String) -> String {
        var stem = path
        if stem.hasSuffix(".md") { stem.removeLast(3) }
        if stem == "index" { return "" }
        if stem.hasSuffix("/index") {
            stem.removeLast("index".count)
            return stem
        }
        return stem + "/"
    }

    /// The folder part of a path, with a trailing `/` (empty for a file at the root).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Resolves `relative` against the folder `base` (which ends in `/` or is empty), folding
    /// `.` and `..`. Returns nil when the result would climb above the root.
    public static func resolve(_ relative: String, against base: String) -> String? {
        var parts = base.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        let pieces = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for piece in pieces {
            switch piece {
            case "", ".":
                continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default:
                parts.append(piece)
            }
        }
        var result = parts.joined(separator: "/")
        let endsInFolder =
            relative.hasSuffix("/") || relative.hasSuffix("/.") || relative.hasSuffix("/..")
            || relative == "." || relative == ".."
        if endsInFolder && !result.isEmpty { result += "/" }
        return result
    }

    /// The relative link from the page at URL path `from` to the URL path `to`, both
    /// site-root-relative: `roles/a/` → `roles/b/` gives `../b/`; identical paths give `./`.
    public static func relativeLink(from: String, to: String) -> String {
        let fromDirs = directory(of: from).split(separator: "/").map(String.init)
        let toParts = to.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let toDirs = Array(toParts.dropLast())
        let toLeaf = toParts.last ?? ""
        var common = 0
        while common < fromDirs.count, common < toDirs.count, fromDirs[common] == toDirs[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromDirs.count - common)
        let downs = Array(toDirs[common...]) + (toLeaf.isEmpty ? [] : [toLeaf])
        let joined = (ups + downs).joined(separator: "/")
        if joined.isEmpty { return "./" }
        return toLeaf.isEmpty ? joined + "/" : joined
    }

    /// The prefix that leads from a page at URL path `url` back to the site root: `""` → `./`,
    /// `roles/x/` → `../../`.
    public static func rootPrefix(forPageURL url: String) -> String {
        let depth = directory(of: url).split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
