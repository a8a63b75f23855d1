import Testing

@testable import SitegenTemplates

/// The names of one role in a list.
private let role = TemplateShape(
    "a role",
    fields: [
        TemplateField("title", .text, help: "The role's name."),
        TemplateField("level", .text, help: "Its seniority."),
        TemplateField("url", .text, help: "Its page."),
    ])

private let site = TemplateShape("the site", fields: [TemplateField("title", .text), TemplateField("language", .text)])

/// The names a role page offers.
private let page = TemplateType.object(
    TemplateShape(
        "a role page",
        fields: [
            TemplateField("title", .text),
            TemplateField("level", .text),
            TemplateField("siteTitle", .text),
            TemplateField("hasCanonical", .flag),
            TemplateField("duties", .list(.text)),
            TemplateField("roles", .list(.object(role))),
            TemplateField("site", .object(site)),
            TemplateField("extra", .any),
        ]))

/// The problems of template `main` among `templates`, rendered with a value of type `root`.
private func problems(_ templates: [String: String], main: String = "main", root: TemplateType = page) throws -> [TemplateNameProblem] {
    var parsed: [String: Template] = [:]
    for (name, text) in templates { parsed[name] = try Template(text) }
    return TemplateLibrary(parsed).checkNames(main, root: root)
}

private func problems(_ text: String, root: TemplateType = page) throws -> [TemplateNameProblem] {
    try problems(["main": text], root: root)
}

struct TemplateNameCheckTests {
    @Test func aMisspelledTopLevelNameIsReportedAtItsTagWithASuggestion() throws {
        let found = try problems("<h1>{{title}}</h1>\n<p>Level {{levle}}</p>\n")
        #expect(
            found == [
                TemplateNameProblem(
                    template: "main", line: 2, column: 10, name: "levle", message: "a role page has no value 'levle'", suggestion: "level")
            ])
        #expect(found.first?.messageWithSuggestion == "a role page has no value 'levle'; did you mean 'level'?")
    }

    @Test func aMisspelledNameInsideASectionIsReportedAtItsTag() throws {
        let found = try problems("{{#roles}}\n  <li>{{tilte}}</li>\n{{/roles}}\n")
        #expect(found.map(\.name) == ["tilte"])
        #expect(found.map(\.line) == [2])
        #expect(found.map(\.column) == [7])
        #expect(found.map(\.message) == ["a role has no value 'tilte'"])
        #expect(found.map(\.suggestion) == ["title"])
    }

    @Test func aNameInAListSectionResolvesAgainstTheItemThenFallsBackToTheRoot() throws {
        #expect(try problems("{{#roles}}{{url}} {{title}} {{siteTitle}} {{site.language}}{{/roles}}").isEmpty)
        #expect(try problems("{{url}}").map(\.message) == ["a role page has no value 'url'"])
    }

    @Test func dottedNamesAreLookedUpPartByPart() throws {
        let found = try problems("{{site.title}} {{site.titel}} {{title.length}} {{roles.title}} {{site.title.x}} {{sites.title}}")
        #expect(found.map(\.name) == ["site.titel", "title.length", "roles.title", "site.title.x", "sites.title"])
        #expect(
            found.map(\.message) == [
                "the site has no value 'titel'", "'title' is text and has no value 'length'", "'roles' is a list and has no value 'title'",
                "'site.title' is text and has no value 'x'", "a role page has no value 'sites'",
            ])
        #expect(found.map(\.suggestion) == ["title", nil, nil, nil, "site"])
    }

    @Test func aNameInAPartialIsReportedAtThePartialsOwnLine() throws {
        let found = try problems(["main": "<main>\n{{>card}}\n</main>\n", "card": "<div>\n\n  {{levle}}\n</div>\n"])
        #expect(found.map(\.template) == ["card"])
        #expect(found.map(\.line) == [3])
        #expect(found.map(\.column) == [3])
    }

    @Test func aPartialIsCheckedWhereItIsIncludedAndEachProblemIsReportedOnce() throws {
        let templates = ["main": "{{#roles}}{{>item}}{{/roles}}{{>item}}{{>item}}", "item": "{{title}} {{url}}"]
        let found = try problems(templates)
        #expect(found.map(\.template) == ["item"])
        #expect(found.map(\.message) == ["a role page has no value 'url'"])
    }

    @Test func aBlockOverrideIsCheckedWhereTheBlockSitsInTheParent() throws {
        let templates = [
            "base": "<ul>\n{{#roles}}\n{{$item}}{{title}}{{/item}}\n{{/roles}}\n</ul>\n",
            "main": "{{<base}}\n{{$item}}\n{{url}} {{levle}}\n{{/item}}\n{{/base}}\n",
        ]
        let found = try problems(templates)
        #expect(found.map(\.template) == ["main"])
        #expect(found.map(\.line) == [3])
        #expect(found.map(\.column) == [9])
        #expect(found.map(\.message) == ["a role has no value 'levle'"])
        #expect(found.map(\.suggestion) == ["level"])
    }

    @Test func anOverriddenDefaultIsNotChecked() throws {
        let templates = ["base": "{{$main}}{{nothing}}{{/main}}", "main": "{{<base}}{{$main}}{{title}}{{/main}}{{/base}}"]
        #expect(try problems(templates).isEmpty)
        #expect(try problems(templates, main: "base").map(\.name) == ["nothing"])
    }

    @Test func anyAcceptsEveryNameAndEverythingInside() throws {
        #expect(try problems("{{whatever}}{{#a.b}}{{c.d}}{{/a.b}}", root: .any).isEmpty)
        #expect(try problems("{{extra.a.b}}{{#extra}}{{anything}}{{/extra}}{{#roles}}{{#extra}}{{deep.name}}{{/extra}}{{/roles}}").isEmpty)
    }

    @Test func invertedSectionsPushNothingButTheirNameIsChecked() throws {
        let found = try problems("{{^roles}}{{url}}{{title}}{{/roles}}{{^rolez}}none{{/rolez}}")
        #expect(found.map(\.name) == ["url", "rolez"])
        #expect(found.map(\.message) == ["a role page has no value 'url'", "a role page has no value 'rolez'"])
    }

    @Test func theImplicitIteratorAndNamesOfLowerFramesAreNoFalseAlarms() throws {
        let template = """
            {{.}}{{#duties}}<li>{{.}} {{title}}</li>{{/duties}}
            {{#roles}}{{siteTitle}}{{#title}}{{level}} {{.}}{{/title}}{{#.}}{{url}}{{/.}}{{/roles}}
            {{#hasCanonical}}{{title}}{{/hasCanonical}}{{#site}}{{language}} {{siteTitle}}{{/site}}
            """
        #expect(try problems(template).isEmpty)
    }

    @Test func namesInsideAMisspelledSectionAreNotReportedToo() throws {
        #expect(try problems("{{#rolez}}{{title}}{{anything}}{{/rolez}}").map(\.name) == ["rolez"])
    }

    @Test func aValueWithoutNamesSaysThereIsNothingThere() throws {
        #expect(try problems("{{.}} {{title}}", root: .text).map(\.message) == ["there is no value 'title' here"])
    }

    @Test func aPartialThatIncludesItselfIsCheckedWithoutEnd() throws {
        let templates = ["main": "{{>node}}", "node": "{{title}}{{#roles}}{{>node}}{{>node}}{{levle}}{{/roles}}"]
        let found = try problems(templates)
        #expect(found.map(\.name) == ["levle"])
        #expect(found.map(\.template) == ["node"])
    }

    @Test func anOverrideHoldingItsOwnBlockIsCheckedWithoutEnd() throws {
        let templates = ["main": "{{<base}}{{$b}}{{levle}}{{$b}}{{/b}}{{/b}}{{/base}}", "base": "{{$b}}{{/b}}"]
        #expect(try problems(templates).map(\.name) == ["levle"])
    }

    @Test func missingTemplatesAreLeftToTheReferenceCheck() throws {
        #expect(try problems(["main": "{{>nowhere}}{{<gone}}{{/gone}}"]).isEmpty)
        #expect(try problems(["main": "x"], main: "nope").isEmpty)
    }

    @Test func suggestionsIgnoreCaseAndAcceptSwapsAndPrefixes() {
        let names = ["title", "level", "description", "url"]
        #expect(TemplateNameSuggestion.closest(to: "Title", in: names) == "title")
        #expect(TemplateNameSuggestion.closest(to: "levle", in: names) == "level")
        #expect(TemplateNameSuggestion.closest(to: "desc", in: names) == "description")
        #expect(TemplateNameSuggestion.closest(to: "summary", in: names) == nil)
        #expect(TemplateNameSuggestion.closest(to: "ur", in: names) == "url")
    }

    @Test func usedNamesListsEveryTagWithItsPlaceAndSections() throws {
        let library = TemplateLibrary([
            "main": try Template("{{<base}}{{$main}}\n{{#roles}}{{>card}}{{/roles}}\n{{/main}}{{/base}}"),
            "base": try Template("<title>{{siteTitle}}</title>\n{{$main}}{{/main}}{{^roles}}none{{/roles}}"),
            "card": try Template("{{title}}"),
        ])
        let uses = library.usedNames("main")
        #expect(uses.map(\.name) == ["siteTitle", "roles", "title", "roles"])
        #expect(uses.map(\.template) == ["base", "main", "card", "base"])
        #expect(uses.map(\.line) == [1, 2, 1, 2])
        #expect(uses.map(\.kind) == [.variable, .section, .variable, .invertedSection])
        #expect(uses.map(\.sections) == [[], [], ["roles"], []])
    }

    @Test(arguments: MustacheSpec.cases)
    func everySpecTemplateChecksCleanAgainstAnyValue(_ spec: MustacheSpec.Case) throws {
        #expect(try spec.library().checkNames(MustacheSpec.mainName, root: .any) == [])
    }
}
