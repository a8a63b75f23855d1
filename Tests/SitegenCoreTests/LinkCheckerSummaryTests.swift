import Foundation
import SitegenMarkdown
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The link check on per-page summaries, and its byte-level resolution against the way links
/// were resolved before (strings split on `Character`s).
@Suite struct LinkCheckerSummaryTests {
    static let files = [
        OutputFile(path: "index.html", text: ##"<a href="roles/">r</a> <a href="roles/a/#duties">d</a><a href="roles/">again</a><h1 id="top">T</h1>"##),
        OutputFile(path: "roles/index.html", text: ##"<a href="a/">a</a><a href="../">home</a><img src="../img/x.png"><a href="../nope/">n</a>"##),
        OutputFile(
            path: "roles/a/index.html", text: ##"<h2 id="duties">D</h2><a href="#duties">self</a><a href="../../index.html#top">home</a>"##,
            source: "Content/roles/a.md", markdownLinks: ["../../index.html#top": SourceLocation(file: "Content/roles/a.md", line: 3, column: 1)]),
        OutputFile(path: "img/x.png", data: Data([0x89])),
        OutputFile(path: "404.html", text: ##"<a href="/roles/">roles</a><a href="/img/y.png">y</a>"##),
    ]

    @Test func aSummaryHoldsEachLinkOnceInTheOrderFirstSeen() {
        let summary = LinkChecker.summary(of: Self.files[0])
        #expect(summary.path == "index.html")
        #expect(summary.links == ["roles/", "roles/a/#duties"])
        #expect(summary.ids == ["top"])
        let page = LinkChecker.summary(of: Self.files[2])
        #expect(page.source == "Content/roles/a.md")
        #expect(page.markdownLinks == Self.files[2].markdownLinks)
    }

    @Test func summariesGiveTheDiagnosticsOfWholeFiles() {
        let checker = LinkChecker()
        let fromFiles = checker.check(Self.files)
        let fromSummaries = checker.check(Self.files.filter(\.isHTML).map(LinkChecker.summary(of:)), outputPaths: Set(Self.files.map(\.path)))
        #expect(fromFiles == fromSummaries)
        #expect(
            fromFiles.map(\.message) == [
                "broken link '../nope/': no file 'nope/index.html' in the output (in roles/index.html)",
                "broken link '/img/y.png': no file 'img/y.png' in the output (in 404.html)",
            ])
    }

    @Test func summariesNeedNoPageBytes() {
        let pages = [
            PageLinks(path: "roles/a/index.html", links: ["../b/#x", "../../style.css", "../c/"], ids: [], source: "a.md", markdownLinks: [:]),
            PageLinks(path: "roles/b/index.html", links: [], ids: ["x"], source: nil, markdownLinks: [:]),
        ]
        let diagnostics = LinkChecker().check(pages, outputPaths: ["roles/a/index.html", "roles/b/index.html", "style.css"])
        #expect(diagnostics.map(\.description) == ["a.md: error: broken link '../c/': no file 'roles/c/index.html' in the output (in roles/a/index.html)"])
    }

    // MARK: Resolution against the former implementation

    /// The check of one link as it was written first.
    static func referenceProblem(
        _ link: String, on page: String, paths: Set<String>, ids: [String: Set<String>], basePath: String = "/"
    )
        -> String?
    {
        func isExternal(_ link: String) -> Bool {
            if link.hasPrefix("//") { return true }
            guard let colon = link.firstIndex(of: ":") else { return false }
            let scheme = link[..<colon]
            return !scheme.isEmpty && !scheme.contains("/") && !scheme.contains("#") && !scheme.contains("?")
        }
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
            guard page == "404.html", decoded.hasPrefix(basePath) else {
                return "root-absolute links break under a sub-path and from file://; use a relative link"
            }
            target = String(decoded.dropFirst(basePath.count))
        } else {
            guard let resolved = referenceResolve(decoded, against: ContentPath.directory(of: page)) else { return "it points above the site root" }
            target = resolved
        }
        if decoded.hasSuffix("/") || target.isEmpty { target += "index.html" }
        if !paths.contains(target) {
            if paths.contains(target + "/index.html") { target += "/index.html" } else { return "no file '\(target)' in the output" }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let id = fragment.contains("%") ? (fragment.removingPercentEncoding ?? fragment) : fragment
            // `#top` is the top of any page without such an element, as browsers read it.
            if !(ids[target] ?? []).contains(id), id.lowercased() != "top" { return "'\(target)' has no element with id '\(id)'" }
        }
        return nil
    }

    static func referenceResolve(_ relative: String, against base: String) -> String? {
        var parts = base.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for piece in relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch piece {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(piece)
            }
        }
        var result = parts.joined(separator: "/")
        let endsInFolder =
            relative.hasSuffix("/") || relative.hasSuffix("/.") || relative.hasSuffix("/..") || relative == "." || relative == ".."
        if endsInFolder && !result.isEmpty { result += "/" }
        return result
    }

    @Test func generatedLinksGetTheDiagnosticsOfTheFormerCheck() {
        let outputPaths: Set<String> = [
            "index.html", "404.html", "roles/index.html", "roles/a/index.html", "roles/a/duties/index.html", "roles/b/index.html",
            "skills/index.html", "skills/é/index.html", "assets/site.css", "a b/index.html", "x.html",
        ]
        let ids: [String: Set<String>] = ["roles/a/index.html": ["duties", "é", "a b"], "index.html": ["top"], "x.html": ["y"]]
        var paths = outputPaths
        for path in outputPaths where path.hasSuffix("/index.html") || path == "index.html" { paths.insert(String(path.dropLast(10))) }
        let pieces = [
            "../", "../", "./", "roles/", "a/", "b/", "duties/", "skills/", "é/", "assets/", "site.css", "index.html", "x.html", "#duties",
            "#top", "#é", "#a%20b", "#", "?q=1", "%20", "a%20b/", "//", "/", ".", "..", ":", "mailto:x", "roles", "a", "nope/", "a b/",
        ]
        var generator = SeededGenerator(seed: 11)
        var links: Set<String> = []
        while links.count < 4000 {
            links.insert((0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for page in ["index.html", "404.html", "roles/index.html", "roles/a/index.html", "roles/a/duties/index.html", "x.html"] {
            let summary = PageLinks(path: page, links: links.sorted(), ids: ids[page] ?? [], source: nil, markdownLinks: [:])
            let others = ids.filter { $0.key != page }.map { PageLinks(path: $0.key, links: [], ids: $0.value, source: nil, markdownLinks: [:]) }
            let found = LinkChecker().check([summary] + others, outputPaths: outputPaths).map(\.message)
            let expected = links.sorted().compactMap { link in
                Self.referenceProblem(link, on: page, paths: paths, ids: ids).map { "\(LinkChecker.brokenMessage(link, $0)) (in \(page))" }
            }
            // Links to elements of other pages are reported after the rest.
            #expect(found.sorted() == expected.sorted(), "on \(page)")
        }
    }

    @Test(arguments: [
        (##"<a href="a&amp;b&quot;c&#39;d&lt;e&gt;f&#x2F;g">"##, "a&b\"c'd<e>f/g"), (##"<a href="&amp;amp;&amp;lt;">"##, "&amp;&lt;"),
        (##"<a href="&&quot;&x;">"##, "&\"&x;"), (##"<a href="é&amp;">"##, "é&"), (##"<img alt="x" src="a.png">"##, "a.png"),
    ])
    func attributeEntitiesAreDecodedOnce(html: String, link: String) {
        #expect(HTMLScanner.links(in: html) == [link])
    }
}
