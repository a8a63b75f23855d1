import Mustache
import Testing

@testable import SitegenCore

@Suite struct FastHTMLEscapingTests {
    @Test(arguments: ["plain", "<b>&\"x\"</b>", "it's", "Décor — “quotes” ünïcode 🎬", "", "&amp;", "a<b>c&d\"e'f"])
    func escapesExactlyLikeSwiftMustache(_ text: String) throws {
        let library = try MustacheTemplate(string: "{{x}}")
        _ = FastHTMLEscaping.registered
        let fast = try MustacheTemplate(string: "{{% CONTENT_TYPE: HTML }}{{x}}")
        #expect(fast.render(["x": text]) == library.render(["x": text]))
    }

    @Test func aMarkupCharacterFollowedByACombiningMarkIsStillEscaped() {
        // swift-mustache compares whole Characters, so "<" + U+0301 slips through its escaper.
        #expect(FastHTMLEscaping().escapeText("<\u{0301}script>") == "&lt;\u{0301}script&gt;")
    }
}
