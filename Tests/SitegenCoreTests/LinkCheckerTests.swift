import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

@Suite struct LinkCheckerTests {
    static let files = [
        OutputFile(
            path: "index.html", text: ##"<a href="roles/">r</a><a href="roles/a/#duties">d</a><a href="https://x.org/">x</a><a href="mailto:a@b.c">m</a>"##),
        OutputFile(path: "roles/index.html", text: ##"<a href="a/">a</a><a href="../">home</a><img src="../img/x.png">"##),
        OutputFile(
            path: "roles/a/index.html", text: ##"<h2 id="duties">D</h2><a href="#duties">self</a><a href="../../index.html">home</a><a href="?q=1">q</a>"##),
        OutputFile(path: "img/x.png", data: Data([0x89])),
    ]

    @Test func resolvingLinksPass() {
        #expect(LinkChecker().check(Self.files).isEmpty)
    }

    @Test(arguments: [
        (##"<a href="roles/b/">b</a>"##, "broken link 'roles/b/': no file 'roles/b/index.html' in the output (in index.html)"),
        (##"<a href="roles/a/#nope">n</a>"##, "broken link 'roles/a/#nope': 'roles/a/index.html' has no element with id 'nope' (in index.html)"),
        (##"<a href="#tip">t</a>"##, "broken link '#tip': 'index.html' has no element with id 'tip' (in index.html)"),
        (##"<a href="../up/">u</a>"##, "broken link '../up/': it points above the site root (in index.html)"),
        (
            ##"<a href="/roles/">abs</a>"##,
            "broken link '/roles/': root-absolute links break under a sub-path and from file://; use a relative link (in index.html)"
        ),
        (##"<img src="img/missing.png">"##, "broken link 'img/missing.png': no file 'img/missing.png' in the output (in index.html)"),
    ])
    func brokenLinksAreReported(html: String, message: String) {
        var files = Self.files
        files[0] = OutputFile(path: "index.html", text: html)
        #expect(LinkChecker().check(files).map(\.message) == [message])
    }

    @Test func brokenMarkdownLinksPointAtTheirSourceLine() {
        let location = SourceLocation(file: "Content/roles/a.md", line: 12, column: 5)
        let page = OutputFile(path: "roles/a/index.html", text: ##"<a href="../b/">b</a>"##, source: "Content/roles/a.md", markdownLinks: ["../b/": location])
        #expect(LinkChecker().check([page]).first?.location == location)
    }

    @Test func entitiesInAttributesAreDecoded() {
        #expect(HTMLScanner.links(in: ##"<a href="a?x=1&amp;y=2">"##) == ["a?x=1&y=2"])
        #expect(HTMLScanner.ids(in: ##"<h2 id="a">x</h2> <p>id="not-an-attribute"</p>"##) == ["a"])
    }
}
