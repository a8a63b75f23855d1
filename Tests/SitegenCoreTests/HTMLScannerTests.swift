import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The link check reads URL attributes and ids as a browser's HTML parser does (the
/// differential test in Tests/Differential/ holds it to html5lib and Chromium on many pages;
/// these are the cases issue 14 named, one by one).
@Suite struct HTMLScannerTests {
    @Test(arguments: [
        (#"<a href='../x/'>"#, ["../x/"]), (#"<a href = "../x/">"#, ["../x/"]), ("<a\thref=\"../x/\">", ["../x/"]),
        ("<a\rhref=\"../x/\">", ["../x/"]), ("<a\u{0C}href=\"../x/\">", ["../x/"]), (#"<a HREF="../x/">"#, ["../x/"]),
        (#"<a Href="../x/">"#, ["../x/"]), ("<a href=../x/>", ["../x/"]), (#"<a/href="../x/">"#, ["../x/"]),
        (#"<a class="x"href="../x/">"#, ["../x/"]), (#"<IMG SRC="../x.png">"#, ["../x.png"]), (#"<link rel=stylesheet href='../x.css'>"#, ["../x.css"]),
        (#"<img srcset="../a.png 1x, ../b.png 2x">"#, ["../a.png", "../b.png"]), (#"<form action="../x/">"#, ["../x/"]),
        (#"<video poster="../p.png"></video>"#, ["../p.png"]), (#"<object data="../o.svg"></object>"#, ["../o.svg"]),
        (##"<a href='#missing'>"##, ["#missing"]), (#"<button formaction="../f/">"#, ["../f/"]), (#"<blockquote cite="../c/">"#, ["../c/"]),
        (#"<!-- <a href="../in-comment/"> --><a href="../after/">"#, ["../after/"]), (#"<a href="&#46;&#46;/x/&amp;y">"#, ["../x/&y"]),
        (#"<script>"<a href='../in-script/'>"</script><a href="../after/">"#, ["../after/"]), (#"<a href="../x/" href="../second/">"#, ["../x/"]),
        (#"<div data="../not-a-link/" action="../nor/">"#, []), (#"<a href="../never-closed/""#, []), (#"<textarea><a href="../t/"></textarea>"#, []),
        (##"<svg><a href="../svg/"></a><use xlink:href="#icon"/></svg>"##, ["../svg/", "#icon"]), (#"<a ping="../p1 ../p2">"#, ["../p1", "../p2"]),
    ])
    func readsEveryWayOfWritingALink(html: String, links: [String]) {
        #expect(HTMLScanner.links(in: html) == links, "\(html.debugDescription)")
    }

    @Test(
        arguments: [
            (#"<span id='t'>"#, ["t"]), (#"<p ID="u">"#, ["u"]), (#"<h2 Id=v>"#, ["v"]), (#"<a name="w">"#, ["w"]), (#"<div name="x">"#, []),
            (#"<p class="x"id="glued">"#, ["glued"]), (#"<!-- <p id="c"> -->"#, []), (#"<p id="a" id="b">"#, ["a"]), (#"<p id="&amp;x">"#, ["&x"]),
        ] as [(String, [String])])
    func readsIDsTheSameWay(html: String, ids: [String]) {
        #expect(HTMLScanner.ids(in: html) == Set(ids), "\(html.debugDescription)")
    }

    @Test(arguments: [
        ("&amp;", "&"), ("&amp", "&"), ("&ampx", "&ampx"), ("?a=1&copy=2", "?a=1&copy=2"), ("?a=1&copy;=2", "?a=1©=2"), ("&notit;", "&notit;"),
        ("&notin;", "∉"), ("&#0;", "\u{FFFD}"), ("&#x110000;", "\u{FFFD}"), ("&#128;", "€"), ("&#xD800;", "\u{FFFD}"), ("&#65", "A"),
        ("&#;", "&#;"), ("&#x;", "&#x;"), ("&CounterClockwiseContourIntegral;", "∳"), ("a\r\nb\rc", "a\nb\nc"), ("&#x41g", "Ag"),
    ])
    func decodesCharacterReferencesAsTheTokenizerDoes(written: String, value: String) {
        var written = written
        #expect(written.withUTF8 { HTMLCharacterReference.decodeAttribute($0) } == value)
    }

    @Test func cleansURLsAsTheURLParserDoes() {
        #expect(LinkChecker.cleaned("  ../a\nb/\t") == "../ab/")
        #expect(LinkChecker.cleaned(#"..\back\slash/?q=\x"#) == #"../back/slash/?q=\x"#)
        #expect(LinkChecker.cleaned("../plain/") == "../plain/")
    }
}
