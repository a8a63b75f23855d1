import Testing

@testable import SitegenRender

/// "What does a … do?": the article is right for words and for abbreviations.
@Suite struct ArticleTests {
    @Test(arguments: [
        ("Executive Producer", "an"), ("Unit Production Manager", "a"), ("Producer", "a"), ("Editor", "an"),
        ("ML Engineer", "an"), ("UX Designer", "a"), ("SDET", "an"), ("QA Lead", "a"), ("VFX Producer", "a"), ("HR Partner", "an"),
        ("Hourly Coordinator", "an"), ("User Researcher", "a"), ("European Sales Lead", "a"), ("One-person Band", "a"),
        ("Art Director", "an"), ("A&R Manager", "an"),
    ])
    func theArticleFollowsTheSound(title: String, article: String) {
        #expect(RenderContext.article(for: title) == article)
    }
}
