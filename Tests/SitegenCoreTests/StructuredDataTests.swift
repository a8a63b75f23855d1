import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// JSON-LD for role pages: the schema.org fields, and escaping that keeps it inside its `<script>`.
struct StructuredDataTests {
    /// Requirement fields mapped to their schema.org properties.
    static let schema: Schema = {
        let yaml = """
            title: T
            schema:
              fields:
                education: {type: text, schema_org: educationRequirements}
                experience: {type: text, schema_org: experienceRequirements}
                certification: {type: text, schema_org: qualifications}
            """
        return SiteConfig.parse(yaml, file: "sitegen.yml").0!.schema
    }()

    static func role(title: String = "Producer", extra: String = "") -> Role {
        let text = """
            ---
            title: \(JSONValue.quoted(title))
            summary: Runs the project & answers for it.
            alternate_titles: [EP, Film producer]
            onet: 27-2012.00
            duties: [Finds the story, Hires the crew, Delivers the film]
            skills: [Budgeting, Leadership]
            education: A degree helps
            experience: 5+ years
            certification: None required
            \(extra)
            ---
            Body.
            """
        let (role, diagnostics) = Role.parse(text, contentPath: "roles/producer.md", file: "Content/roles/producer.md", schema: schema)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty)
        return role!
    }

    static func decode(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func occupationHasEveryField() throws {
        let json = try Self.decode(
            StructuredData.occupationScript(Self.role(), skills: ["Budgeting", "Leadership"], url: "https://example.org/roles/producer/", schema: Self.schema))
        #expect(json["@context"] as? String == "https://schema.org")
        #expect(json["@type"] as? String == "Occupation")
        #expect(json["name"] as? String == "Producer")
        #expect(json["description"] as? String == "Runs the project & answers for it.")
        #expect(json["alternateName"] as? [String] == ["EP", "Film producer"])
        #expect(json["responsibilities"] as? [String] == ["Finds the story", "Hires the crew", "Delivers the film"])
        #expect(json["skills"] as? [String] == ["Budgeting", "Leadership"])
        #expect(json["educationRequirements"] as? String == "A degree helps")
        #expect(json["experienceRequirements"] as? String == "5+ years")
        #expect(json["qualifications"] as? String == "None required")
        #expect(json["occupationalCategory"] as? String == "27-2012.00")
        #expect(json["url"] as? String == "https://example.org/roles/producer/")
    }

    @Test func optionalFieldsAreLeftOutWhenAbsent() throws {
        let text = "---\ntitle: Runner\nsummary: Runs.\nduties: [a, b, c]\n---\n"
        let role = try #require(Role.parse(text, contentPath: "roles/runner.md", file: "x").0)
        let json = try Self.decode(StructuredData.occupationScript(role, skills: [], url: nil))
        for key in ["url", "occupationalCategory", "alternateName", "skills", "educationRequirements", "experienceRequirements"] {
            #expect(json[key] == nil, "\(key) should be absent")
        }
    }

    @Test(arguments: ["</script><!--", "<script>alert(1)</script>", "a & b > c", "<!-- x -->", "\u{2028}line"])
    func titlesCannotBreakOutOfTheScriptElement(_ title: String) throws {
        let role = Self.role(title: title)
        let text = StructuredData.occupationScript(role, skills: [], url: nil)
        #expect(!text.contains("<"))
        #expect(!text.contains(">"))
        #expect(!text.contains("&"))
        #expect(!text.contains("\u{2028}"))
        #expect(try Self.decode(text)["name"] as? String == role.title)
    }

    @Test func stringsAreEscapedForScriptContexts() {
        #expect(JSONValue.quoted("</script>") == #""\u003c/script\u003e""#)
        #expect(JSONValue.quoted("a\"b\\c\nd\u{1}") == #""a\"b\\c\nd\u0001""#)
        #expect(JSONValue.quoted("plain é – ü") == "\"plain é – ü\"")
        #expect(JSONValue.quoted("a\u{2028}b\u{2029}") == #""a\u2028b\u2029""#)
        #expect(JSONValue.quoted("R&D") == #""R\u0026D""#)
        #expect(JSONValue.object([("b", .int(2)), ("a", .array([.bool(true), .null]))]).text == #"{"b":2,"a":[true,null]}"#)
    }

    @Test func builtRolePageCarriesEscapedJSONLDAndOpenGraph() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-jsonld-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "sitegen.yml": "title: Test\nbase_url: https://example.org/handbook/\n",
            "Content/roles/evil.md": "---\ntitle: \"Evil </script><!-- Producer\"\nsummary: Breaks things.\nduties: [a, b, c]\n---\nBody.\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let output = try BuildPipeline(options: BuildOptions(source: root, displayPrefix: "")).render().files
        let page = try #require(output.first { $0.path == "roles/evil/index.html" })
        let html = String(decoding: page.contents, as: UTF8.self)
        let script = try #require(
            html.components(separatedBy: "<script type=\"application/ld+json\">").dropFirst().first?.components(separatedBy: "</script>").first)
        #expect(try Self.decode(script)["name"] as? String == "Evil </script><!-- Producer")
        #expect(try Self.decode(script)["url"] as? String == "https://example.org/handbook/roles/evil/")
        #expect(html.components(separatedBy: "</script>").count == 3)  // the search script's and the JSON-LD's
        #expect(html.contains(#"<meta property="og:title" content="Evil &lt;/script&gt;&lt;!-- Producer">"#))
        #expect(html.contains(#"<meta property="og:url" content="https://example.org/handbook/roles/evil/">"#))
    }
}
