import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

@Suite struct ContentParsingTests {
    @Test func frontMatterSplitsAndCountsLines() throws {
        let split = try FrontMatter.parse("---\ntitle: A\n---\nBody line\n", file: "a.md").get()
        #expect(split.yaml == "title: A")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "Body line\n")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func aFileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatter.parse("# Hello\n", file: "a.md").get()
        #expect(!split.hasFrontMatter)
        #expect(split.body == "# Hello\n")
    }

    @Test func aByteOrderMarkAndWindowsLineEndingsAreAccepted() throws {
        let split = try FrontMatter.parse("\u{FEFF}---\r\ntitle: A\r\n---\r\nBody", file: "a.md").get()
        #expect(split.hasFrontMatter)
        #expect(split.body == "Body")
    }

    @Test func aRoleDecodesEveryField() throws {
        let text = try String(contentsOf: Fixtures.url("Sites/basic/Content/roles/alpha.md"), encoding: .utf8)
        let config = try String(contentsOf: Fixtures.url("Sites/basic/sitegen.yml"), encoding: .utf8)
        let schema = try #require(SiteConfig.parse(config, file: "sitegen.yml").0?.schema)
        let (role, diagnostics) = Role.parse(text, contentPath: "roles/alpha.md", file: "alpha.md", schema: schema)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let alpha = try #require(role)
        #expect(alpha.slug == "alpha")
        #expect(alpha.title == #"Alpha <Lead> & "Chief""#)
        #expect(alpha.values("media") == ["film", "television"])
        #expect(alpha.value("department") == "Production")
        #expect(alpha.value("team_size") == "8")
        #expect(alpha.values("mentors") == ["delta"])
        #expect(alpha.supervises.map(\.value) == ["beta"])
        #expect(alpha.duties.count == 3)
        #expect(alpha.skills.map(\.value) == ["Budgeting", "Leadership", "Negotiation"])
        #expect(alpha.value("experience") == "5+ years")
        #expect(alpha.value("focus") == "Money & people" && alpha.value("final_say") == "Everything")
        #expect(alpha.careerPath.count == 2)
        #expect(alpha.sources.first?.url == "https://example.org/source")
        #expect(alpha.updated == "2026-11-23")
        #expect(alpha.onet == "27-2012.00")
        #expect(alpha.article == "an")
        #expect(alpha.bodyFirstLine == 39)
    }

    @Test func unknownKeysWarnWithASuggestion() {
        let (role, diagnostics) = Role.parse("---\ntitle: A\nsummary: S.\nduties: [a, b, c]\nskils: [x]\n---\n", contentPath: "roles/a.md", file: "a.md")
        #expect(role != nil)
        #expect(diagnostics.map(\.description) == ["a.md:5:1: warning: unknown key 'skils' in role front matter; did you mean 'skills'?"])
    }

    @Test(arguments: [("Problem solving", "problem-solving"), ("C++ & Rust", "c-rust"), ("Décor", "decor"), ("  Lead  ", "lead")])
    func slugsAreMadeFromText(text: String, slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test(arguments: [("producer", true), ("line-producer", true), ("a1", true), ("Line", false), ("a--b", false), ("-a", false), ("a_b", false), ("", false)])
    func slugRule(slug: String, valid: Bool) {
        #expect(Slug.isValid(slug) == valid)
    }

    @Test func draftsAreLeftOutUnlessAsked() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let withDrafts = site.root.appendingPathComponent("with-drafts")
        #expect(site.build().isEmpty)
        #expect(site.build(output: withDrafts, drafts: true).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("roles/gamma/index.html").path))
        #expect(FileManager.default.fileExists(atPath: withDrafts.appendingPathComponent("roles/gamma/index.html").path))
    }

    @Test func frontMatterValuesAreEscapedInEveryPage() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        for (path, data) in snapshot(of: site.output) where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(!html.contains("<Lead>"), "unescaped title in \(path)")
            #expect(!html.contains("<everything>"), "unescaped summary in \(path)")
            #expect(!html.contains("<script>alert"), "raw script in \(path)")
            #expect(!html.contains("javascript:"), "javascript: URL in \(path)")
        }
    }

    @Test func referencesToADraftRoleAreDroppedNotReported() throws {
        let site = try TestSite.make([
            "Content/roles/director.md": "---\ntitle: Director\nsummary: S.\nduties: [a, b, c]\ndraft: true\n---\n",
            "Content/roles/line-producer.md": "---\ntitle: Line Producer\nsummary: S.\nduties: [a, b, c]\nrelated: [director]\nskills: [Budgeting]\n---\n",
        ])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let html = String(decoding: try Data(contentsOf: site.output.appendingPathComponent("roles/line-producer/index.html")), as: UTF8.self)
        #expect(!html.contains("director"))
    }
}
