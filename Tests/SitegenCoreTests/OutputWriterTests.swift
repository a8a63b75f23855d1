import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The output folder is replaced atomically, only when it is sitegen's own, and the same
/// input always gives the same bytes.
@Suite struct OutputWriterTests {
    @Test func aBuildThatFailsLateLeavesOutputByteIdentical() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let before = snapshot(of: site.output)
        // Fails at the link-check step, after every page was rendered.
        try site.write("Content/roles/producer.md", "---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\n---\n[x](nowhere.md)\n")
        let diagnostics = site.build()
        #expect(diagnostics.map(\.message).contains { $0.hasPrefix("broken link '../nowhere/'") })
        #expect(snapshot(of: site.output) == before)
    }

    @Test func linksToElementsOfOtherPagesAreCheckedAfterStreaming() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        // Pages go to the staging folder as they are rendered; a link to an element of another
        // page is checked against that page read back once every page is written.
        try site.write("Content/roles/producer.md", "---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\n---\n[x](line-producer.md#key-duties)\n")
        #expect(site.build().isEmpty)
        let before = snapshot(of: site.output)
        try site.write("Content/roles/producer.md", "---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\n---\n\n[x](line-producer.md#nope)\n")
        let messages = site.build().map(\.description)
        #expect(
            messages.contains {
                $0.contains("producer.md:7:1: error: broken link '../line-producer/#nope': 'roles/line-producer/index.html' has no element with id 'nope'")
            })
        #expect(snapshot(of: site.output) == before)
    }

    @Test func stalePagesDisappearAfterRebuild() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build().isEmpty)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("roles/line-producer/index.html").path))
        try site.write("Content/roles/line-producer.md", nil)
        try site.write("Content/roles/producer.md", "---\ntitle: Producer\nsummary: S.\nduties: [a, b, c]\n---\n")
        #expect(site.build().isEmpty)
        let files = snapshot(of: site.output).keys
        #expect(!files.contains("roles/line-producer/index.html"))
        #expect(!files.contains { $0.hasPrefix("compare/line-producer-vs-producer") || $0.hasPrefix("compare/producer-vs-line-producer") })
        #expect(!files.contains("skills/scheduling/index.html"))
    }

    @Test func aForeignFolderIsRefusedAndKept() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: site.output.appendingPathComponent("notes.txt"))
        let diagnostics = site.build()
        #expect(diagnostics.first?.message.contains("was not made by sitegen") == true)
        #expect(snapshot(of: site.output) == ["notes.txt": Data("precious".utf8)])
    }

    @Test func aPlaceholderFolderIsAcceptedAndItsPlaceholderKept() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data().write(to: site.output.appendingPathComponent(".gitkeep"))
        #expect(site.build().isEmpty)
        let files = snapshot(of: site.output).keys
        #expect(files.contains(".gitkeep"))
        #expect(files.contains(OutputWriter.markerName))
    }

    @Test(arguments: ["/", "~", ".", "Content", "Content/roles", "Templates/out", ".."])
    func dangerousDestinationsAreRefused(_ destination: String) throws {
        let site = try TestSite.make(["Templates/assets/x.css": "a{}"])
        defer { site.remove() }
        let url: URL
        switch destination {
        case "/": url = URL(fileURLWithPath: "/")
        case "~": url = FileManager.default.homeDirectoryForCurrentUser
        default: url = site.root.appendingPathComponent(destination)
        }
        let before = snapshot(of: site.root)
        let diagnostics = site.build(output: url)
        #expect(diagnostics.first?.message.hasPrefix("refusing") == true, "\(diagnostics)")
        #expect(snapshot(of: site.root) == before)
    }

    @Test func twoBuildsGiveIdenticalBytes() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let first = site.root.appendingPathComponent("out-1")
        let second = site.root.appendingPathComponent("out-2")
        #expect(site.build(output: first).isEmpty)
        #expect(site.build(output: second).isEmpty)
        #expect(snapshot(of: first) == snapshot(of: second))
        #expect(snapshot(of: first).count > 15)
    }

    @Test func unchangedFilesKeepTheirModificationTime() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let page = site.output.appendingPathComponent("roles/line-producer/index.html").path
        let changed = site.output.appendingPathComponent("roles/producer/index.html").path
        let old = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: page)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: changed)
        try site.write(
            "Content/roles/producer.md",
            "---\ntitle: Producer\nsummary: Changed.\nduties: [a, b, c]\ncompare_with: [line-producer]\nskills: [Budgeting, Leadership]\n---\n")
        #expect(site.build().isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: page)
        #expect(attributes[.modificationDate] as? Date == old)
        let changedAttributes = try FileManager.default.attributesOfItem(atPath: changed)
        #expect(changedAttributes[.modificationDate] as? Date != old)
    }
}
