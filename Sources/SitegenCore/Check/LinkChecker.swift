import Foundation
import SitegenMarkdown

/// Checks that every internal `href`/`src` and `#fragment` in the generated site resolves to
/// a generated file (and an element id in it). Pure: works on the files in memory.
struct LinkChecker {
    /// The base URL's path (`/` or `/handbook/`) that root-absolute links start with.
    var basePath: String = "/"
    /// Pages served at any depth (`404.html`), whose links must be root-absolute.
    var rootAbsolutePages: Set<String> = ["404.html"]

    static func brokenMessage(_ link: String, _ reason: String) -> String { "broken link '\(link)': \(reason)" }

    func check(_ files: [OutputFile]) -> [Diagnostic] {
        var paths = Set(files.map(\.path))
        for path in paths where path.hasSuffix("/index.html") || path == "index.html" {
            paths.insert(String(path.dropLast("index.html".count)))
        }
        let pages = files.filter(\.isHTML)
        let scans = pages.parallelMap { HTMLScanner.scan($0.contents) }
        var ids: [String: Set<String>] = [:]
        for (page, scan) in zip(pages, scans) { ids[page.path] = scan.ids }
        let known = paths
        let targets = ids
        let problems = Array(zip(pages, scans)).parallelMap { page, scan in
            var diagnostics: [Diagnostic] = []
            var seen: Set<String> = []
            for link in scan.links where seen.insert(link).inserted {
                guard let reason = problem(with: link, on: page.path, paths: known, ids: { targets[$0] ?? [] }) else { continue }
                let location = page.markdownLinks[link] ?? page.source.map { SourceLocation(file: $0) }
                diagnostics.append(.error("\(Self.brokenMessage(link, reason)) (in \(page.path))", at: location))
            }
            return diagnostics
        }
        return problems.flatMap { $0 }
    }

    /// Why a link does not resolve, or nil when it does (or is external).
    private func problem(with link: String, on page: String, paths: Set<String>, ids: (String) -> Set<String>) -> String? {
        if link.isEmpty || isExternal(link) { return nil }
        var pathPart = Substring(link)
        var fragment: String?
        if let hash = pathPart.firstIndex(of: "#") {
            fragment = String(pathPart[pathPart.index(after: hash)...])
            pathPart = pathPart[..<hash]
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = pathPart[..<query] }
        let decoded = pathPart.contains("%") ? (String(pathPart).removingPercentEncoding ?? String(pathPart)) : String(pathPart)

        var target: String
        if decoded.isEmpty {
            target = page
        } else if decoded.hasPrefix("/") {
            guard rootAbsolutePages.contains(page), decoded.hasPrefix(basePath) else {
                return "root-absolute links break under a sub-path and from file://; use a relative link"
            }
            target = String(decoded.dropFirst(basePath.count))
        } else {
            guard let resolved = ContentPath.resolve(decoded, against: ContentPath.directory(of: page)) else {
                return "it points above the site root"
            }
            target = resolved
        }
        if decoded.hasSuffix("/") || target.isEmpty { target += "index.html" }
        if !paths.contains(target) {
            if paths.contains(target + "/index.html") { target += "/index.html" } else { return "no file '\(target)' in the output" }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let id = fragment.contains("%") ? (fragment.removingPercentEncoding ?? fragment) : fragment
            if !ids(target).contains(id) { return "'\(target)' has no element with id '\(id)'" }
        }
        return nil
    }

    private func isExternal(_ link: String) -> Bool {
        if link.hasPrefix("//") { return true }
        guard let colon = link.firstIndex(of: ":") else { return false }
        let scheme = link[..<colon]
        return !scheme.isEmpty && !scheme.contains("/") && !scheme.contains("#") && !scheme.contains("?")
    }
}
