import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

@Suite struct DefaultThemeTests {
    /// The theme compiled into the binary is exactly Templates/ (run `make theme` after edits).
    @Test func builtInThemeMatchesTemplatesFolder() {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("Templates")
        let onDisk = snapshot(of: folder).filter { !$0.key.hasPrefix(".") && !$0.key.contains("/.") }
            .mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(onDisk.keys.sorted() == DefaultTheme.files.keys.sorted())
        for (path, text) in onDisk where DefaultTheme.files[path] != text {
            Issue.record("Templates/\(path) differs from the built-in copy; run `make theme`")
        }
    }

    @Test func aSiteWithoutTemplatesBuildsWithTheBuiltInTheme() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Templates").path))
        #expect(site.build().isEmpty)
        let css = FileManager.default.contents(atPath: site.output.appendingPathComponent("assets/site.css").path)
        #expect(css.map { Data(DefaultTheme.files["assets/site.css"]!.utf8) == $0 } == true)
    }

    @Test func aSiteTemplateOverridesOnlyItsOwnFile() throws {
        let site = try TestSite.make([
            "Templates/partials/footer.mustache": "<footer><p>Custom footer for {{siteTitle}}</p></footer>\n"
        ])
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let html = String(
            decoding: FileManager.default.contents(atPath: site.output.appendingPathComponent("roles/producer/index.html").path) ?? Data(), as: UTF8.self)
        #expect(html.contains("<footer><p>Custom footer for Test Site</p></footer>"))
        #expect(html.contains("<h1>Producer</h1>"))
    }

    @Test func literalTemplateIDsAreReservedFromHeadings() {
        let ids = Theme.literalIDs(in: #"<h2 id="skills">x</h2><h3 id="{{id}}">y</h3><main id="main">"#)
        #expect(ids == ["skills", "main"])
    }
}
