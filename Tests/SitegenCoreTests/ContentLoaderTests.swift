import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// Listing and reading the files of a site folder.
@Suite struct ContentLoaderTests {
    @Test func listsRegularFilesSortedWithoutDotfilesFollowingLinksInsideTheSite() throws {
        let site = try TestSite.make([
            "Content/b.md": "---\ntitle: B\n---\n",
            "Content/a/z.png": "png",
            "Content/a/deeper/y.md": "---\ntitle: Y\n---\n",
            "Content/.hidden.md": "x",
            "Content/.drafts/x.md": "x",
        ])
        defer { site.remove() }
        let content = site.root.appendingPathComponent("Content")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("link.md").path, withDestinationPath: "b.md")
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("linked").path, withDestinationPath: "a")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(
            ContentLoader.listFiles(under: content) == [
                "a/deeper/y.md", "a/z.png", "b.md", "link.md", "linked/deeper/y.md", "linked/z.png", "roles/line-producer.md", "roles/producer.md",
            ])
        // A link to a folder that holds it is reported, and does not make the walk go round.
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("a/up").path, withDestinationPath: "..")
        let listing = ContentLoader.listing(under: content, siteRoot: site.root, shownAs: "Content")
        #expect(
            listing.problems.map(\.description).sorted() == [
                "Content/a/up: error: \(ContentLoader.linkLoop)", "Content/linked/up: error: \(ContentLoader.linkLoop)",
            ])
        #expect(ContentLoader.listFiles(under: content.appendingPathComponent("missing")) == [])
    }

    @Test func aByteOrderMarkIsDroppedAndInvalidUTF8IsReported() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let roles = site.root.appendingPathComponent("Content/roles")
        try Data([0xEF, 0xBB, 0xBF] + Array("---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\n---\nBody.\n".utf8))
            .write(to: roles.appendingPathComponent("producer.md"))
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0x0A]).write(to: roles.appendingPathComponent("broken.md"))
        let (content, diagnostics) = ContentLoader(root: site.root, displayPrefix: "").load(includeDrafts: false)
        #expect(diagnostics.map(\.description) == ["Content/roles/broken.md: error: file is not valid UTF-8 text"])
        #expect(content?.roles.first { $0.slug == "producer" }?.body == "Body.\n")
        #expect(content?.unavailableRoleSlugs == ["broken"])
    }

    @Test func aMissingConfigurationIsReported() throws {
        let site = try TestSite.make(["sitegen.yml": nil])
        defer { site.remove() }
        let (content, diagnostics) = ContentLoader(root: site.root, displayPrefix: "site/").load(includeDrafts: false)
        #expect(content == nil)
        #expect(diagnostics.map(\.description) == ["site/sitegen.yml: error: file not found"])
    }

    @Test func aFileLargerThanItsFirstReadIsReadWhole() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let text = String(repeating: "é-line\n", count: 50_000)
        let url = site.root.appendingPathComponent("big.txt")
        try Data(text.utf8).write(to: url)
        #expect(ContentLoader.contents(atPath: url.path) == Array(text.utf8))
        #expect(ContentLoader.contents(atPath: site.root.path) == nil, "a folder cannot be read")
        #expect(ContentLoader.contents(atPath: url.path + ".missing") == nil)
    }
}
