import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender

/// A site in several languages (`languages:` in `sitegen.yml`): each language's pages under its
/// folder, made from `Content/<code>/` and from files named `<name>.<code>.md`; a sitemap for
/// all; and the settings' mistakes reported where they are written.
@Suite struct MultilingualTests {
    func text(_ site: TestSite, _ path: String) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ site: TestSite, _ path: String) -> Bool {
        FileManager.default.fileExists(atPath: site.output.appendingPathComponent(path).path)
    }

    @Test func eachLanguageIsASiteUnderItsFolderWithOneSitemapAndOneNotFoundPage() throws {
        let site = try TestSite.copy(fixture: "Sites/library")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        // The German content: from Content/de/ and from a file named for its language.
        #expect(try text(site, "de/roles/librarian/index.html").contains("<h1>Bibliothekarin / Bibliothekar</h1>"))
        #expect(try text(site, "de/roles/library-assistant/index.html").contains("Fachangestellte für Medien- und Informationsdienste"))
        #expect(!exists(site, "de/roles/archivist/index.html"), "a role without translation is not in the German site")
        #expect(!exists(site, "roles/library-assistant.de/index.html"))
        #expect(try text(site, "roles/library-assistant/index.html").contains("<h1>Library Assistant</h1>"))
        // Each site is whole: its own search index, data, assets; the shared image in both.
        for path in ["de/search/index.html", "de/search/search-index.js", "de/roles.json", "de/assets/site.css", "de/images/shelf.svg", "images/shelf.svg"] {
            #expect(exists(site, path), "\(path)")
        }
        #expect(try text(site, "de/roles.json").contains("Bibliothekarin"))
        // Each language's feed, with its own addresses, named by its own pages.
        let feed = try text(site, "de/feed.xml")
        #expect(feed.contains("<id>https://example.org/library/de/roles/librarian/</id>") && !feed.contains("Archivist"))
        #expect(try text(site, "feed.xml").contains("<id>https://example.org/library/roles/archivist/</id>"))
        #expect(try text(site, "de/index.html").contains("href=\"https://example.org/library/de/feed.xml\""))
        #expect(try !text(site, "roles.json").contains("Bibliothekarin"))
        // Hosts look for these at the root only.
        #expect(!exists(site, "de/404.html") && !exists(site, "de/robots.txt") && !exists(site, "de/sitemap.xml"))
        let sitemap = try text(site, "sitemap.xml")
        #expect(sitemap.contains("<loc>https://example.org/library/roles/librarian/</loc>"))
        #expect(sitemap.contains("<loc>https://example.org/library/de/roles/librarian/</loc>"))
        // The German pages speak German: lang, title, header links, field labels, theme words.
        let german = try text(site, "de/roles/librarian/index.html")
        #expect(german.contains("<html lang=\"de\""))
        #expect(german.contains("<title>Bibliothekarin / Bibliothekar · Handbuch der Bibliotheksberufe</title>"))
        #expect(german.contains(">Vergleiche</a>") && german.contains(">Bereich<") && german.contains(">Ausbildung<"))
        #expect(german.contains("<link rel=\"canonical\" href=\"https://example.org/library/de/roles/librarian/\">"))
    }

    @Test func theSwitcherLinksTheSamePageInEachLanguageOrThatLanguagesHome() throws {
        let site = try TestSite.copy(fixture: "Sites/library")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let english = try text(site, "roles/librarian/index.html")
        #expect(english.contains("<a href=\"../../roles/librarian/\" lang=\"en\" hreflang=\"en\" aria-current=\"true\">English</a>"))
        #expect(english.contains("<a href=\"../../de/roles/librarian/\" lang=\"de\" hreflang=\"de\">Deutsch</a>"))
        #expect(english.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/library/de/roles/librarian/\">"))
        let german = try text(site, "de/roles/librarian/index.html")
        #expect(german.contains("<a href=\"../../../roles/librarian/\" lang=\"en\" hreflang=\"en\">English</a>"))
        let untranslated = try text(site, "roles/archivist/index.html")
        #expect(untranslated.contains("<a href=\"../../de/\" lang=\"de\" hreflang=\"de\" title=\"Not translated: the home page in this language\">Deutsch</a>"))
        #expect(!untranslated.contains("hreflang=\"de\" href="), "no alternate for a page that has none")
        // A translation added: its original's switcher now links to it.
        try site.write(
            "Content/de/roles/archivist.md",
            "---\ntitle: Archivarin / Archivar\nsummary: Bewahrt die Bestände.\ndepartment: Bestand\nduties: [a, b, c]\ncompare_with: [librarian]\n---\nText.\n"
        )
        #expect(site.build().isEmpty)
        #expect(try text(site, "roles/archivist/index.html").contains("<a href=\"../../de/roles/archivist/\" lang=\"de\" hreflang=\"de\">Deutsch</a>"))
    }

    @Test func aSiteInOneLanguageHasNoSwitcher() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        #expect(try !text(site, "roles/alpha/index.html").contains("language-switcher"))
        #expect(try !text(site, "roles/alpha/index.html").contains("hreflang=\"en"))
    }

    @Test func aBrokenLinkInAGermanPageIsReportedInItsFile() throws {
        let site = try TestSite.copy(fixture: "Sites/library")
        defer { site.remove() }
        try site.write("Content/de/about.md", "---\ntitle: Über\n---\nSiehe [die Rollen](fehlt.md).\n")
        #expect(
            site.build().map(\.description) == [
                "Content/de/about.md:4:7: error: broken link '../fehlt/': no file 'de/fehlt/index.html' in the output (in de/about/index.html)"
            ])
    }

    @Test func languageSettingsAreCheckedWhereTheyAreWritten() throws {
        let site = try TestSite.make([
            "sitegen.yml": """
            title: T
            base_url: https://example.org/
            language: fr
            languages:
              en: {}
              English: {}
              de:
                labels: {focs: Schwerpunkt}
                colour: blue
            schema:
              fields:
                focus: {type: text, label: Focus}
            """
        ])
        defer { site.remove() }
        #expect(
            site.build().map(\.description) == [
                "sitegen.yml:9:5: warning: unknown key 'colour' in the settings of language 'de'",
                "sitegen.yml:6:3: error: 'English' is not a language code; use a code such as 'en', 'de' or 'pt-BR'",
                "sitegen.yml:3:1: error: language 'fr' is not one of the site's languages ('en', 'de'); add it under 'languages:'",
                "sitegen.yml:8:14: error: the labels of language 'de' name 'focs', which is no declared field; did you mean 'focus'?",
            ])
    }

    @Test func filesAreSortedIntoLanguagesByFolderAndByName() {
        var config = SiteConfig.placeholder
        config.languages = [SiteConfig.Language(code: "en"), SiteConfig.Language(code: "de"), SiteConfig.Language(code: "pt-BR")]
        let cases: [(String, String, String)] = [
            ("roles/a.md", "en", "roles/a.md"),
            ("de/roles/a.md", "de", "roles/a.md"),
            ("roles/a.de.md", "de", "roles/a.md"),
            ("roles/a.en.md", "en", "roles/a.md"),
            ("about.pt-BR.md", "pt-BR", "about.md"),
            ("pt-BR/images/x.png", "pt-BR", "images/x.png"),
            ("images/x.de.png", "en", "images/x.de.png"),
            ("deutsch/a.md", "en", "deutsch/a.md"),
            ("roles/a.fr.md", "en", "roles/a.fr.md"),
        ]
        for (path, code, relative) in cases {
            let placed = ContentLoader.language(of: path, in: config)
            #expect(placed.code == code && placed.path == relative, "\(path)")
        }
    }
}
