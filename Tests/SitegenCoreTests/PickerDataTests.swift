import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender

/// The comparison picker: `compare/compare-data.js` in its documented format, and the pages
/// that offer the picker.
@Suite struct PickerDataTests {
    /// The JSON the data file assigns to `window.SITEGEN_COMPARE`.
    static func data(in site: TestSite) throws -> [String: Any] {
        let text = try String(contentsOf: site.output.appendingPathComponent(PickerData.path), encoding: .utf8)
        let prefix = "window.SITEGEN_COMPARE="
        #expect(text.hasPrefix(prefix) && text.hasSuffix(";\n"))
        let json = text.dropFirst(prefix.count).dropLast(2)
        return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    static func text(_ path: String, in site: TestSite) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theDataFileGivesEveryRoleItsRowsAndTheSplitKeysOfThePairPages() throws {
        let site = try TestSite.make([
            "Content/roles/line-producer.md": """
            ---
            title: Line Producer
            summary: Runs the physical production.
            duties: [Builds the budget, "hires the CREW!", Tracks costs]
            skills: [Budgeting, Scheduling]
            ---
            Body.
            """
        ])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let data = try Self.data(in: site)
        #expect(data["format"] as? String == "sitegen-compare" && data["version"] as? Int == 1)
        #expect(data["rows"] as? [String] == ["Focus"])
        let roles = try #require(data["roles"] as? [[String: Any]])
        #expect(roles.map { $0["slug"] as? String } == ["line-producer", "producer"], "in the site's order (by title)")
        let (line, producer) = (roles[0], roles[1])
        #expect(line["title"] as? String == "Line Producer" && line["url"] as? String == "roles/line-producer/")
        #expect(producer["cells"] as? [String] == ["The whole project"])
        #expect(line["cells"] as? [String] == ["—"], "a field the role does not give shows a dash, as on a pair page")
        // Items are [text, key]: the texts as written, the keys equal where the pair page matches them.
        let duties = { (role: [String: Any]) in (role["duties"] as? [[Any]] ?? []).map { ($0[0] as? String ?? "", $0[1] as? Int ?? -1) } }
        #expect(duties(line).map(\.0) == ["Builds the budget", "hires the CREW!", "Tracks costs"])
        let shared = Set(duties(line).map(\.1)).intersection(duties(producer).map(\.1))
        #expect(shared.count == 1 && duties(producer).first { shared.contains($0.1) }?.0 == "Hires the crew")
        let skills = { (role: [String: Any]) in (role["skills"] as? [[Any]] ?? []).map { $0[1] as? Int ?? -1 } }
        let sharedSkills = Set(skills(line)).intersection(skills(producer))
        #expect(sharedSkills.count == 1)
        let skillURLs = try #require(data["skills"] as? [String])
        #expect(skillURLs[sharedSkills.first!] == "skills/budgeting/")
        #expect(skillURLs.count == 3)
        // The declared pair, in its page's order.
        #expect((data["pages"] as? [[Any]])?.map { "\($0[0]) \($0[1]) \($0[2])" } == ["0 1 compare/line-producer-vs-producer/"])
        let words = try #require(data["words"] as? [String: String])
        #expect(Set(words.keys) == Set(PickerData.wordKeys) && words["pair_title"] == "{first} vs {second}")
    }

    @Test func theRolePageAndTheHubOfferThePickerAndTheDutyPageDoesNot() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let role = try Self.text("roles/producer/index.html", in: site)
        #expect(role.contains("<script src=\"../../assets/compare.js\" defer></script>"))
        #expect(role.contains("data-compare-data=\"../../compare/compare-data.js\" data-compare-role=\"producer\""))
        #expect(role.contains("<a href=\"#compare-any\">Compare any two roles</a>"), "the table of contents lists the picker")
        #expect(role.contains("<form class=\"picker-form\" action=\"../../compare/\" method=\"get\" hidden>"), "hidden until the script runs")
        #expect(!role.contains("data-compare-address"), "a role page keeps its own address")
        let hub = try Self.text("compare/index.html", in: site)
        #expect(hub.contains("data-compare-data=\"compare-data.js\" data-compare-role=\"\""))
        #expect(hub.contains(" data-compare-address>"))
        #expect(hub.contains("<a href=\"./#pairs\">All comparisons</a>"), "without the script the picker points at the pair pages")
        let duties = try Self.text("roles/producer/duties/index.html", in: site)
        #expect(!duties.contains("data-compare-picker") && !duties.contains("compare.js"))
    }

    @Test func aSiteOfOneRoleHasNoPicker() throws {
        let site = try TestSite.make([
            "Content/roles/line-producer.md": nil,
            "Content/roles/producer.md":
                "---\ntitle: Producer\nsummary: Runs the project.\nduties: [Finds the story, Hires the crew, Delivers the film]\n---\nBody.\n",
        ])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(PickerData.path).path))
        #expect(try !Self.text("roles/producer/index.html", in: site).contains("data-compare-picker"))
        #expect(try !Self.text("compare/index.html", in: site).contains("compare.js"))
    }

    @Test func theDataFileIsInTheSitesLanguage() throws {
        let site = try TestSite.make(["sitegen.yml": "title: Test Site\nlanguage: de\n"])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let words = try #require(try Self.data(in: site)["words"] as? [String: String])
        #expect(words["shared"] == "Gemeinsam" && words["pair_title"] == "{first} und {second} im Vergleich")
        #expect(try Self.text("compare/index.html", in: site).contains(">Zwei beliebige Rollen vergleichen</h2>"))
    }
}
