import Testing

@testable import SitegenTemplates

/// A dictionary as a template object, for tests.
struct Fields: TemplateObject {
    var values: [String: TemplateValue]

    init(_ values: [String: TemplateValue]) { self.values = values }

    func value(for key: String) -> TemplateValue { values[key] ?? .none }
}

/// Renders `main` from the given templates with `data` as the root.
func render(_ templates: [String: String], _ data: [String: TemplateValue] = [:], main: String = "main") throws -> String {
    var parsed: [String: Template] = [:]
    for (name, text) in templates { parsed[name] = try Template(text) }
    let bytes = try TemplateLibrary(parsed).render(main, .object(Fields(data)))
    return String(decoding: bytes, as: UTF8.self)
}

func render(_ text: String, _ data: [String: TemplateValue] = [:]) throws -> String {
    try render(["main": text], data)
}

struct TemplateRenderingTests {
    @Test(arguments: [
        // Interpolation and escaping.
        ("Hello, {{name}}!", "Hello, Ada &amp; &lt;Bob&gt; &quot;x&quot; &#39;y&#39;!"),
        ("Hello, {{{name}}}!", "Hello, Ada & <Bob> \"x\" 'y'!"),
        ("Hello, {{& name }}!", "Hello, Ada & <Bob> \"x\" 'y'!"),
        ("[{{missing}}]", "[]"),
        ("{{flag}} {{count}}", "true 3"),
        ("{{person.name}}/{{person.missing}}/{{name.length}}", "Grace//"),
        // Sections.
        ("{{#flag}}yes{{/flag}}{{^flag}}no{{/flag}}", "yes"),
        ("{{#off}}yes{{/off}}{{^off}}no{{/off}}", "no"),
        ("{{#list}}[{{.}}]{{/list}}", "[a][b][c]"),
        ("{{#empty}}x{{/empty}}{{^empty}}none{{/empty}}", "none"),
        ("{{#blank}}x{{/blank}}{{^blank}}blank{{/blank}}", "blank"),
        ("{{#person}}{{name}} knows {{count}}{{/person}}", "Grace knows 3"),
        ("{{#people}}{{name}},{{/people}}", "Grace,Alan,"),
        ("{{#people}}{{#person}}{{name}}{{/person}}{{/people}}", "GraceGrace"),
        // Comments and set delimiters.
        ("a{{! a comment }}b", "ab"),
        ("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{count}}", "Ada &amp; &lt;Bob&gt; &quot;x&quot; &#39;y&#39; {{name}} 3"),
        // Content type.
        ("{{% CONTENT_TYPE: TEXT }}\n{{name}}", "Ada & <Bob> \"x\" 'y'"),
        // Escaping works on bytes: '<' before a combining mark is one Character but still escaped.
        ("{{combining}}", "&lt;\u{301}b"),
    ])
    func rendersTag(template: String, expected: String) throws {
        let person = TemplateValue.object(Fields(["name": .text("Grace")]))
        let data: [String: TemplateValue] = [
            "name": .text("Ada & <Bob> \"x\" 'y'"), "flag": .bool(true), "off": .bool(false), "count": 3.templateValue,
            "list": .list(["a", "b", "c"]), "empty": .items([]), "blank": .text(""), "person": person,
            "people": .items([person, .object(Fields(["name": .text("Alan")]))]), "combining": .text("<\u{301}b"),
        ]
        #expect(try render(template, data) == expected)
    }

    @Test func standaloneTagsRemoveTheirLine() throws {
        let template = "<ul>\n  {{#list}}\n  <li>{{.}}</li>\n  {{/list}}\n  {{! note }}\n</ul>\n"
        #expect(try render(template, ["list": .list(["a", "b"])]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func tagsSharingALineWithTextKeepIt() throws {
        #expect(try render(" {{#flag}}x{{/flag}} \n", ["flag": .bool(true)]) == " x \n")
        #expect(try render("a\r\n{{#flag}}\r\nb\r\n{{/flag}}\r\n", ["flag": .bool(true)]) == "a\r\nb\r\n")
    }

    @Test func standalonePartialIsIndentedLineByLineButNotItsData() throws {
        let templates = ["main": "<div>\n  {{>item}}\n</div>\n", "item": "<p>\n{{{data}}}\n</p>\n"]
        #expect(try render(templates, ["data": .text("x\ny")]) == "<div>\n  <p>\n  x\ny\n  </p>\n</div>\n")
    }

    @Test func nestedPartialIndentationAddsUp() throws {
        let templates = ["main": "  {{>outer}}\n", "outer": "o\n  {{>inner}}\n", "inner": "i1\ni2\n"]
        #expect(try render(templates) == "  o\n    i1\n    i2\n")
    }

    @Test func partialSeesTheCallersContext() throws {
        let templates = ["main": "{{#people}}{{>card}}{{/people}}", "card": "<{{name}}>"]
        let people = TemplateValue.items([.object(Fields(["name": .text("A")])), .object(Fields(["name": .text("B")]))])
        #expect(try render(templates, ["people": people]) == "<A><B>")
    }

    @Test func childOverridesBlocksOfItsParent() throws {
        let templates = [
            "main": "{{<base}}\n{{$title}}Child{{/title}}\n{{/base}}\n",
            "base": "<h1>{{$title}}Default{{/title}}</h1><p>{{$body}}Body{{/body}}</p>",
        ]
        #expect(try render(templates) == "<h1>Child</h1><p>Body</p>")
    }

    @Test func outermostOverrideWinsAcrossLevels() throws {
        let templates = [
            "main": "{{<middle}}{{$title}}Main{{/title}}{{/middle}}",
            "middle": "{{<base}}{{$title}}Middle{{/title}}{{$body}}From middle{{/body}}{{/base}}",
            "base": "{{$title}}Base{{/title}}|{{$body}}Base body{{/body}}",
        ]
        #expect(try render(templates) == "Main|From middle")
    }

    @Test func textInsideAParentIsIgnored() throws {
        let templates = [
            "main": "{{<base}}\nnotes {{! kept out }}\n{{$title}}Child{{/title}}\nmore notes\n{{/base}}\n",
            "base": "<h1>{{$title}}{{/title}}</h1>",
        ]
        #expect(try render(templates) == "<h1>Child</h1>")
    }

    @Test func aStandaloneBlockRendersItsDefaultAsWritten() throws {
        let templates = ["main": "<ul>\n  {{$items}}\n  <li>a</li>\n\n    {{>item}}\n  {{/items}}\n</ul>\n", "item": "<li>b</li>\n"]
        #expect(try render(templates) == "<ul>\n  <li>a</li>\n\n    <li>b</li>\n</ul>\n")
    }

    @Test func anOverrideIsReindentedToTheBlocksPlace() throws {
        let templates = [
            "main": "{{<base}}\n{{$main}}\n<p>\n  {{text}}\n</p>\n{{/main}}\n{{/base}}\n",
            "base": "<body>\n  <main>\n    {{$main}}{{/main}}\n  </main>\n</body>\n",
        ]
        #expect(try render(templates, ["text": .text("a\nb")]) == "<body>\n  <main>\n    <p>\n      a\nb\n    </p>\n\n  </main>\n</body>\n")
    }

    @Test func anEmptyBlockAloneOnItsLineKeepsTheLineBreak() throws {
        let templates = ["main": "{{<base}}{{/base}}", "base": "<head>\n  {{$head}}{{/head}}\n</head>\n"]
        #expect(try render(templates) == "<head>\n\n</head>\n")
    }

    @Test func indentationIsNotAddedToEmptyLines() throws {
        let templates = ["main": "<div>\n  {{>item}}\n</div>\n", "item": "<p>\n\n</p>\n"]
        #expect(try render(templates) == "<div>\n  <p>\n\n  </p>\n</div>\n")
    }

    @Test func includedTemplatesStartEscapingAgain() throws {
        let templates = ["main": "{{% CONTENT_TYPE: TEXT }}{{name}}{{>part}}{{name}}", "part": "{{name}}"]
        #expect(try render(templates, ["name": .text("<")]) == "<&lt;<")
    }

    @Test(arguments: [
        ("{{#a}}\nx\n", "section 'a' is opened but never closed", 1, 1),
        ("x\n  {{#a}}{{/b}}", "section 'a' is closed with '{{/b}}'", 2, 9),
        ("{{/a}}", "'{{/a}}' closes a section that was never opened", 1, 1),
        ("ok\nbad {{name", "a tag is not closed with '}}'", 2, 5),
        ("{{{name}}", "a tag is not closed with '}}}'", 1, 1),
        ("{{}}", "a tag has no name", 1, 1),
        ("{{upper(name)}}", "'upper(name)' is not a valid name: use letters, digits, '_', '-' and '.'", 1, 1),
        ("{{=<% %>}}", "invalid set-delimiter tag: write it like {{=<% %>=}}", 1, 1),
        ("{{% FANCY }}", "unknown pragma 'FANCY': only CONTENT_TYPE: HTML and CONTENT_TYPE: TEXT are supported", 1, 1),
        ("{{<base}}\ntext {{name}}\n{{/base}}", "only {{$block}} overrides and text (which is ignored) may appear inside '{{<base}}'", 2, 6),
    ])
    func reportsSyntaxErrorsWithPosition(template: String, message: String, line: Int, column: Int) {
        #expect(throws: TemplateSyntaxError(message: message, line: line, column: column)) { try Template(template) }
    }

    @Test func listsPartialAndParentReferencesWithPositions() throws {
        let template = try Template("a\n {{> header }}\n{{<base}}{{/base}}")
        #expect(template.references.map(\.name) == ["header", "base"])
        #expect(template.references.map(\.line) == [2, 3])
        #expect(template.references.map(\.column) == [2, 1])
        #expect(template.references.map(\.kind) == [.partial, .parent])
    }

    @Test func selfIncludingPartialStopsWithAnError() throws {
        let library = TemplateLibrary(["main": try Template("{{>main}}")])
        #expect(throws: TemplateRenderError.self) { try library.render("main", .none) }
    }

    @Test func anOverrideHoldingItsOwnBlockStopsWithAnError() throws {
        let library = TemplateLibrary(["main": try Template("{{<base}}{{$b}}x{{$b}}y{{/b}}{{/b}}{{/base}}"), "base": try Template("{{$b}}{{/b}}")])
        #expect(throws: TemplateRenderError.self) { try library.render("main", .none) }
    }

    @Test func missingTemplateIsAnError() throws {
        #expect(throws: TemplateRenderError(message: "no template named 'nope'")) { try TemplateLibrary([:]).render("nope", .none) }
    }

    /// 30 sections nested over a two-item list would render 2^30 times (minutes of CPU from
    /// 500 bytes of template); the step budget stops it with an error.
    @Test func sectionsNestedOverListsStopWithAnError() throws {
        let template = String(repeating: "{{#list}}", count: 30) + "x" + String(repeating: "{{/list}}", count: 30)
        var library = TemplateLibrary(["main": try Template(template)])
        #expect(library.maximumSteps == 10_000_000)
        library.maximumSteps = 100_000
        #expect(throws: TemplateRenderError(message: TemplateRenderer.tooMuchWork(library))) {
            try library.render("main", .object(Fields(["list": .items([.text("a"), .text("b")])])))
        }
    }

    @Test func aPageLargerThanTheOutputLimitStopsWithAnError() throws {
        let big = String(repeating: "x", count: 1 << 20)
        let template = String(repeating: "{{#list}}", count: 9) + big + String(repeating: "{{/list}}", count: 9)
        var library = TemplateLibrary(["main": try Template(template)])
        library.maximumOutput = 16 << 20
        #expect(throws: TemplateRenderError(message: TemplateRenderer.tooMuchWork(library))) {
            try library.render("main", .object(Fields(["list": .items([.text("a"), .text("b")])])))
        }
    }
}
