import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// Builds the fixture site with the built-in theme and compares every output file with
/// `Tests/Fixtures/Sites/<name>/Expected`. Regenerate deliberately with
/// `SITEGEN_UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests`.
@Suite struct GoldenSiteTests {
    @Test(arguments: ["basic", "pflege", "library"])
    func outputMatchesTheGoldenFiles(site name: String) throws {
        let site = try TestSite.copy(fixture: "Sites/\(name)")
        defer { site.remove() }
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("Expected"))
        let diagnostics = site.build()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        var actual = snapshot(of: site.output)
        actual[OutputWriter.markerName] = nil

        let expectedFolder = Fixtures.url("Sites/\(name)/Expected")
        if ProcessInfo.processInfo.environment["SITEGEN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in actual {
                let url = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }
        let expected = snapshot(of: expectedFolder)
        #expect(
            Set(actual.keys) == Set(expected.keys),
            "files differ: only built \(Set(actual.keys).subtracting(expected.keys).sorted()), only expected \(Set(expected.keys).subtracting(actual.keys).sorted())"
        )
        for path in expected.keys.sorted() {
            guard let built = actual[path], let golden = expected[path] else { continue }
            if built != golden {
                Issue.record(
                    "\(path) differs from its golden file:\n\(lineDiff(String(decoding: golden, as: UTF8.self), String(decoding: built, as: UTF8.self)))")
            }
        }
    }

    @Test func everyPageKindIsInTheGoldenSite() {
        let expected = Set(snapshot(of: Fixtures.url("Sites/basic/Expected")).keys)
        for path in [
            "index.html", "roles/index.html", "roles/alpha/index.html", "roles/alpha/duties/index.html",
            "compare/index.html", "compare/alpha-vs-beta/index.html", "skills/index.html", "skills/budgeting/index.html",
            "about/index.html", "404.html", "sitemap.xml", "robots.txt", "assets/site.css", "images/dot.svg",
        ] {
            #expect(expected.contains(path), "missing \(path)")
        }
        #expect(!expected.contains("roles/gamma/index.html"), "drafts are left out by default")
    }

    /// The first differing lines, as a small unified-style excerpt.
    func lineDiff(_ old: String, _ new: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for index in 0..<max(a.count, b.count) where out.count < 12 {
            let left = index < a.count ? String(a[index]) : "<end>"
            let right = index < b.count ? String(b[index]) : "<end>"
            if left != right { out.append("line \(index + 1):\n- \(left)\n+ \(right)") }
        }
        return out.joined(separator: "\n")
    }
}
