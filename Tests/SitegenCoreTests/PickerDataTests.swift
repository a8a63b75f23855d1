import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The comparison picker: its manifest and the files named by their content, in the
/// documented format, and the pages that offer the picker.
@Suite struct PickerDataTests {
    /// The JSON a picker file assigns (`SITEGEN_COMPARE.manifest=` or `.files["<name>"]=`).
    static func json(_ text: String, slot: String) throws -> Any {
        let prefix = PickerData.preamble + "SITEGEN_COMPARE." + slot + "="
        #expect(text.hasPrefix(prefix) && text.hasSuffix(";\n"))
        return try JSONSerialization.jsonObject(with: Data(text.dropFirst(prefix.count).dropLast(2).utf8))
    }

    /// The manifest as written.
    static func manifest(in output: URL) throws -> [String: Any] {
        let text = try String(contentsOf: output.appendingPathComponent(PickerData.path), encoding: .utf8)
        return try #require(try json(text, slot: "manifest") as? [String: Any])
    }

    static func data(in site: TestSite) throws -> [String: Any] { try manifest(in: site.output) }

    /// A file named by its content (`r.0123456789ab`), read through its slot.
    static func file(_ name: String, in output: URL) throws -> [Any] {
        let text = try String(contentsOf: output.appendingPathComponent(PickerData.folder + name + ".js"), encoding: .utf8)
        return try #require(try json(text, slot: "files[\"\(name)\"]") as? [Any])
    }

    /// Every role's entry in the role files, by slug.
    static func roles(in output: URL, manifest: [String: Any]) throws -> [String: [String: Any]] {
        let list = try #require(manifest["roles"] as? [[String]])
        var roles: [String: [String: Any]] = [:]
        for entry in list {
            let file = try #require(try Self.file(entry[2], in: output) as? [[String: Any]])
            roles[entry[0]] = try #require(file.first { $0["slug"] as? String == entry[0] })
        }
        return roles
    }

    static func text(_ path: String, in site: TestSite) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
    }

    /// The picker's files in an output folder, by path below it.
    static func pickerFiles(in output: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent(PickerData.folder).path).filter { $0.hasSuffix(".js") })
    }

    @Test func theDataGivesEveryRoleItsRowsAndTheSplitKeysOfThePairPages() throws {
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
        #expect(data["format"] as? String == "sitegen-compare" && data["version"] as? Int == 2)
        #expect(data["rows"] as? [String] == ["Focus"])
        let list = try #require(data["roles"] as? [[String]])
        #expect(list.map { $0[0] } == ["line-producer", "producer"], "in the site's order (by title)")
        #expect(list.map { $0[1] } == ["Line Producer", "Producer"])
        let roles = try Self.roles(in: site.output, manifest: data)
        let (line, producer) = (roles["line-producer"]!, roles["producer"]!)
        #expect(line["title"] as? String == "Line Producer" && line["url"] as? String == "roles/line-producer/")
        #expect(producer["cells"] as? [String] == ["The whole project"])
        #expect(line["cells"] as? [String] == ["—"], "a field the role does not give shows a dash, as on a pair page")
        // Items are [text, key]: the texts as written, the keys equal where the pair page matches them.
        let items = { (role: [String: Any], name: String) in (role[name] as? [[String]] ?? []).map { ($0[0], $0[1]) } }
        #expect(items(line, "duties").map(\.0) == ["Builds the budget", "hires the CREW!", "Tracks costs"])
        let shared = Set(items(line, "duties").map(\.1)).intersection(items(producer, "duties").map(\.1))
        #expect(shared.count == 1 && items(producer, "duties").first { shared.contains($0.1) }?.0 == "Hires the crew")
        // A skill's key is its page: only the roles' own skills, no table of them all.
        let sharedSkills = Set(items(line, "skills").map(\.1)).intersection(items(producer, "skills").map(\.1))
        #expect(sharedSkills == ["skills/budgeting/"])
        #expect(data["skills"] == nil)
        // The declared pair, in its page's order, on both roles.
        #expect((producer["pages"] as? [[Any]])?.map { "\($0[0]) \($0[1]) \($0[2])" } == ["line-producer compare/line-producer-vs-producer/ 0"])
        #expect((line["pages"] as? [[Any]])?.map { "\($0[0]) \($0[1]) \($0[2])" } == ["producer compare/line-producer-vs-producer/ 1"])
        let words = try #require(data["words"] as? [String: String])
        #expect(Set(words.keys) == Set(PickerData.wordKeys) && words["pair_title"] == "{first} vs {second}")
    }

    @Test func filesAreNamedByTheirContentAndTheManifestListsExactlyTheFilesWritten() throws {
        let site = try TestSite.copy(fixture: "Sites/pflege")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let written = try Self.pickerFiles(in: site.output)
        let data = try Self.manifest(in: site.output)
        let list = try #require(data["roles"] as? [[String]])
        #expect(Set(list.map { $0[2] + ".js" }).union(["compare-data.js"]) == written)
        for name in written where name != "compare-data.js" {
            let text = try String(contentsOf: site.output.appendingPathComponent(PickerData.folder + name), encoding: .utf8)
            let slot = String(name.dropLast(3))
            let assignment = PickerData.preamble + "SITEGEN_COMPARE.files[\"\(slot)\"]="
            #expect(text.hasPrefix(assignment), "fills the slot of its name")
            let json = String(text.dropFirst(assignment.count).dropLast(2))
            #expect(slot == "r." + String(Digest.of(text: json).description.prefix(12)), "named by the digest of its JSON")
            #expect(text.utf8.count <= PickerData.fileLimit + 2_000)
        }
        #expect(try Self.roles(in: site.output, manifest: data).count == list.count, "each role is in the file the manifest names")
    }

    @Test func aLargeSitesManifestNamesFilesThatFindEveryRoleAndStaysSmall() throws {
        // 2,000 roles with titles as long as the benchmark corpus's: the list alone would be
        // over 100 KB; the manifest stays under 16 KB and points at every file written.
        var files: [String: String?] = ["Content/roles/line-producer.md": nil, "Content/roles/producer.md": nil]
        let words = ["Senior", "Assistant", "Documentary", "Series", "Line", "Post", "Sound", "Camera", "Lighting", "Production", "Story"]
        for number in 0..<2_000 {
            let title = "\(words[number % 11]) \(words[(number / 11) % 11]) Coordinator \(number)"
            let duties = (0..<8).map { "Duty \($0 + number % 7) of the \(words[(number + $0) % 11].lowercased()) team" }
            files["Content/roles/role-\(number).md"] =
                "---\ntitle: \(title)\nsummary: Role \(number).\nduties: [\(duties.joined(separator: ", "))]\nskills: [Planning, \(words[number % 11])]\nfocus: Part \(number % 13)\n---\nBody.\n"
        }
        let site = try TestSite.make(files)
        defer { site.remove() }
        var options = site.options()
        options.checkLinks = false
        _ = try BuildPipeline(options: options).run()
        let manifestSize = try Data(contentsOf: site.output.appendingPathComponent(PickerData.path)).count
        #expect(manifestSize < 16_000, "the manifest is \(manifestSize) bytes")
        let data = try Self.manifest(in: site.output)
        #expect(data["roles"] == nil)
        let names = try #require(data["names"] as? [[String]])
        let findName = try #require(data["find"] as? String)
        let find = try #require(try Self.file(findName, in: site.output) as? [[String]])
        // The name files list every role once, in slug order, each from its boundary on.
        var entries: [[String]] = []
        for (position, name) in names.enumerated() {
            let file = try #require(try Self.file(name[1], in: site.output) as? [[String]])
            #expect(position == 0 ? name[0] == "" : file.first.map { $0[0].hasPrefix(name[0]) && entries.last![0] < name[0] } == true)
            entries += file
        }
        let slugs = entries.map { $0[0] }
        #expect(entries.count == 2_000 && slugs == slugs.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        // The word files hold every role once for each word of its title.
        var byWord: [[String]] = []
        for index in find { byWord += try #require(try Self.file(index[1], in: site.output) as? [[String]]) }
        #expect(byWord.count == entries.map { PickerData.words(of: $0[1]).count }.reduce(0, +))
        let wordSizes = try find.map { try Data(contentsOf: site.output.appendingPathComponent(PickerData.folder + $0[1] + ".js")).count }
        #expect(wordSizes.max()! <= PickerData.indexLimit + 2_000, "no word file is large, however common its word")
        let roleFiles = Set(entries.map { $0[2] + ".js" })
        let written = try Self.pickerFiles(in: site.output)
        #expect(
            written == Set(["compare-data.js"]).union(names.map { $0[1] + ".js" }).union(find.map { $0[1] + ".js" }).union(roleFiles).union([findName + ".js"]))
        let sizes = try roleFiles.map { try Data(contentsOf: site.output.appendingPathComponent(PickerData.folder + $0)).count }
        #expect(sizes.max()! <= PickerData.fileLimit + 2_000 && roleFiles.count < 2_000 / 2, "a few roles a file")
    }

    @Test func theRolePageAndTheHubOfferThePickerAndTheDutyPageDoesNot() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let role = try Self.text("roles/producer/index.html", in: site)
        #expect(role.contains("<script src=\"../../assets/compare.js\" defer></script>"))
        #expect(role.contains("data-compare-data=\"../../compare/compare-data.js\" data-compare-role=\"producer\""))
        #expect(role.contains("<a href=\"#compare-any\">Compare any two or three roles</a>"), "the table of contents lists the picker")
        #expect(role.contains("<form class=\"picker-form\" action=\"../../compare/\" method=\"get\" hidden>"), "hidden until the script runs")
        #expect(!role.contains("data-compare-address"), "a role page keeps its own address")
        let hub = try Self.text("compare/index.html", in: site)
        #expect(hub.contains("data-compare-data=\"compare-data.js\" data-compare-role=\"\""))
        #expect(hub.contains(" data-compare-address>"))
        #expect(hub.contains("<a href=\"./#pairs\">All comparisons</a>"), "without the script the picker points at the pair pages")
        let duties = try Self.text("roles/producer/duties/index.html", in: site)
        #expect(!duties.contains("data-compare-picker") && !duties.contains("compare.js"))
    }

    /// The picker's part a page shows without the script (`data-compare-nojs`).
    static func fallback(_ path: String, in site: TestSite) throws -> String {
        let page = try text(path, in: site)
        let start = try #require(page.range(of: "<div class=\"picker-nojs\" data-compare-nojs>"))
        let end = try #require(page[start.upperBound...].range(of: "</div>"))
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// The link targets of a fallback, in order.
    static func links(_ html: String) -> [String] {
        html.components(separatedBy: "<li><a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func withoutTheScriptThePickerListsThePairPagesAndCapsALongList() throws {
        // A hub role in 15 pairs (more than the cap), the producer in two.
        let others = (1...14).map { String(format: "role-%02d", $0) }
        var files: [String: String?] = [
            "Content/roles/hub.md":
                "---\ntitle: Hub\nsummary: In many pairs.\nduties: [Links, Meets, Talks]\ncompare_with: [producer, \(others.joined(separator: ", "))]\n---\nBody.\n"
        ]
        for slug in others {
            files["Content/roles/\(slug).md"] = "---\ntitle: Role \(slug.suffix(2))\nsummary: One of many.\nduties: [Waits, Reads, Writes]\n---\nBody.\n"
        }
        files["Content/roles/loner.md"] = "---\ntitle: Loner\nsummary: In no pair.\nduties: [Waits, Reads, Writes]\n---\nBody.\n"
        let site = try TestSite.make(files)
        defer { site.remove() }
        #expect(site.build().isEmpty)
        #expect(PickerView.fallbackLimit == 12)
        // The role in more pairs than the cap: the first 12, in the site's order, and where the rest are.
        let hub = try Self.fallback("roles/hub/index.html", in: site)
        let page = try Self.text("roles/hub/index.html", in: site)
        let section = try #require(page.components(separatedBy: "<h2 id=\"comparisons\">").dropFirst().first?.components(separatedBy: "</ul>").first)
        let every = Self.links(section)
        #expect(every.count == 15 && Self.links(hub) == Array(every.prefix(12)), "the first 12 of the role's comparisons, in their order")
        #expect(hub.contains("<p>These are the first 12 of 15; find the rest under <a href=\"../../compare/#pairs\">All comparisons</a></p>"))
        #expect(hub.contains("read this role&#39;s comparisons"))
        // A role in two pairs lists both, and only the link to them all.
        let producer = try Self.fallback("roles/producer/index.html", in: site)
        #expect(Self.links(producer) == ["../../compare/hub-vs-producer/", "../../compare/line-producer-vs-producer/"])
        #expect(producer.contains("<p><a href=\"../../compare/#pairs\">All comparisons</a></p>"))
        // A role in none says so.
        let loner = try Self.fallback("roles/loner/index.html", in: site)
        #expect(Self.links(loner).isEmpty && loner.contains("<p class=\"none\">None.</p>"))
        // The hub: the site's first 12 of its 16 pairs.
        let all = try Self.fallback("compare/index.html", in: site)
        #expect(Self.links(all).count == 12 && all.contains("the first 12 of 16;") && all.contains("<a href=\"./#pairs\">All comparisons</a>"))
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
        #expect(try Self.text("compare/index.html", in: site).contains(">Zwei oder drei beliebige Rollen vergleichen</h2>"))
    }
}
