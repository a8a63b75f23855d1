import Foundation
import Testing

@testable import SitegenMarkdown

@Suite struct MarkdownRendererTests {
    func render(_ text: String, path: String = "roles/producer.md", reserved: Set<String> = []) -> RenderedMarkdown {
        MarkdownRenderer.render(text, options: MarkdownOptions(documentPath: path, reservedIDs: reserved))
    }

    @Test func gfmTablesRender() {
        let html = render("| a | b |\n|---|---|\n| 1 | 2 |\n").html
        #expect(html.contains("<table>"))
        #expect(html.contains("<th>a</th>"))
        #expect(html.contains("<td>2</td>"))
    }

    @Test func gfmStrikethroughAutolinkAndTaskListRender() {
        let html = render("~~gone~~ see www.example.com\n\n- [x] done\n- [ ] todo\n").html
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains(#"<a href="http://www.example.com">www.example.com</a>"#))
        #expect(html.contains(#"<input type="checkbox" checked="" disabled="" />"#))
        #expect(html.contains(#"<input type="checkbox" disabled="" />"#))
    }

    @Test func footnotesRender() {
        let html = render("Claim.[^1]\n\n[^1]: The source.\n").html
        #expect(html.contains(#"<section class="footnotes""#))
        #expect(html.contains("The source."))
        #expect(html.contains("<sup class=\"footnote-ref\">"))
    }

    @Test func rawHTMLAndScriptAreNeutralised() {
        let html = render("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)>\n").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func javascriptLinksAreNeutralised() {
        let html = render("[x](javascript:alert(1)) [y](vbscript:x)\n").html
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("vbscript:"))
        #expect(html.contains(#"<a href="">x</a>"#))
    }

    @Test func smartPunctuationIsOffByDefault() {
        #expect(render("\"quoted\" -- dash\n").html.contains("&quot;quoted&quot; -- dash"))
        let smart = MarkdownRenderer.render(
            "\"quoted\"\n", options: MarkdownOptions(documentPath: "a.md", smartPunctuation: true))
        #expect(smart.html.contains("\u{201C}quoted\u{201D}"))
    }

    @Test func headingsGetUniqueGitHubStyleIDs() {
        let result = render("# Hello, World!\n\n## Duties\n\n## Duties\n\n### `code` & *more*\n")
        #expect(result.headings.map(\.id) == ["hello-world", "duties", "duties-1", "code--more"])
        let html = result.html.replacingOccurrences(of: "\n", with: "")
        #expect(html.contains(#"<h1 id="hello-world">Hello, World!</h1>"#))
        #expect(html.contains(#"<h2 id="duties-1">Duties</h2>"#))
        #expect(result.headings.map(\.line) == [1, 3, 5, 7])
        #expect(result.headings[3].text == "code & more")
    }

    @Test func headingIDsAvoidIDsThePageReserves() {
        let result = render("## Skills\n", reserved: ["skills"])
        #expect(result.headings.first?.id == "skills-1")
    }

    @Test func headingIDsCannotInjectMarkup() {
        let result = render("## \"><script>x</script>\n")
        #expect(!result.html.contains("<script"))
        #expect(result.headings.first?.id == "x")
    }

    @Test(arguments: [
        ("line-producer.md", "../line-producer/"),
        ("producer.md#duties", "./#duties"),
        ("executive-producer.md#skills", "../executive-producer/#skills"),
        ("../about.md", "../../about/"),
        ("../index.md", "../../"),
        ("../compare/producer-vs-executive-producer.md", "../../compare/producer-vs-executive-producer/"),
        ("../line-producer/", "../line-producer/"),
        ("https://example.org/x.md", "https://example.org/x.md"),
        ("#top", "#top"),
    ])
    func contentLinksAreRewrittenToPrettyURLs(written: String, expected: String) {
        let result = render("[x](\(written))\n")
        #expect(result.links.first?.destination == expected)
        #expect(result.links.first?.original == written)
        #expect(result.html.contains("href=\"\(expected)\""))
    }

    @Test func linksAreCollectedWithTheirSourcePosition() {
        let result = render("Intro\n\nSee [a](a.md) and ![pic](img.png).\n")
        #expect(result.links.count == 2)
        #expect(result.links[0].line == 3)
        #expect(result.links[0].column == 5)
        #expect(result.links[1].isImage)
    }

    @Test func linksFromTheHomePageStayInsideTheSite() {
        let result = render("[roles](roles/producer.md)\n", path: "index.md")
        #expect(result.links.first?.destination == "roles/producer/")
    }

    /// cmark-gfm 0.29.0.gfm.6 mutates global tables while parsing; the renderer serialises
    /// that step. Rendering on many threads at once must give exactly the serial output.
    @Test func parallelRenderingMatchesSerialRendering() async {
        let documents = (0..<400).map { index in
            "# Doc \(index)\n\n~~old~~ www.example\(index).com and https://x.org/\(index)\n\n"
                + "| a | b |\n|---|---|\n| \(index) | ~~\(index)~~ |\n\n- [x] task \(index)\n"
        }
        let serial = documents.map { render($0).html }
        let parallel = await withTaskGroup(of: (Int, String).self) { group in
            for (index, document) in documents.enumerated() {
                group.addTask { (index, MarkdownRenderer.render(document, options: MarkdownOptions(documentPath: "a.md")).html) }
            }
            var results = [String](repeating: "", count: documents.count)
            for await (index, html) in group { results[index] = html }
            return results
        }
        #expect(parallel == serial)
    }
}

@Suite struct ContentPathTests {
    @Test(arguments: [
        ("roles/producer.md", "roles/producer/"),
        ("index.md", ""),
        ("guides/index.md", "guides/"),
        ("about.md", "about/"),
    ])
    func contentFilesMapToPrettyURLs(path: String, url: String) {
        #expect(ContentPath.pageURL(forContentFile: path) == url)
    }

    @Test(arguments: [
        ("roles/a/", "roles/b/", "../b/"),
        ("", "roles/", "roles/"),
        ("roles/a/", "", "../../"),
        ("roles/a/", "roles/a/", "./"),
        ("roles/a/duties/", "assets/site.css", "../../../assets/site.css"),
        ("404.html", "assets/site.css", "assets/site.css"),
        ("roles/a/duties/", "roles/a/", "../"),
        ("roles/a/", "roles/a/duties/", "duties/"),
        ("roles/ab/", "roles/a/", "../a/"),
        ("roles/a/", "roles/ab/", "../ab/"),
        ("compare/x-vs-y/", "roles/x/", "../../roles/x/"),
        ("", "", "./"),
        ("skills/", "skills/é/", "é/"),
    ])
    func relativeLinksBetweenPages(from: String, to: String, expected: String) {
        #expect(ContentPath.relativeLink(from: from, to: to) == expected)
    }

    @Test func resolvingRefusesToClimbAboveTheRoot() {
        #expect(ContentPath.resolve("../../x.md", against: "roles/") == nil)
        #expect(ContentPath.resolve("../x.md", against: "roles/") == "x.md")
        #expect(ContentPath.resolve("./a/../b.md", against: "") == "b.md")
    }
}

@Suite struct MarkdownWireTests {
    @Test func requestsAndResponsesRoundTrip() throws {
        let options = MarkdownOptions(documentPath: "roles/ä.md", smartPunctuation: true, reservedIDs: ["skills", "main"])
        let request = MarkdownWire.encodeRequest("# Héllo\n", options)
        #expect(MarkdownWire.frameLength(request) == request.count - 4)
        let (text, decodedOptions) = try #require(MarkdownWire.decodeRequest(request.dropFirst(4)))
        #expect(text == "# Héllo\n")
        #expect(decodedOptions == options)
        let rendered = MarkdownRenderer.render("# A\n\n[x](b.md) ![i](c.png)\n", options: options)
        let response = MarkdownWire.encodeResponse(rendered)
        #expect(MarkdownWire.decodeResponse(response.dropFirst(4)) == rendered)
    }

    @Test func truncatedPayloadsAreRejected() {
        let response = MarkdownWire.encodeResponse(RenderedMarkdown(html: "<p>x</p>", headings: [], links: []))
        #expect(MarkdownWire.decodeResponse(response.dropFirst(4).dropLast(3)) == nil)
    }

    /// Found by the `wire` fuzz target (Fuzz/wire/regressions/string-length-int64-max): a
    /// string length of Int64.max overflowed `offset + count` and trapped.
    @Test(arguments: [Int64.max, Int64.max - 7, Int64(Int32.max) << 16])
    func aHugeStringLengthIsRejected(length: Int64) {
        var payload = Data()
        withUnsafeBytes(of: length.littleEndian) { payload.append(contentsOf: $0) }
        payload.append(contentsOf: [0x10, 0x12])
        #expect(MarkdownWire.decodeResponse(payload) == nil)
        #expect(MarkdownWire.decodeRequest(payload) == nil)
        #expect(MarkdownWire.decodeResponse(payload.dropFirst(0)) == nil)
    }
}
