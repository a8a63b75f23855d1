import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// Each invalid input gives exactly these diagnostics (file:line:col: severity: message), and
/// the build fails without writing.
@Suite struct InvalidContentTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var files: [String: String?]
        var expected: [String]
        /// Compare warnings too (most cases compare errors only).
        var warnings = false
        var description: String { name }
    }

    static let role = "Content/roles/producer.md"

    static let cases: [Case] = [
        Case(
            name: "missing title",
            files: [role: "---\nsummary: Runs it.\nduties: [a, b, c]\n---\n"],
            expected: ["Content/roles/producer.md:2:1: error: missing required field 'title'"]),
        Case(
            name: "wrong type",
            files: [role: "---\ntitle: [Producer, Boss]\nsummary: Runs it.\nduties: [a, b, c]\n---\n"],
            expected: ["Content/roles/producer.md:2:8: error: field 'title' must be a string, found a list"]),
        Case(
            name: "bad slug",
            files: ["Content/roles/Line_Producer.md": "---\ntitle: LP\nsummary: S.\nduties: [a, b, c]\n---\n"],
            expected: [
                "Content/roles/Line_Producer.md:1:1: error: file name 'Line_Producer.md' is not a valid slug; use lowercase letters, digits and single hyphens, e.g. 'line-producer.md'"
            ]),
        Case(
            name: "duplicate slug",
            files: ["Content/roles/film/producer.md": "---\ntitle: Film Producer\nsummary: S.\nduties: [a, b, c]\n---\n"],
            expected: [
                "Content/roles/producer.md:1:1: error: duplicate role slug 'producer': Content/roles/film/producer.md already uses it"
            ]),
        Case(
            name: "unknown role reference",
            files: [role: "---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\ncompare_with: [line-prodcer]\nrelated:\n  - nobody\n---\n"],
            expected: [
                "Content/roles/producer.md:5:16: error: unknown role 'line-prodcer' in compare_with; did you mean 'line-producer'?",
                "Content/roles/producer.md:7:5: error: unknown role 'nobody' in related",
            ]),
        Case(
            name: "unterminated front matter",
            files: [role: "---\ntitle: Producer\nsummary: S.\n"],
            expected: ["Content/roles/producer.md:1:1: error: front matter is not closed: add a line '---' after the YAML that starts on line 1"]),
        Case(
            name: "YAML syntax error",
            files: [role: "---\ntitle: Producer\nsummary: S.\n  duties: [a]\n---\n"],
            expected: ["Content/roles/producer.md:4:9: error: YAML syntax error: mapping values are not allowed in this context"]),
        Case(
            name: "duplicate YAML key",
            files: [role: "---\ntitle: Producer\ntitle: Again\nsummary: S.\nduties: [a, b, c]\n---\n"],
            expected: ["Content/roles/producer.md:2:1: error: duplicate key 'title' in YAML mapping"]),
        Case(
            name: "too few duties",
            files: [role: "---\ntitle: Producer\nsummary: S.\nduties: [Only one]\n---\n"],
            expected: ["Content/roles/producer.md:4:1: error: 'duties' lists 1 duties; a role needs at least 3"]),
        Case(
            name: "bad date",
            files: [role: "---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\nupdated: 23/11/2026\n---\n"],
            expected: ["Content/roles/producer.md:5:1: error: field 'updated' must be a date written YYYY-MM-DD, found '23/11/2026'"]),
        Case(
            name: "two spellings of a skill",
            files: [role: "---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\nskills: [budgeting]\n---\n"],
            expected: ["Content/roles/producer.md:5:10: error: skill 'budgeting' is spelled 'Budgeting' in other roles; use one spelling"]),
        Case(
            name: "broken Markdown link",
            files: [role: "---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\n---\nIntro.\n\nSee [the LP](line-producr.md).\n"],
            expected: [
                "Content/roles/producer.md:8:5: error: broken link '../line-producr/': no file 'roles/line-producr/index.html' in the output (in roles/producer/index.html)"
            ]),
        Case(
            name: "bad template",
            files: ["Templates/layouts/role.mustache": "{{<base}}{{$main}}\n<h1>{{title}}</h1>\n{{#skills}}\n{{/main}}{{/base}}\n"],
            expected: ["Templates/layouts/role.mustache:4:1: error: template syntax error: section 'skills' is closed with '{{/main}}'"]),
        Case(
            name: "unknown partial",
            files: ["Templates/layouts/page.mustache": "{{<base}}{{$main}}\n{{>heder}}\n{{/main}}{{/base}}\n"],
            expected: ["Templates/layouts/page.mustache:2:1: error: unknown partial 'heder'; did you mean 'header'?"]),
        Case(
            name: "missing sitegen.yml title and unknown key",
            files: ["sitegen.yml": "titel: Oops\n"],
            expected: [
                "Content/roles/producer.md:7:1: warning: unknown key 'focus' in role front matter; declare it under 'schema: fields:' in sitegen.yml to use it",
                "sitegen.yml:1:1: error: missing required field 'title'",
                "sitegen.yml:1:1: warning: unknown key 'titel' in sitegen.yml; did you mean 'title'?",
            ], warnings: true),
    ]

    @Test(arguments: cases)
    func invalidInputGivesLocatedDiagnostics(_ testCase: Case) throws {
        let site = try TestSite.make(testCase.files)
        defer { site.remove() }
        let diagnostics = site.build()
        let compared = diagnostics.filter { testCase.warnings || $0.severity == .error }
        #expect(compared.sortedForDisplay().map(\.description) == testCase.expected)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build writes nothing")
    }

    @Test func allProblemsAreReportedInOneRun() throws {
        let site = try TestSite.make([
            Self.role: "---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\ncompare_with: [nobody]\n---\n",
            "Content/roles/line-producer.md": "---\nsummary: S.\nduties: [a, b, c]\n---\n",
            "Content/roles/director.md": "---\ntitle: Director\nsummary: S.\nduties: [a]\n---\n",
        ])
        defer { site.remove() }
        let messages = site.build().map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/roles/line-producer.md:2:1: error: missing required field 'title'") })
        #expect(messages.contains { $0.hasPrefix("Content/roles/director.md:4:1: error: 'duties' lists 1 duties") })
    }
}
