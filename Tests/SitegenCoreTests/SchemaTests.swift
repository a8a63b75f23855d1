import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The schema a site declares in `sitegen.yml`: each invalid schema, and each role value that
/// breaks it, gives exactly these located errors, in one run, and the build writes nothing.
@Suite struct SchemaTests {
    static let role = "Content/roles/producer.md"

    /// A `sitegen.yml` with these lines under `schema:`.
    static func config(_ schema: String) -> String { "title: Test Site\nschema:\n" + schema }

    /// The test site's producer with these extra front-matter lines.
    static func producer(_ lines: String) -> String {
        "---\ntitle: Producer\nsummary: Runs the project.\nduties: [a, b, c]\ncompare_with: [line-producer]\n\(lines)\n---\nBody.\n"
    }

    static let cases: [InvalidContentTests.Case] = [
        .init(
            name: "unknown field type",
            files: ["sitegen.yml": config("  fields:\n    level: {type: levle}\n")],
            expected: [
                "sitegen.yml:4:13: error: unknown field type 'levle' (types: text, markdown, list, date, url, number, role, roles, term, terms)"
            ]),
        .init(
            name: "a core field declared again",
            files: ["sitegen.yml": config("  fields:\n    title: {type: text}\n")],
            expected: ["sitegen.yml:4:5: error: 'title' is a core role field; choose another name for a declared field"]),
        .init(
            name: "a placement naming no field",
            files: ["sitegen.yml": config("  fields:\n    level: {type: text}\n  glance: [levl, reports_to]\n")],
            expected: ["sitegen.yml:5:12: error: 'glance' names 'levl', which is neither a declared field nor a core field; did you mean 'level'?"]),
        .init(
            name: "grouping by a list",
            files: ["sitegen.yml": config("  fields:\n    tools: {type: list}\n  group_by: tools\n")],
            expected: ["sitegen.yml:5:3: error: 'group_by' needs a field of one value (type term or text); 'tools' is list"]),
        .init(
            name: "two taxonomies at one URL",
            files: ["sitegen.yml": config("  fields:\n    team: {type: term, url: skills}\n")],
            expected: ["sitegen.yml:4:5: error: the pages of 'team' would be at /skills/, where the skills have their pages; give it a 'url:'"]),
        .init(
            name: "the comparison dimensions of an older site",
            files: ["sitegen.yml": "title: Test Site\ncomparison:\n  dimensions:\n    - key: focus\n"],
            expected: [
                "sitegen.yml:2:1: error: 'comparison: dimensions:' is now part of the schema: declare each dimension under 'schema: fields:' (type text) and list them in 'schema: compare:' and 'schema: matrix:'"
            ]),
        .init(
            name: "a role value of the wrong type",
            files: [
                "sitegen.yml": config("  fields:\n    team_size: {type: number}\n    since: {type: date}\n    focus: {type: text}\n"),
                role: producer("team_size: many\nsince: 2026-13\nfocus: [a, b]"),
            ],
            expected: [
                "Content/roles/producer.md:6:12: error: field 'team_size' must be a number, found 'many'",
                "Content/roles/producer.md:7:8: error: field 'since' must be a date written YYYY-MM-DD, found '2026-13'",
                "Content/roles/producer.md:8:8: error: field 'focus' must be a string, found a list",
            ]),
        .init(
            name: "a reference field pointing at a missing role",
            files: [
                "sitegen.yml": config("  fields:\n    deputy: {type: role}\n    mentors: {type: roles}\n"),
                role: producer("deputy: line-prodcer\nmentors: [nobody]"),
            ],
            expected: [
                "Content/roles/producer.md:6:9: error: unknown role 'line-prodcer' in deputy; did you mean 'line-producer'?",
                "Content/roles/producer.md:7:11: error: unknown role 'nobody' in mentors",
            ]),
        .init(
            name: "a value outside the closed set",
            files: [
                "sitegen.yml": config("  fields:\n    level: {type: text, values: [Junior, Senior]}\n    team: {type: terms, values: [Sales, Support]}\n"),
                role: producer("level: Seniro\nteam: [Sales, Legal]"),
            ],
            expected: [
                "Content/roles/producer.md:6:8: error: 'Seniro' is not a value of 'level'; did you mean 'Senior'? (values: Junior, Senior)",
                "Content/roles/producer.md:7:15: error: 'Legal' is not a value of 'team' (values: Sales, Support)",
            ]),
        .init(
            name: "a required field left out",
            files: ["sitegen.yml": config("  fields:\n    team: {type: term, label: Team, required: true}\n")],
            expected: [
                "Content/roles/line-producer.md:2:1: error: missing required field 'team' (Team)",
                "Content/roles/producer.md:2:1: error: missing required field 'team' (Team)",
            ]),
        .init(
            name: "an unknown name in a template",
            files: [
                "sitegen.yml": config("  fields:\n    level: {type: text}\n"),
                "Templates/layouts/role.mustache": "{{% CONTENT_TYPE: HTML }}\n<p>{{title}} · {{levle}}</p>\n",
            ],
            expected: ["Templates/layouts/role.mustache:2:17: error: the role page has no value 'levle'; did you mean 'level'?"]),
        .init(
            name: "a navigation link to no page",
            files: ["sitegen.yml": "title: Test Site\nnavigation:\n  - {title: Roles, url: rolez/}\n  - {title: Search, url: search/}\n"],
            expected: ["sitegen.yml:3:25: error: navigation link 'rolez/' points at no page of the site; did you mean 'roles/'?"]),
        .init(
            name: "a grouped field outside its mapping's rules",
            files: [
                "sitegen.yml": config("  fields:\n    education: {type: text, in: requirements, required: true}\n"),
                "Content/roles/line-producer.md": "---\ntitle: Line Producer\nsummary: S.\nduties: [a, b, c]\nrequirements:\n  education: A degree\n---\n",
            ],
            expected: ["Content/roles/producer.md:2:1: error: missing required field 'requirements.education' (Education)"]),
        .init(
            name: "a schema file that is missing",
            files: ["sitegen.yml": "title: Test Site\nschema: schema.yml\n"],
            expected: ["sitegen.yml:2:1: error: cannot read the schema file 'schema.yml': file not found"]),
        .init(
            name: "a schema file with an error",
            files: ["sitegen.yml": "title: Test Site\nschema: schema.yml\n", "schema.yml": "fields:\n  level: {type: txt}\n"],
            expected: [
                "schema.yml:2:11: error: unknown field type 'txt'; did you mean 'text'? (types: text, markdown, list, date, url, number, role, roles, term, terms)"
            ]),
    ]

    @Test(arguments: cases)
    func anInvalidSchemaGivesLocatedErrors(_ testCase: InvalidContentTests.Case) throws {
        let site = try TestSite.make(testCase.files)
        defer { site.remove() }
        let errors = site.build().filter { $0.severity == .error }
        #expect(errors.sortedForDisplay().map(\.description) == testCase.expected)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "a failed build writes nothing")
    }

    @Test func anUndeclaredKeyIsAWarningWithTheNearestField() throws {
        let site = try TestSite.make([Self.role: Self.producer("focuss: Everything")])
        defer { site.remove() }
        let warnings = try BuildPipeline(options: site.options()).run().warnings.map(\.description)
        #expect(warnings == ["Content/roles/producer.md:6:1: warning: unknown key 'focuss' in role front matter; did you mean 'focus'?"])
    }

    @Test func everyDeclaredFieldReachesTheTemplatesAsTypedValues() throws {
        let site = try TestSite.make([
            "sitegen.yml": Self.config(
                "  fields:\n    level: {type: text}\n    team: {type: term}\n    tools: {type: list}\n    mentors: {type: roles}\n    notes: {type: markdown}\n  cards: [team]\n"
            ),
            Self.role: Self.producer("level: L6\nteam: Delivery\ntools: [Jira, Sheets]\nmentors: [line-producer]\nnotes: \"**Bold** move\""),
            "Templates/layouts/role.mustache":
                "{{% CONTENT_TYPE: HTML }}\n<p>{{level}}|<a href=\"{{teamURL}}\">{{team}}</a>|{{#tools}}{{.}};{{/tools}}|{{#mentors}}{{title}}={{url}}{{/mentors}}|{{{notes}}}</p>\n",
            "Templates/partials/role-card.mustache": "{{% CONTENT_TYPE: HTML }}\n<li>{{title}}: {{meta}} [{{level}}]</li>\n",
            "Templates/layouts/compare.mustache":
                "{{% CONTENT_TYPE: HTML }}\n<p>{{#firstRole}}{{title}}={{level}}{{/firstRole}} vs {{#secondRole}}{{title}}={{level}}{{/secondRole}}</p>\n",
        ])
        defer { site.remove() }
        #expect(site.build().filter { $0.severity == .error }.isEmpty)
        let page = try String(contentsOf: site.output.appendingPathComponent("roles/producer/index.html"), encoding: .utf8)
        #expect(
            page.contains(#"<p>L6|<a href="../../team/delivery/">Delivery</a>|Jira;Sheets;|Line Producer=../line-producer/|<p><strong>Bold</strong> move</p>"#),
            "\(page)")
        let term = try String(contentsOf: site.output.appendingPathComponent("team/delivery/index.html"), encoding: .utf8)
        #expect(term.contains("<li>Producer: Delivery [L6]</li>"), "\(term)")
        let pair = try String(contentsOf: site.output.appendingPathComponent("compare/line-producer-vs-producer/index.html"), encoding: .utf8)
        #expect(pair.contains("<p>Line Producer= vs Producer=L6</p>"), "\(pair)")
    }

    @Test func aGroupedFieldIsReadFromItsMapping() throws {
        let site = try TestSite.make([
            "sitegen.yml": Self.config("  fields:\n    education: {type: text, label: Education, in: requirements}\n  requirements: [education]\n")
                + "base_url: https://example.org/test/\n",
            Self.role: Self.producer("requirements:\n  education: A degree helps\n  eduction: typo"),
        ])
        defer { site.remove() }
        let report = try BuildPipeline(options: site.options()).run()
        #expect(
            report.warnings.map(\.description) == [
                "Content/roles/producer.md:8:3: warning: unknown key 'eduction' in 'requirements'; did you mean 'education'?"
            ])
        let page = try String(contentsOf: site.output.appendingPathComponent("roles/producer/index.html"), encoding: .utf8)
        #expect(page.contains("<dt>Education</dt><dd>A degree helps</dd>"))
    }

    @Test func theTemplateReferenceListsEveryDeclaredFieldWithItsHelp() throws {
        let site = try TestSite.make([
            "sitegen.yml": Self.config("  fields:\n    level: {type: text, label: Level, help: How senior.}\n    team: {type: term}\n")
        ])
        defer { site.remove() }
        let reference = try BuildPipeline(options: site.options()).templateReference(layout: "role")
        let lines = reference.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("level") && $0.hasSuffix("text — Level: declared field, text; How senior.") }, "\(reference)")
        #expect(lines.contains { $0.hasPrefix("teamURL") })
    }

    @Test func aSiteWithoutFacetsGetsSearchTextsThatNameNone() throws {
        let site = try TestSite.make(["sitegen.yml": Self.config("  facets: []\n")])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let manifest = try String(contentsOf: site.output.appendingPathComponent("search/search-index.js"), encoding: .utf8)
        #expect(manifest.contains(#""search_prompt_other":"Type a word to search {count} roles.""#), "\(manifest)")
        let page = try String(contentsOf: site.output.appendingPathComponent("search/index.html"), encoding: .utf8)
        #expect(page.contains("<p class=\"lede\">Find a role, a comparison or a page by any word in it.</p>") && !page.contains("<fieldset"))
    }

    @Test func aSchemaChangeReparsesEveryRole() throws {
        let site = try TestSite.make(["sitegen.yml": Self.config("  fields:\n    level: {type: text}\n"), Self.role: Self.producer("level: L6")])
        defer { site.remove() }
        #expect(site.build().filter { $0.severity == .error }.isEmpty)
        try site.write("sitegen.yml", Self.config("  fields:\n    level: {type: text, values: [L1, L2]}\n"))
        #expect(site.build().map(\.description).contains { $0.hasPrefix("Content/roles/producer.md:6:8: error: 'L6' is not a value of 'level'") })
    }
}
