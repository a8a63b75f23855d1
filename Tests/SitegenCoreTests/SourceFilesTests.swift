import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

#if canImport(Glibc)
    import Glibc
#endif

/// What the build reads: regular files only, never with an open that can wait; symbolic links
/// only to files inside the site folder; no editor leftovers; names that can be URLs.
@Suite struct SourceFilesTests {
    /// Loads the site on another thread; fails the test instead of hanging when it does not
    /// finish within `seconds`.
    static func load(_ site: TestSite, within seconds: Double = 20) -> (LoadedContent?, [Diagnostic])? {
        let finished = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (LoadedContent?, [Diagnostic])?
        Thread {
            result = ContentLoader(root: site.root, displayPrefix: "").load(includeDrafts: false)
            finished.signal()
        }.start()
        guard finished.wait(timeout: .now() + seconds) == .success else {
            Issue.record("loading did not finish in \(seconds) s")
            return nil
        }
        return result
    }

    static func messages(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.description) }

    @Test func aFIFONamedSitegenYmlIsALocatedErrorNotAHang() throws {
        let site = try TestSite.make(["sitegen.yml": nil])
        defer { site.remove() }
        #expect(mkfifo(site.root.appendingPathComponent("sitegen.yml").path, 0o644) == 0)
        let (content, diagnostics) = try #require(Self.load(site))
        #expect(content == nil)
        #expect(Self.messages(diagnostics) == ["sitegen.yml: error: \(ContentLoader.notRegular("a FIFO"))"])
        #expect(diagnostics.containsEnvironmentErrors)
    }

    @Test func aFIFORoleFileIsReportedNotSkipped() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(mkfifo(site.root.appendingPathComponent("Content/roles/director.md").path, 0o644) == 0)
        let (_, diagnostics) = try #require(Self.load(site))
        #expect(Self.messages(diagnostics) == ["Content/roles/director.md: error: \(ContentLoader.notRegular("a FIFO"))"])
    }

    @Test func aFIFOInTemplatesIsReported() throws {
        let site = try TestSite.make(["Templates/partials/footer.mustache": "<footer></footer>\n"])
        defer { site.remove() }
        #expect(mkfifo(site.root.appendingPathComponent("Templates/partials/extra.mustache").path, 0o644) == 0)
        let diagnostics = site.build()
        #expect(Self.messages(diagnostics) == ["Templates/partials/extra.mustache: error: \(ContentLoader.notRegular("a FIFO"))"])
    }

    @Test func aSymlinkInsideTheSiteIsFollowedAndOneLeavingItIsAnError() throws {
        let outside = try TestSite.make()
        defer { outside.remove() }
        let site = try TestSite.make(["Shared/director.md": "---\ntitle: Director\nsummary: Directs.\nduties: [a, b, c]\n---\nBody.\n"])
        defer { site.remove() }
        let roles = site.root.appendingPathComponent("Content/roles")
        try FileManager.default.createSymbolicLink(atPath: roles.appendingPathComponent("director.md").path, withDestinationPath: "../../Shared/director.md")
        try FileManager.default.createSymbolicLink(
            atPath: roles.appendingPathComponent("stolen.md").path, withDestinationPath: outside.root.appendingPathComponent("Content/roles/producer.md").path)
        try FileManager.default.createSymbolicLink(atPath: roles.appendingPathComponent("gone.md").path, withDestinationPath: "nothing-here.md")
        let (content, diagnostics) = try #require(Self.load(site))
        #expect(
            Self.messages(diagnostics) == [
                "Content/roles/gone.md: error: \(ContentLoader.danglingLink)", "Content/roles/stolen.md: error: \(ContentLoader.leavesSite)",
            ])
        #expect(content?.roles.map(\.slug).sorted() == ["director", "line-producer", "producer"])
        #expect(!diagnostics.containsEnvironmentErrors, "a link leaving the site is a problem of the site (exit 1)")
    }

    @Test func aContentFolderLinkedFromOutsideIsAnError() throws {
        let outside = try TestSite.make()
        defer { outside.remove() }
        let site = try TestSite.make(["Content/roles/producer.md": nil, "Content/roles/line-producer.md": nil])
        defer { site.remove() }
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("Content"))
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("Content").path, withDestinationPath: outside.root.appendingPathComponent("Content").path)
        let (_, diagnostics) = try #require(Self.load(site))
        #expect(Self.messages(diagnostics) == ["Content: error: \(ContentLoader.leavesSite)"])
    }

    @Test func aConfigLinkedFromOutsideIsAnError() throws {
        let outside = try TestSite.make()
        defer { outside.remove() }
        let site = try TestSite.make(["sitegen.yml": nil])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(
            atPath: site.root.appendingPathComponent("sitegen.yml").path, withDestinationPath: outside.root.appendingPathComponent("sitegen.yml").path)
        let (_, diagnostics) = try #require(Self.load(site))
        #expect(Self.messages(diagnostics) == ["sitegen.yml: error: \(ContentLoader.leavesSite)"])
    }

    @Test func anUnreadableFileGivesTheSystemsReason() {
        let diagnostic = ContentLoader.ReadFailure.system(EACCES).diagnostic(at: "Content/roles/x.md")
        #expect(diagnostic.description == "Content/roles/x.md: error: cannot read file: Permission denied")
        #expect(diagnostic.isEnvironmental)
        #expect(ContentLoader.read("/nonexistent/x.md") == .failure(.system(ENOENT)))
    }

    @Test func editorLeftoversAreNotSources() throws {
        let leftovers = [
            "Content/roles/producer.md~", "Content/#about.md#", "Content/.#about.md", "Content/roles/.producer.md.swp", "Content/roles/director.md.swp",
            "Content/roles/director.md.tmp", "Content/roles/director.md.tmp~", "Content/notes.md.part", "Content/.DS_Store", "Content/4913",
        ]
        let site = try TestSite.make(Dictionary(uniqueKeysWithValues: leftovers.map { ($0, "---\ntitle: [broken\n") }))
        defer { site.remove() }
        #expect(ContentLoader.listFiles(under: site.root.appendingPathComponent("Content")) == ["roles/line-producer.md", "roles/producer.md"])
        #expect(site.build() == [])
        let published = ContentLoader.listFiles(under: site.output)
        #expect(!published.contains { $0.contains("~") || $0.contains("#") || $0.contains(".swp") || $0.contains(".tmp") })
    }

    @Test func aFileThatVanishesBeforeItIsReadIsNoSource() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let loader = ContentLoader(root: site.root, displayPrefix: "")
        let listing = ContentLoader.listing(under: site.root.appendingPathComponent("Content"), siteRoot: site.root, shownAs: "Content")
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("Content/roles/line-producer.md"))
        #expect(listing.paths.contains("roles/line-producer.md"))
        let (content, diagnostics) = loader.load(includeDrafts: false)
        #expect(!diagnostics.containsErrors || diagnostics.allSatisfy { !$0.message.contains("not found") })
        #expect(content?.roles.map(\.slug) == ["producer"])
    }

    @Test(arguments: [
        ("Content/ab\nout.md", "Content/ab\\nout.md: error: \(ContentLoader.notAPageName("ab\nout.md", "ab-out.md"))"),
        ("Content/About Us.md", "Content/About Us.md: error: \(ContentLoader.notAPageName("About Us.md", "about-us.md"))"),
        ("Content/Guides/first.md", "Content/Guides: error: \(ContentLoader.notAPageName("Guides", "guides"))"),
        ("Content/images/My Photo.png", "Content/images/My Photo.png: error: \(ContentLoader.notAURLName("My Photo.png", "My-Photo.png"))"),
        ("Content/images/a\tb.png", "Content/images/a\\tb.png: error: \(ContentLoader.notAURLName("a\tb.png", "a-b.png"))"),
    ])
    func aFileNameThatCannotBeAURLIsALocatedError(path: String, expected: String) throws {
        let site = try TestSite.make([path: "---\ntitle: X\n---\n"])
        defer { site.remove() }
        let diagnostics = site.build()
        #expect(Self.messages(diagnostics) == [expected])
        #expect(diagnostics.allSatisfy { !$0.description.contains("\n") && !$0.description.contains("\t") }, "one problem, one line")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("sitemap.xml").path))
    }

    @Test func aThemeAssetNameThatCannotBeAURLIsALocatedError() throws {
        let site = try TestSite.make(["Templates/assets/My Logo.svg": "<svg/>"])
        defer { site.remove() }
        #expect(Self.messages(site.build()) == ["Templates/assets/My Logo.svg: error: \(ContentLoader.notAURLName("My Logo.svg", "My-Logo.svg"))"])
    }

    @Test func namesThatAreURLsAsTheyAreBuild() throws {
        let site = try TestSite.make([
            "Content/guides/first-steps.md": "---\ntitle: First steps\n---\nHi.\n", "Content/images/Set_01.v2~x.png": "png",
        ])
        defer { site.remove() }
        #expect(site.build() == [])
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("images/Set_01.v2~x.png").path))
    }
}
