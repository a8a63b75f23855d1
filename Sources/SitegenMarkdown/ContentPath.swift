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
        // Byte-level: the longest common prefix of `from`'s folder and `to` that ends in '/',
        // one "../" per folder of `from` below it, then the rest of `to`. Called for every
        // link of every generated page, so it avoids splitting strings.
        var from = from
        var to = to
        return from.withUTF8 { source in
            to.withUTF8 { target in
                let folderEnd = (source.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
                var common = 0
                var index = 0
                while index < folderEnd, index < target.count, source[index] == target[index] {
                    if source[index] == UInt8(ascii: "/") { common = index + 1 }
                    index += 1
                }
                var ups = 0
                var previous = common
                for position in common..<folderEnd where source[position] == UInt8(ascii: "/") {
                    if position > previous { ups += 1 }
                    previous = position + 1
                }
                if ups == 0 && common == target.count { return "./" }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(ups * 3 + target.count - common)
                for _ in 0..<ups { bytes += [UInt8(ascii: "."), UInt8(ascii: "."), UInt8(ascii: "/")] }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: target[common...]))
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }

    /// The prefix that leads from a page at URL path `url` back to the site root: `""` → `./`,
    /// `roles/x/` → `../../`.
    public static func rootPrefix(forPageURL url: String) -> String {
        let depth = directory(of: url).split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
