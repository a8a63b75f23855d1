/// Pure path arithmetic between content files and the pretty URLs they publish to.
///
/// Content paths are relative to the `Content/` folder and use `/` (`roles/engineer.md`).
/// URL paths are relative to the site root, end in `/` for pages and are empty for the home
/// page (`roles/engineer/`, `""`).
///
/// The link checker and the page renderer call these for every link of every page, so ASCII
/// paths (all sitegen makes) are split on their bytes; other paths take the same steps on
/// `Character`s, where `/` followed by a combining mark is not a separator.
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
        if isASCII(path) {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return String(path[...slash])
        }
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Resolves `relative` against the folder `base` (which ends in `/` or is empty), folding
    /// `.` and `..`. Returns nil when the result would climb above the root.
    public static func resolve(_ relative: String, against base: String) -> String? {
        guard isASCII(relative), isASCII(base) else { return resolveCharacters(relative, against: base) }
        var parts = PathParts()
        for piece in base.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) { parts.append(piece) }
        for piece in relative.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            switch piece.count {
            case 0: continue
            case 1 where piece.first == UInt8(ascii: "."): continue
            case 2 where piece.first == UInt8(ascii: ".") && piece.last == UInt8(ascii: "."):
                guard parts.removeLast() else { return nil }
            default: parts.append(piece)
            }
        }
        // Ends in `/`, `/.`, `/..`, or is `.` or `..`.
        let utf8 = relative.utf8
        let last = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8[utf8.index(after: $0)...] } ?? utf8[...]
        let endsInFolder = last.isEmpty ? !relative.isEmpty : last.count <= 2 && last.allSatisfy { $0 == UInt8(ascii: ".") }
        if endsInFolder && !parts.isEmpty { parts.bytes.append(UInt8(ascii: "/")) }
        return String(decoding: parts.bytes, as: UTF8.self)
    }

    /// The relative link from the page at URL path `from` to the URL path `to`, both
    /// site-root-relative: `roles/a/` → `roles/b/` gives `../b/`; identical paths give `./`.
    public static func relativeLink(from: String, to: String) -> String {
        // Outside ASCII, folder names compare by canonical equivalence (`é` = `e` + U+0301);
        // an empty segment (`/a`, `a//b`) counts in `to` but not in `from`.
        guard hasPlainSegments(from), hasPlainSegments(to) else { return relativeLinkCharacters(from: from, to: to) }
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
        let depth =
            isASCII(url)
            ? directory(of: url).utf8.split(separator: UInt8(ascii: "/")).count
            : directory(of: url).split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    // MARK: Helpers

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// ASCII, with no empty segment (no leading `/`, no `//`).
    private static func hasPlainSegments(_ path: String) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path.utf8 {
            if byte >= 0x80 || (byte == UInt8(ascii: "/") && previous == UInt8(ascii: "/")) { return false }
            previous = byte
        }
        return true
    }

    /// Path segments joined by `/`, with the start of each so the last can be dropped.
    private struct PathParts {
        var bytes: [UInt8] = []
        var starts: [Int] = []

        var isEmpty: Bool { starts.isEmpty }

        mutating func append(_ segment: Substring.UTF8View) {
            if !starts.isEmpty { bytes.append(UInt8(ascii: "/")) }
            starts.append(bytes.count)
            bytes += segment
        }

        /// Drops the last segment; false when there is none.
        mutating func removeLast() -> Bool {
            guard let start = starts.popLast() else { return false }
            bytes.removeSubrange(max(start - 1, 0)...)
            return true
        }
    }

    private static func resolveCharacters(_ relative: String, against base: String) -> String? {
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

    private static func relativeLinkCharacters(from: String, to: String) -> String {
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
}
