import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The slug rule and file stems, read on bytes.
@Suite struct SlugTests {
    @Test(arguments: [
        ("a", true), ("a-1-b2", true), ("0", true), ("a-", false), ("-", false), ("a--", false), ("a b", false), ("é", false),
        ("e\u{301}", false), ("A", false), ("a.b", false), ("a/b", false),
    ])
    func slugRule(slug: String, valid: Bool) {
        #expect(Slug.isValid(slug) == valid)
    }

    @Test(arguments: [
        ("roles/producer.md", "producer"), ("producer.md", "producer"), ("a/b/c", "c"), ("a//b.md", "b"), ("a/b/", "b"), ("/", "/"),
        ("", ""), (".md", ""), ("roles/x.md.md", "x.md"), ("roles/été.md", "été"),
    ])
    func fileStems(path: String, stem: String) {
        #expect(Slug.fileStem(of: path) == stem)
    }
}
