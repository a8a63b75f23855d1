import Testing

@testable import SitegenTemplates

/// Runs every case of the vendored mustache/spec files through the engine.
struct MustacheSpecTests {
    @Test func everyVendoredFileHasAllItsCases() {
        let counts = Dictionary(grouping: MustacheSpec.cases, by: \.file).mapValues(\.count)
        #expect(
            counts == [
                "comments": 12, "delimiters": 14, "interpolation": 42, "inverted": 22, "partials": 12, "sections": 34, "~inheritance": 27,
            ])
    }

    @Test(arguments: MustacheSpec.cases)
    func rendersAsTheSpecExpects(_ spec: MustacheSpec.Case) throws {
        let library = try spec.library()
        if MustacheSpec.missingPartialCases.contains(spec.id) {
            #expect(throws: TemplateRenderError.self) { try library.render(MustacheSpec.mainName, spec.data.templateValue) }
            return
        }
        let output = String(decoding: try library.render(MustacheSpec.mainName, spec.data.templateValue), as: UTF8.self)
        #expect(output == spec.expected)
    }
}
