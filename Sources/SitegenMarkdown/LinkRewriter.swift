/// Rewrites links to other content files (`../engineer.md`, `engineer.md#duties`) into the
/// pretty URLs those files publish to, relative to the page the document is shown on.
///
/// Only destinations whose path ends in `.md` are rewritten; every other link is left exactly
/// as written (relative to the page's URL, as in Hugo), and the link checker judges it later.
struct LinkRewriter: Sendable {
    /// The content file the Markdown came from, e.g. `roles/engineer.md`.
    let documentPath: String

    func rewrite(_ destination: String) -> String? {
        guard !destination.isEmpty, !Self.isExternal(destination) else { return nil }
        var path = Substring(destination)
        var suffix = Substring("")
        if let cut = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = path[cut...]
            path = path[..<cut]
        }
        guard path.hasSuffix(".md"), !path.hasPrefix("/") else { return nil }
        let sourceFolder = ContentPath.directory(of: documentPath)
        guard let target = ContentPath.resolve(String(path), against: sourceFolder) else { return nil }
        let from = ContentPath.pageURL(forContentFile: documentPath)
        let to = ContentPath.pageURL(forContentFile: target)
        return ContentPath.relativeLink(from: from, to: to) + suffix
    }

    /// True for `scheme:` URLs, protocol-relative `//host` URLs and pure fragments.
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") || destination.hasPrefix("#") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
