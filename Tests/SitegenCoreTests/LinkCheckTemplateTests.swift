import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// A broken link written in a template is reported once, at the template's line and column,
/// with the number of pages it broke; a broken Markdown link still points at its Markdown.
@Suite struct LinkCheckTemplateTests {
    /// The footer of issue 14's probe: 19 links to a missing page written every way, and three
    /// things that are no broken link.
    static let footer = """
        <footer class="site-footer">
        <a href='{{root}}nowhere/1/'>1</a> <a href = "{{root}}nowhere/2/">2</a> <a\thref="{{root}}nowhere/3/">3</a>
        <a\rhref="{{root}}nowhere/4/">4</a> <a\u{0C}href="{{root}}nowhere/5/">5</a> <a HREF="{{root}}nowhere/6/">6</a>
        <a Href="{{root}}nowhere/7/">7</a> <a href={{root}}nowhere/8/>8</a> <a/href="{{root}}nowhere/9/">9</a>
        <a class="x"href="{{root}}nowhere/10/">10</a> <img SRC="{{root}}nowhere/11.png" alt="">
        <link rel="prefetch" href='{{root}}nowhere/12.css'> <img srcset="{{root}}nowhere/13.png 2x" alt="">
        <form action="{{root}}nowhere/14/"></form> <video poster="{{root}}nowhere/15.png"></video>
        <object data="{{root}}nowhere/16.svg"></object> <a href='#missing'>17</a>
        <a href="{{root}}nowhere/18/">18</a>
        <a href="{{root}}nowhere/19/">19</a>
        <span id='t'>t</span><a href="#t">t</a> <p ID="u"><a href="#u">u</a></p> <!-- <a href="{{root}}nowhere/c/"> -->
        </footer>

        """

    @Test func templateLinksAreReportedOnceAtTheirTemplateLine() throws {
        let site = try TestSite.make([
            "Templates/partials/footer.mustache": Self.footer,
            "Content/about.md": "---\ntitle: About\n---\nSee [the producer](roles/producer.md) and [a missing page](nowhere.md).\n",
        ])
        let diagnostics = site.build().filter { $0.message.hasPrefix("broken link") }
        let fromFooter = diagnostics.filter { $0.location?.file == "Templates/partials/footer.mustache" }
        #expect(fromFooter.count == 19, "\(fromFooter.map(\.description).joined(separator: "\n"))")
        let pages = fromFooter.compactMap { $0.message.range(of: #"\(on (\d+) pages"#, options: .regularExpression) }.count
        #expect(pages == 19, "every footer problem counts its pages")
        #expect(!diagnostics.contains { $0.message.contains("nowhere/c/") }, "a link in a comment is no link")
        #expect(!diagnostics.contains { $0.message.contains("'#t'") || $0.message.contains("'#u'") }, "id='t' and ID=\"u\" are ids")
        let first = try #require(fromFooter.first { $0.message.contains("nowhere/1/") })
        #expect(first.location == SourceLocation(file: "Templates/partials/footer.mustache", line: 2, column: 10))
        #expect(first.message.hasPrefix("broken link '{{root}}nowhere/1/': no file 'nowhere/1/index.html' in the output (on "))
        // The Markdown link is still reported at its Markdown.
        let markdown = diagnostics.filter { $0.location?.file == "Content/about.md" }
        #expect(markdown.count == 1)
        #expect(markdown.first?.location?.line == 4)
        #expect(diagnostics.count == 20)
    }

    @Test func aPatternMatchesTheLinksItsVariablesMake() {
        let patterns = TemplateLinks.patterns(in: #"<a href="{{root}}roles/{{slug}}/">x</a><a href="{{url}}">y</a>"#, file: "t.mustache")
        #expect(patterns.count == 1, "a value that is a variable alone says nothing of where a link came from")
        let pattern = patterns[0]
        #expect(pattern.written == "{{root}}roles/{{slug}}/")
        #expect(pattern.matches("../../roles/producer/"))
        #expect(pattern.matches("roles/a/"))
        #expect(!pattern.matches("../skills/a/"))
        #expect(pattern.location == SourceLocation(file: "t.mustache", line: 1, column: 10))
    }
}
