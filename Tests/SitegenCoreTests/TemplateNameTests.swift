import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// A name a layout uses that its pages cannot give is a located error before anything is
/// rendered, and `sitegen templates` lists what each layout can use.
@Suite struct TemplateNameTests {
    static func failure(_ site: TestSite) -> [String] {
        do {
            _ = try BuildPipeline(options: site.options()).run()
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aMisspelledNameInALayoutIsReportedAtItsTag() throws {
        let role = DefaultTheme.files["layouts/role.mustache"]!
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        try site.write("Templates/layouts/role.mustache", role + "{{#related}}<i>{{sumary}}</i>{{/related}}{{levle}}\n")
        let line = role.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(
            Self.failure(site) == [
                "Templates/layouts/role.mustache:\(line):16: error: the role card has no value 'sumary'; did you mean 'summary'?",
                "Templates/layouts/role.mustache:\(line):42: error: the role page has no value 'levle'",
            ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "nothing was written")
    }

    @Test func aNameInAPartialEveryLayoutIncludesIsReportedOnce() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        try site.write("Templates/partials/footer.mustache", "<footer>{{siteTitel}}</footer>\n")
        let failure = Self.failure(site)
        #expect(failure.count == 1)
        #expect(failure.first?.hasPrefix("Templates/partials/footer.mustache:1:9: error: none of the") == true)
        #expect(failure.first?.hasSuffix("layouts that include this template gives it a value 'siteTitel'; did you mean 'siteTitle'?") == true)
    }

    @Test func theBuiltInThemeUsesOnlyNamesItsPagesGive() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let (specs, context) = try Self.plan(site)
        #expect(BuildPipeline.unknownNames(specs, context: context).isEmpty)
    }

    @Test func theReferenceListsEveryNameWithItsTypeAndHelp() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let reference = try BuildPipeline(options: site.options()).templateReference(layout: "role")
        #expect(reference.hasPrefix("role ((built-in theme)/layouts/role.mustache): the role page\n"))
        #expect(reference.contains("  related          list of role card — Related roles, as cards\n"))
        #expect(reference.contains("    summary        text — The role's one-sentence summary\n"))
        #expect(throws: BuildFailure.self) { try BuildPipeline(options: site.options()).templateReference(layout: "nope") }
    }

    static func plan(_ site: TestSite) throws -> ([PageSpec], RenderContext) {
        var steps = BuildPipeline.Steps(progress: nil)
        let plan = try BuildPipeline(options: site.options()).prepare(&steps)
        return (plan.specs, plan.context)
    }
}

/// One run reports the problems of the content and of the templates together.
@Suite struct AllProblemsAtOnceTests {
    @Test func contentAndTemplateErrorsComeInOneRun() throws {
        let site = try TestSite.make([
            "Content/roles/broken.md": "---\ntitle: [unclosed\n---\n",
            "Templates/partials/footer.mustache": "<footer>{{#open}}</footer>\n",
        ])
        defer { site.remove() }
        let messages = site.build().map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/roles/broken.md:") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("Templates/partials/footer.mustache:1:") }, "\(messages)")
    }
}
