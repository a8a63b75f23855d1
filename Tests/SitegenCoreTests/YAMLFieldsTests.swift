import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// Front matter values are read as text: keys by their text, nulls, booleans and numbers as
/// written, with the same diagnostics as before values were looked up without tag resolution.
@Suite struct YAMLFieldsTests {
    /// A schema with a term, a list of terms and a text field.
    static let schema: Schema = {
        let yaml = "title: T\nschema:\n  fields:\n    department: {type: term}\n    media: {type: terms}\n    education: {type: text}"
        return SiteConfig.parse(yaml, file: "sitegen.yml").0!.schema
    }()

    static func role(_ yaml: String) -> (Role?, [String]) {
        let (role, diagnostics) = Role.parse("---\n\(yaml)\n---\nBody.\n", contentPath: "roles/a.md", file: "a.md", schema: schema)
        return (role, diagnostics.map(\.description))
    }

    static let required = "title: A\nsummary: S.\nduties: [a, b, c]"

    @Test func quotedAndPlainKeysAreFoundByTheirText() throws {
        let (role, diagnostics) = Self.role("\"title\": Quoted\n'summary': S.\nduties: [a, b, c]\n? department\n: Camera")
        #expect(diagnostics.isEmpty)
        #expect(role?.title == "Quoted")
        #expect(role?.value("department") == "Camera")
    }

    @Test(arguments: ["~", "null", "Null", "NULL", ""])
    func nullValuesAreAbsent(_ null: String) throws {
        let (role, diagnostics) = Self.role("\(Self.required)\ndepartment: \(null)\nmedia: \(null)\neducation: \(null)")
        #expect(diagnostics.isEmpty)
        #expect(role?.value("department") == nil)
        #expect(role?.values("media") == [])
        #expect(role?.values.isEmpty == true)
    }

    @Test func quotedNullsAndNumbersAreText() throws {
        let (role, diagnostics) = Self.role("\(Self.required)\ndepartment: \"null\"\nonet: 2049\nmedia: [true, 1.5, '~']")
        #expect(diagnostics.isEmpty)
        #expect(role?.value("department") == "null")
        #expect(role?.onet == "2049")
        #expect(role?.values("media") == ["true", "1.5", "~"])
    }

    @Test(arguments: [("true", true), ("false", false), ("True", true), ("FALSE", false)])
    func booleans(_ text: String, _ value: Bool) throws {
        let (role, diagnostics) = Self.role("\(Self.required)\ndraft: \(text)")
        #expect(diagnostics.isEmpty)
        #expect(role?.draft == value)
    }

    @Test func aBooleanMustBeTrueOrFalse() {
        #expect(Self.role("\(Self.required)\ndraft: yes").1 == ["a.md:5:8: error: field 'draft' must be true or false"])
    }

    @Test func whitespaceAroundQuotedValuesIsTrimmed() throws {
        let (role, _) = Self.role("\(Self.required)\ndepartment: \" \\t Camera\\u00A0\\u2028 \"\nonet: \"\\u3000\"")
        #expect(role?.value("department") == "Camera")
        #expect(role?.onet == nil)
    }

    @Test func duplicateKeysAreReportedInNestedMappingsToo() {
        #expect(
            Self.role("\(Self.required)\nrequirements:\n  education: A\n  education: B").1 == ["a.md:6:3: error: duplicate key 'education' in YAML mapping"])
    }

    /// Keys are compared by their text, so a plain and a quoted spelling of one key clash.
    /// (With YAML type resolution `1:` was an integer and `"1":` a string: both were kept, and
    /// the later silently won.)
    @Test func aPlainAndAQuotedSpellingOfOneKeyAreDuplicates() {
        let diagnostics = Self.role("\(Self.required)\nattributes:\n  2024: a\n  \"2024\": b").1
        #expect(diagnostics == ["a.md:6:3: error: duplicate key '2024' in YAML mapping"])
    }

    @Test func keysAreLookedUpInEveryMappingOfAConfig() throws {
        let yaml = """
            title: Site
            base_url: https://example.org/sub
            navigation:
              - {title: Roles, url: roles/}
            schema:
              fields:
                budget: {type: text, label: Money, help: Who pays}
                final_say: {type: text}
              compare: [budget, final_say]
            """
        let (config, diagnostics) = SiteConfig.parse(yaml, file: "sitegen.yml")
        #expect(diagnostics.isEmpty)
        #expect(config?.baseURL == "https://example.org/sub/")
        #expect(config?.navigation.map(\.url) == ["roles/"])
        #expect(config?.schema.fields.map(\.key) == ["budget", "final_say"])
        #expect(config?.schema.fields.map(\.label) == ["Money", "Final say"])
        #expect(config?.schema.compare == ["budget", "final_say"])
    }

    @Test func aPageReadsItsWeightAndDraft() throws {
        let (page, diagnostics) = Page.parse(
            "---\ntitle: About\nweight: 3\ndraft: false\n---\nText\n", contentPath: "about.md", file: "about.md", titleRequired: true)
        #expect(diagnostics.isEmpty)
        #expect(page?.weight == 3)
        #expect(page?.draft == false)
        #expect(
            Page.parse("---\ntitle: About\nweight: heavy\n---\n", contentPath: "about.md", file: "about.md", titleRequired: true).1.map(\.description) == [
                "about.md:3:9: error: field 'weight' must be a whole number"
            ])
    }
}
