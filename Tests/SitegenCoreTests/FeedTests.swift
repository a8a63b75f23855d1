import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `feed.xml`, held to what RFC 4287 requires of a feed and its entries.
@Suite struct FeedTests {
    /// An element of the parsed feed: its name, attributes, text and children.
    final class Element {
        let name: String
        let attributes: [String: String]
        var text = ""
        var children: [Element] = []
        init(_ name: String, _ attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }
        func one(_ name: String) -> Element? { all(name).count == 1 ? all(name)[0] : nil }
    }

    /// Parses XML with Foundation's parser (namespaces reported), into `Element`s.
    final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [Element] = []
        var root: Element?
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            let element = Element(name, attributes.merging(["namespace": namespaceURI ?? ""]) { $1 })
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { stack.last?.text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) { stack.removeLast() }

        static func parse(_ data: Data) -> Element? {
            let parser = XMLParser(data: data)
            parser.shouldProcessNamespaces = true
            let builder = TreeBuilder()
            parser.delegate = builder
            return parser.parse() ? builder.root : nil
        }
    }

    static let rfc3339 = #"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"#

    @Test func theFeedListsUpdatedRolesAndComparisonsNewestFirstAsRFC4287Asks() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        for (role, day) in [("beta", "2026-11-25"), ("gamma", "2026-11-20")] {
            let text = try String(contentsOf: site.root.appendingPathComponent("Content/roles/\(role).md"), encoding: .utf8)
            try site.write("Content/roles/\(role).md", "---\nupdated: \(day)\n" + text.dropFirst(4))
        }
        #expect(site.build().filter { $0.severity == .error }.isEmpty)
        let data = try Data(contentsOf: site.output.appendingPathComponent("feed.xml"))
        let feed = try #require(TreeBuilder.parse(data), "feed.xml is well-formed XML")
        #expect(feed.name == "feed" && feed.attributes["namespace"] == "http://www.w3.org/2005/Atom")
        // §4.1.1: exactly one id, title and updated; an author (no entry has its own).
        for name in ["id", "title", "updated"] { #expect(feed.one(name) != nil, "the feed needs exactly one \(name)") }
        #expect(feed.all("author").first?.one("name")?.text == "Fixture Handbook")
        #expect(feed.one("updated")?.text.range(of: Self.rfc3339, options: .regularExpression) != nil)
        let selfLink = feed.all("link").first { $0.attributes["rel"] == "self" }
        #expect(selfLink?.attributes["href"] == "https://example.org/handbook/feed.xml")
        // §4.1.2: each entry has exactly one id, title and updated, and (without content) an
        // alternate link; the ids are absolute and distinct.
        let entries = feed.all("entry")
        #expect(entries.count >= 3)
        for entry in entries {
            for name in ["id", "title", "updated", "summary"] { #expect(entry.one(name) != nil, "an entry needs exactly one \(name)") }
            #expect(entry.one("updated")?.text.range(of: Self.rfc3339, options: .regularExpression) != nil)
            let alternate = entry.all("link").first { $0.attributes["rel"] == "alternate" }
            #expect(alternate?.attributes["href"]?.hasPrefix("https://example.org/handbook/") == true)
            #expect(entry.one("id")?.text.hasPrefix("https://example.org/handbook/") == true)
        }
        #expect(Set(entries.compactMap { $0.one("id")?.text }).count == entries.count)
        let days = entries.compactMap { $0.one("updated")?.text }
        #expect(days == days.sorted(by: >), "newest first")
        // Beta, updated last, and its comparisons come first, dated the day Beta was.
        #expect(days.first == "2026-11-25T00:00:00Z")
        #expect(entries.contains { $0.one("title")?.text == "Beta" && $0.one("updated")?.text == "2026-11-25T00:00:00Z" })
        #expect(feed.one("updated")?.text == days.first)
        // Pages name the feed.
        let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains(#"<link rel="alternate" type="application/atom+xml" title="Fixture Handbook" href="https://example.org/handbook/feed.xml">"#))
    }

    @Test func withoutABaseURLNoFeedIsWrittenAndTheBuildSaysWhy() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        let config = try String(contentsOf: site.root.appendingPathComponent("sitegen.yml"), encoding: .utf8)
        try site.write("sitegen.yml", config.replacingOccurrences(of: "base_url: https://example.org/handbook/\n", with: ""))
        let report = try BuildPipeline(options: site.options()).run()
        let warning = try #require(report.warnings.first { $0.message.contains("no feed was written") })
        #expect(warning.severity == .warning)
        #expect(warning.location?.file.hasSuffix("sitegen.yml") == true && warning.location?.line == 5)
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("feed.xml").path))
        let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("application/atom+xml"))
    }
}
