import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender

/// `aliases:` keeps earlier addresses alive: a redirect page at each, listed nowhere, and an
/// alias that is a real page's address is an error at the alias.
@Suite struct AliasTests {
    @Test func anEarlierSlugRedirectsToTheRoleAndItsDutyPage() throws {
        let site = try TestSite.make([
            "Content/roles/producer.md":
                "---\ntitle: Producer\nsummary: Runs it.\nduties: [a, b, c]\ncompare_with: [line-producer]\naliases: [film-producer]\n---\nBody.\n",
            "Content/about.md": "---\ntitle: About\naliases: [/about-us/, old/about]\n---\nText.\n",
        ])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let redirect = try String(contentsOf: site.output.appendingPathComponent("roles/film-producer/index.html"), encoding: .utf8)
        #expect(redirect.contains(#"<meta http-equiv="refresh" content="0; url=../producer/">"#), "\(redirect)")
        #expect(redirect.contains(#"<link rel="canonical" href="https://example.org/test/roles/producer/">"#))
        #expect(redirect.contains(#"<a href="../producer/">Producer</a>"#))
        let duties = try String(contentsOf: site.output.appendingPathComponent("roles/film-producer/duties/index.html"), encoding: .utf8)
        #expect(duties.contains(#"url=../../producer/duties/"#))
        for path in ["about-us/index.html", "old/about/index.html"] {
            let page = try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
            #expect(page.contains("about/\">About</a>"), "\(path): \(page)")
        }
        let sitemap = try String(contentsOf: site.output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains("film-producer") && !sitemap.contains("about-us"))
    }

    @Test func anAliasThatIsARealPageIsALocatedError() throws {
        let site = try TestSite.make([
            "Content/roles/producer.md":
                "---\ntitle: Producer\nsummary: Runs it.\nduties: [a, b, c]\ncompare_with: [line-producer]\naliases: [line-producer, Bad_Slug]\n---\nBody.\n"
        ])
        defer { site.remove() }
        #expect(
            site.build().map(\.description) == [
                "Content/roles/producer.md:6:26: error: alias 'Bad_Slug' must be an earlier slug of the role, e.g. 'bad-slug'"
            ])
        try site.write(
            "Content/roles/producer.md",
            "---\ntitle: Producer\nsummary: Runs it.\nduties: [a, b, c]\ncompare_with: [line-producer]\naliases: [line-producer]\n---\nBody.\n")
        #expect(
            site.build().map(\.description).contains(
                "Content/roles/producer.md:6:11: error: alias /roles/line-producer/ is the address of a page of the site (Content/roles/line-producer.md); an alias must be an address no page has"
            ))
    }
}
