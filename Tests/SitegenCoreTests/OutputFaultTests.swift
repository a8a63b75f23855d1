import Foundation
import Testing

@testable import SitegenCache
@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A full disk, a file system that cannot exchange folders, and an output or cache that is not
/// what the last build left: the output is always one whole site, and the next build gives a
/// clean build's bytes.
@Suite struct OutputFaultTests {
    static let beta = IncrementalBuildTests.beta
    static let config = IncrementalBuildTests.config

    /// The edits that make an incremental build change every page, or one page.
    enum Change: String, CaseIterable, Sendable {
        case everyPage, onePage, fullBuild

        func apply(to site: TestSite) throws {
            switch self {
            case .everyPage: try site.write("sitegen.yml", config.replacingOccurrences(of: "title: Fixture Handbook", with: "title: Renamed Handbook"))
            case .onePage: try site.write("Content/roles/alpha.md", IncrementalBuildTests.alpha + "\nOne more sentence.\n")
            case .fullBuild: try site.write("Content/roles/beta.md", beta.replacingOccurrences(of: "title: Beta", with: "title: Bravo"))
            }
        }
    }

    /// The files beside and inside the output that are not the site: staging folders, temporaries
    /// (the spare site beside the output is the cache's, not a leftover).
    static func leftovers(_ site: TestSite) -> [String] {
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: site.root.path)) ?? []
        let inside = snapshot(of: site.output).keys.filter { $0.contains(".sitegen-") && $0 != OutputWriter.markerName }
        let spare = SpareSite.folder(of: site.output).lastPathComponent
        return beside.filter { $0.hasPrefix(".Output.sitegen-") && $0 != spare } + inside
    }

    /// The site a clean build makes now.
    static func cleanBuild(_ site: TestSite) throws -> [String: Data] {
        var clean = site.options(output: site.root.appendingPathComponent("clean"))
        clean.useCache = false
        _ = try BuildPipeline(options: clean).run()
        defer { try? FileManager.default.removeItem(at: site.root.appendingPathComponent("clean")) }
        return snapshot(of: site.root.appendingPathComponent("clean"))
    }

    /// A site built once (and again, so it has a spare site), with `change` applied.
    static func changedSite(_ change: Change) throws -> TestSite {
        let site = try TestSite.copy(fixture: "Sites/basic")
        #expect(site.build().isEmpty)
        try Change.onePage.apply(to: site)
        #expect(site.build().isEmpty)
        try site.write("Content/roles/alpha.md", IncrementalBuildTests.alpha)
        try change.apply(to: site)
        return site
    }

    /// When the disk fills, as a share of the writes (files written, linked or removed in the
    /// staging folder, then the marker) the build makes: 0 is the first write, 1 the marker.
    static let failingWrites = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1]

    @Test(arguments: Change.allCases, failingWrites)
    func aFullDiskLeavesTheOutputAsItWasAndTheNextBuildIsClean(change: Change, failingWrite: Double) throws {
        // A twin of the site counts the build's writes.
        let twin = try Self.changedSite(change)
        defer { twin.remove() }
        var counting = twin.options()
        counting.faults = OutputFaults()
        if change == .fullBuild { counting.useCache = false }
        _ = try BuildPipeline(options: counting).run()
        let writes = try #require(counting.faults?.writes)
        #expect(writes >= (change == .onePage ? 2 : 20), "\(writes) writes")

        let site = try Self.changedSite(change)
        defer { site.remove() }
        let before = snapshot(of: site.root.appendingPathComponent("Output"))
        var options = site.options()
        options.faults = OutputFaults(failingWrite: Int((Double(writes - 1) * failingWrite).rounded(.down)))
        if change == .fullBuild { options.useCache = false }
        #expect(throws: BuildFailure.self) { try BuildPipeline(options: options).run() }
        #expect(snapshot(of: site.output) == before)
        #expect(Self.leftovers(site).isEmpty)
        #expect(site.build().isEmpty)
        #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
        // The next build again (from the spare site the failed build left).
        try Change.onePage.apply(to: site)
        #expect(site.build().isEmpty)
        #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
    }

    @Test(arguments: [EXDEV, EINVAL, ENOSYS])
    func aFileSystemThatCannotExchangeFoldersIsRefusedWithTheOutputKept(error: Int32) throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let before = snapshot(of: site.output)
        try Change.everyPage.apply(to: site)
        var options = site.options()
        options.faults = OutputFaults(exchangeError: error)
        do {
            _ = try BuildPipeline(options: options).run()
            Issue.record("the build succeeded")
        } catch {
            let message = error.diagnostics.map(\.message).joined()
            #expect(message.contains("cannot exchange two folders in one step"), "\(message)")
            #expect(message.contains("left exactly as the last build left it"), "\(message)")
        }
        #expect(snapshot(of: site.output) == before)
        #expect(Self.leftovers(site).isEmpty)
        #expect(site.build().isEmpty)
        #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
    }

    @Test func aSymlinkInsideTheOutputIsNeverFollowed() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let elsewhere = site.root.appendingPathComponent("elsewhere")
        try FileManager.default.copyItem(at: site.output.appendingPathComponent("skills"), to: elsewhere)
        let outside = snapshot(of: elsewhere)
        try FileManager.default.removeItem(at: site.output.appendingPathComponent("skills"))
        try FileManager.default.createSymbolicLink(at: site.output.appendingPathComponent("skills"), withDestinationURL: elsewhere)
        // The first build replaces the link; the next ones start from the spare site, the
        // output the link was planted in.
        for change in [Change.everyPage, .onePage, .everyPage] {
            try change.apply(to: site)
            #expect(site.build().isEmpty)
            #expect(snapshot(of: elsewhere) == outside, "nothing written outside the output")
            let link = try? FileManager.default.destinationOfSymbolicLink(atPath: site.output.appendingPathComponent("skills").path)
            #expect(link == nil, "the link was replaced by a real folder")
            #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
        }
    }

    @Test func aBuildFromTheSpareSiteWritesOnlyWhatChanged() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        #expect(site.build().isEmpty)
        let files = snapshot(of: site.output).count
        var options = site.options()
        options.faults = OutputFaults()
        _ = try BuildPipeline(options: options).run()
        #expect(options.faults?.writes == 1, "only the marker, of \(files) files")
        try Change.onePage.apply(to: site)
        options.faults = OutputFaults()
        _ = try BuildPipeline(options: options).run()
        // The spare holds the site before the last build, which changed nothing: the page, the
        // search's terms (the manifest, one chunk and one word list in this small site) and
        // the marker.
        let terms = snapshot(of: site.output).keys.filter { $0.hasPrefix("search/t") || $0.hasPrefix("search/w") || $0 == "search/search-terms.js" }
        #expect(terms.count == 3)
        #expect(options.faults?.writes == 2 + terms.count, "the page, the search's terms and the marker")
        #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
    }

    @Test func filesAddedToTheOutputByHandDoNotComeBackFromTheSpareSite() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        #expect(site.build().isEmpty)
        for path in ["CNAME", "roles/beta/notes.txt", "skills/extra/index.html"] {
            let url = site.output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("by hand".utf8).write(to: url)
        }
        for change in [Change.onePage, .everyPage, .onePage] {
            try change.apply(to: site)
            #expect(site.build().isEmpty)
            #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
        }
    }

    /// The look at the spare taken while a build loads (`SpareCheck`) finds what looking at each
    /// file by its path finds: a file edited in place, a folder replaced by a link (nothing
    /// below it counts), and the folders changed since the spare's build.
    @Test func theSpareCheckSeesWhatLookingAtEachPathSees() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        // One page changed: the spare's other files are the output's (hard links).
        try Change.onePage.apply(to: site)
        #expect(site.build().isEmpty)
        var spareSite = try #require(PageCache(siteRoot: site.root, output: site.output, checkLinks: true).spare)
        let folder = SpareSite.folder(of: site.output)
        var bytes = try Data(contentsOf: folder.appendingPathComponent("roles/beta/index.html"))
        bytes[bytes.count / 2] = UInt8(ascii: "X")
        try bytes.write(to: folder.appendingPathComponent("roles/beta/index.html"))
        try Data("by hand".utf8).write(to: folder.appendingPathComponent("roles/alpha/notes.txt"))
        let skills = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("skills").path).first)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("skills/\(skills)"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("skills/\(skills)").path, withDestinationPath: site.root.path)
        // Two folders whose names are as long, the second a link to the first: its file is
        // there through the link, but not below a real folder.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("roles/zeta-a"), withIntermediateDirectories: false)
        try Data("a".utf8).write(to: folder.appendingPathComponent("roles/zeta-a/index.html"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("roles/zeta-b").path, withDestinationPath: "zeta-a")
        spareSite.paths = (spareSite.paths + ["roles/zeta-a/index.html", "roles/zeta-b/index.html"]).sorted()

        let found = try #require(SpareCheck.start(spareSite, in: folder)?.wait())
        // Each path looked at component by component, without following links.
        let expected = spareSite.paths.map { path -> FileStamp? in
            var status = stat()
            let parts = path.split(separator: "/")
            for end in parts.indices.dropLast() {
                let prefix = folder.path + "/" + parts[...end].joined(separator: "/")
                guard lstat(prefix, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
            }
            guard lstat(folder.path + "/" + path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            return FileStamp(status)
        }
        #expect(found.stamps == expected)
        #expect(expected.contains(nil), "the linked folder's files are not found")
        #expect(found.stamps[try #require(spareSite.paths.firstIndex(of: "roles/zeta-a/index.html"))] != nil)
        #expect(found.stamps[try #require(spareSite.paths.firstIndex(of: "roles/zeta-b/index.html"))] == nil)
        let recorded = PageCache(siteRoot: site.root, output: site.output, checkLinks: true)
        let beta = try #require(recorded.paths.firstIndex(of: "roles/beta/index.html"))
        #expect(found.stamps[try #require(spareSite.paths.firstIndex(of: "roles/beta/index.html"))] != recorded.entries?[beta].stamp)
        #expect(Set(found.modified).isSuperset(of: ["roles/alpha", "skills"]))
        #expect(!found.modified.contains("roles/gamma"))
        // And the next build repairs all of it.
        try Change.everyPage.apply(to: site)
        #expect(site.build().isEmpty)
        #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
    }

    /// The manifest's records are matched with a plan by one merge of the two path orders.
    @Test func theManifestIsMatchedWithAPlanByPath() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let manifest = PageCache(siteRoot: site.root, output: site.output, checkLinks: true)
        let paths = manifest.paths
        let entries = try #require(manifest.entries)
        let linkable = try #require(paths.indices.first { !entries[$0].mayVanish })
        // Every recorded file planned (in another order, one twice, a new one): all matched.
        let plan = ["new/index.html"] + paths.reversed() + [paths[linkable]]
        let all = try #require(manifest.entries(of: plan, order: PathOrder(plan)))
        #expect(!all.lostLinkTarget)
        #expect(all.entries[0] == nil)
        for (index, path) in plan.enumerated().dropFirst() {
            #expect(all.entries[index]?.stamp == entries[paths.firstIndex(of: path)!].stamp, "\(path)")
        }
        // A page a link may point at is no longer planned: lost. A file only scripts load: not.
        for (dropped, lost) in [(linkable, true)] + (paths.indices.first { entries[$0].mayVanish }.map { [($0, false)] } ?? []) {
            let fewer = paths.enumerated().filter { $0.offset != dropped }.map(\.element)
            #expect(manifest.entries(of: fewer, order: PathOrder(fewer))?.lostLinkTarget == lost, "\(paths[dropped])")
        }
        let last = [paths.last!]
        #expect(manifest.entries(of: last, order: PathOrder(last))?.lostLinkTarget == true)
    }

    @Test func aHandEditedPageIsRepaired() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let page = site.output.appendingPathComponent("roles/beta/index.html")
        var bytes = try Data(contentsOf: page)
        bytes[bytes.count / 2] = UInt8(ascii: "X")
        try bytes.write(to: page)
        #expect(site.build().isEmpty)
        #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
    }

    @Test func aRestoredOlderOutputIsRebuiltToTheCurrentSite() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let backup = site.root.appendingPathComponent("backup")
        try FileManager.default.copyItem(at: site.output, to: backup)
        try Change.everyPage.apply(to: site)
        #expect(site.build().isEmpty)
        try FileManager.default.removeItem(at: site.output)
        for (path, bytes) in snapshot(of: backup) {
            let url = site.output.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: url)
        }
        #expect(site.build().isEmpty)
        #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
    }

    @Test func aRestoredOlderCacheIsNotTrusted() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let cache = site.root.appendingPathComponent(".sitegen-cache")
        let saved = site.root.appendingPathComponent("saved-cache")
        try FileManager.default.copyItem(at: cache, to: saved)
        try Change.everyPage.apply(to: site)
        #expect(site.build().isEmpty)
        try FileManager.default.removeItem(at: cache)
        try FileManager.default.copyItem(at: saved, to: cache)
        #expect(site.build().isEmpty)
        #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
    }

    @Test(arguments: [0.5, 0.9, 0.99])
    func aTruncatedManifestIsNotTrusted(keep: Double) throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let folder = CacheFolder(siteRoot: site.root).url
        let manifest = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("pages-") })
        let url = folder.appendingPathComponent(manifest)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(Int(Double(bytes.count) * keep)).write(to: url)
        // Files the cut-off entries described are changed behind the manifest's back.
        for path in snapshot(of: site.output).keys where path.hasPrefix("search/") || path.hasSuffix("sitemap.xml") {
            try Data("stale".utf8).write(to: site.output.appendingPathComponent(path))
        }
        #expect(site.build().isEmpty)
        #expect(snapshot(of: site.output) == (try Self.cleanBuild(site)))
    }
}
