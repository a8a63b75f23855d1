import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// Every word the default theme shows comes from its language files, which are complete in
/// every language it ships, and `language:` picks one.
@Suite struct LanguageFileTests {
    static let shipped = DefaultTheme.files.keys.filter { $0.hasPrefix("i18n/") }.sorted()

    static func keys(_ path: String) throws -> Set<String> {
        let (file, diagnostics) = LanguageFile.parse(DefaultTheme.files[path]!, file: path)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return Set(try #require(file).texts.keys)
    }

    @Test func theThemeShipsEnglishAndGerman() {
        #expect(Self.shipped == ["i18n/de.yml", "i18n/en.yml"])
    }

    @Test func everyLanguageHasEveryKeyOfEveryOther() throws {
        let english = try Self.keys("i18n/en.yml")
        for path in Self.shipped {
            let keys = try Self.keys(path)
            #expect(english.subtracting(keys).sorted() == [], "\(path) lacks keys English has")
            #expect(keys.subtracting(english).sorted() == [], "\(path) has keys English lacks")
        }
    }

    @Test func everyKeyThePageKindsUseIsInEveryLanguage() throws {
        for path in Self.shipped {
            let keys = try Self.keys(path)
            #expect(Set(Words.swiftKeys).subtracting(keys).sorted() == [], "\(path)")
        }
    }

    @Test func aGermanSiteIsInGermanAndItsTemplatesFindEveryWord() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let config = try String(contentsOf: site.root.appendingPathComponent("sitegen.yml"), encoding: .utf8)
        try site.write("sitegen.yml", config.replacingOccurrences(of: "language: en-GB", with: "language: de"))
        #expect(site.build().isEmpty)
        let duties = try String(contentsOf: site.output.appendingPathComponent("roles/beta/duties/index.html"), encoding: .utf8)
        #expect(duties.contains("<h1>Welche Aufgaben hat die Rolle Beta?</h1>"))
        #expect(duties.contains("<html lang=\"de\""))
        #expect(!duties.contains("What does"))
        let pair = try String(contentsOf: site.output.appendingPathComponent("compare/alpha-vs-beta/index.html"), encoding: .utf8)
        #expect(pair.contains(">Gemeinsam</h3>"))
    }

    @Test func aSiteChangesSomeWordsAndKeepsTheRest() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        try site.write("Templates/i18n/en.yml", "at_a_glance: Key facts\n")
        #expect(site.build().isEmpty)
        let role = try String(contentsOf: site.output.appendingPathComponent("roles/beta/index.html"), encoding: .utf8)
        #expect(role.contains(">Key facts</h2>"))
        #expect(role.contains(">Key duties</h2>"))
    }

    @Test func aLanguageWithoutAFileFallsBackToEnglishWithAWarning() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let config = try String(contentsOf: site.root.appendingPathComponent("sitegen.yml"), encoding: .utf8)
        try site.write("sitegen.yml", config.replacingOccurrences(of: "language: en-GB", with: "language: fr"))
        let report = try BuildPipeline(options: site.options()).run()
        #expect(report.warnings.map(\.message) == ["the theme has no words in 'fr' (Templates/i18n/fr.yml); its pages are in English"])
    }

    @Test func aWordATemplateUsesThatNoLanguageHasIsAnError() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        try site.write("Templates/partials/footer.mustache", "<footer>{{t.colophon}}</footer>\n")
        let messages = site.build().map(\.message)
        #expect(messages.count == 1 && messages[0].contains("'t.colophon'"), "\(messages)")
    }
}

/// `{name}` placeholders are filled in one pass.
@Suite struct WordsFillTests {
    @Test(arguments: [
        ("What does {a} {title} do?", "What does an Engineer do?"),
        ("{title}{title}", "EngineerEngineer"),
        ("{missing} and {a}", "{missing} and an"),
        ("no placeholders", "no placeholders"),
        ("open { brace and {a", "open { brace and {a"),
        ("{x}", "{title}"),
        ("{}{a}", "{}an"),
    ])
    func placeholdersAreFilledOnce(_ text: String, _ expected: String) {
        #expect(Words.fill(text, ["a": "an", "title": "Engineer", "x": "{title}"]) == expected)
    }
}
