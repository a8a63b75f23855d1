import Foundation
import Synchronization
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The search's words (the same samples the browser test gives search.js), the plain text of
/// Markdown, and the index files: what they hold, that each is named by its content and listed
/// in a manifest, that a body edit renames only a few of them, that a term is found where the
/// manifest says, that the text is script-safe, and that the cached runs give the bytes a
/// fresh read gives.
struct SearchIndexTests {
    static let english: Words = {
        let texts = LanguageFile.parse(DefaultTheme.files["i18n/en.yml"]!, file: "en.yml").0?.texts ?? [:]
        return Words(language: "en", texts: texts)
    }()

    @Test func theWordsOfTheSharedSamples() throws {
        let data = try Data(contentsOf: Fixtures.url("Search/words.json"))
        let samples = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["samples"] as? [[Any]])
        let text = SearchText(words: Self.english)
        #expect(samples.count >= 10)
        for sample in samples {
            let (input, expected) = (sample[0] as! String, sample[1] as! [String])
            #expect(text.words(input) == expected, "\(input)")
        }
    }

    /// The byte loop that reads ASCII text (stop words packed, plurals folded in place) gives
    /// the words of the Unicode path: the same text with one non-ASCII word of one letter (which
    /// no path keeps) goes through `splitFolded`.
    @Test(arguments: [
        "The Producers' budgets, schedules and CLASSES: a 2nd unit's ies sses buses is us",
        "Boxes, wishes, matches, lashes; Duties of THE ss-bus; x1 42 a b ab cat cats dogs",
        "Hiring: interviewing-candidates, vs versus the crew (A/B) test_case done. ends",
        "",
    ])
    func theByteLoopReadsASCIIAsTheUnicodePathDoes(_ sample: String) {
        let text = SearchText(words: Self.english)
        #expect(text.words(sample) == text.words(sample + " \u{E9}"))
    }

    @Test func markdownBecomesPlainTextWithItsHeadings() {
        let markdown = """
            # Call sheets

            A [call sheet](https://example.com/call) lists *who* comes **when**; see <https://example.com> or https://example.org/x.
            ![A stripboard](board.png) and `code` | table | cells
            - one item
            > a quote
            ```
            let fenced = "kept"
            ```
            ## Second _heading_
            """
        let (plain, headings) = SearchText.plainText(ofMarkdown: markdown)
        let text = plain.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
        #expect(headings == ["Call sheets", "Second heading"])
        #expect(text.contains("A call sheet lists who comes when; see or\n"))
        #expect(text.contains("A stripboard and code table cells"))
        #expect(text.contains("\none item\n") && text.contains("\na quote\n"))
        #expect(text.contains("let fenced = \"kept\""))
        #expect(!text.contains("example") && !text.contains("board.png"))
    }

    /// Three roles, a comparison and a page, by hand.
    static func index() -> SearchIndex {
        func document(_ kind: SearchIndex.Document.Kind, _ title: String, _ url: String, texts: [(String, Int)], body: String = "") -> SearchIndex.Document {
            SearchIndex.Document(
                kind: kind, textsKey: Digest.of(text: title + "\u{0}" + body),
                record: { SearchIndex.Document.Record(title: title, url: url, summary: "About \(title).", duties: kind == .role ? ["Duty of \(title)"] : []) },
                texts: { (texts + [(body, 0)], body) })
        }
        let documents = [
            document(.role, "Line Producer", "roles/line-producer/", texts: [("Line Producer", 3), ("Runs the budget", 1)], body: "Keeps the stripboard."),
            document(.role, "Producer", "roles/producer/", texts: [("Producer", 3), ("Finds money", 1)]),
            document(.role, "Editor", "roles/editor/", texts: [("Editor", 3), ("Cuts </script> \u{2028} film", 1)]),
            document(.comparison, "Producer vs Line Producer", "compare/producer-vs-line-producer/", texts: [("Producer Line Producer", 3)]),
            document(.page, "Glossary", "glossary/", texts: [("Glossary", 3)], body: "A stripboard is a board of strips."),
        ]
        return SearchIndex(facetKeys: [], documents: documents, kindLabels: ["Role", "Comparison", "Duties", "List", "Page"], text: SearchText(words: english))
    }

    /// The JSON a script file assigns (`…SITEGEN_SEARCH.x[n]=<json>;`).
    static func json(_ file: OutputFile) throws -> Any {
        let text = String(decoding: file.contents, as: UTF8.self)
        let start = try #require(text.range(of: "};")).upperBound
        let assignment = text[start...]
        let body = try #require(assignment.firstIndex(of: "=").map { assignment[assignment.index(after: $0)...] })
        return try JSONSerialization.jsonObject(with: Data(body.trimmingCharacters(in: .whitespacesAndNewlines).dropLast().utf8), options: [.fragmentsAllowed])
    }

    /// A term's postings as (page id, field, title words), and its excerpts.
    static func decode(_ value: Any) -> (pages: [(id: Int, field: Int, title: Int)], excerpts: [String]?) {
        let numbers = (value as? [Int]) ?? ((value as? [String: Any])?["p"] as? [Int]) ?? []
        var id = 0
        let pages = numbers.map { number -> (Int, Int, Int) in
            id += number / 32
            return (id, number & 3, (number >> 2) & 7)
        }
        return (pages, (value as? [String: Any])?["x"] as? [String])
    }

    @Test func termsFindTheirPagesWithTheirFieldsAndExcerpts() throws {
        let files = Self.index().files()
        let termsFile = try #require(files.first { $0.path == "search/search-terms.js" })
        let terms = try #require(try Self.json(termsFile) as? [String: Any])
        let firsts = try #require(terms["chunks"] as? [String])
        var chunks: [String: Any] = [:]
        for file in files where file.path.hasPrefix("search/t") {
            let chunk = try #require(try Self.json(file) as? [String: Any])
            for (term, value) in chunk { chunks[term] = value }
        }
        #expect(firsts.first == chunks.keys.min())
        let producerValue = try #require(chunks["producer"])
        let producer = Self.decode(producerValue)
        #expect(producer.pages.map(\.id) == [0, 1, 3])
        #expect(producer.pages.map(\.field) == [3, 3, 3])
        #expect(producer.pages.map(\.title) == [2, 1, 2])
        let stripboardValue = try #require(chunks["stripboard"])
        let stripboard = Self.decode(stripboardValue)
        #expect(stripboard.pages.map(\.id) == [0, 4] && stripboard.pages.map(\.field) == [0, 0])
        #expect(stripboard.excerpts == ["Keeps the stripboard.", "A stripboard is a board of strips."])
        let budgetValue = try #require(chunks["budget"])
        let budget = Self.decode(budgetValue)
        #expect(budget.pages.map(\.id) == [0] && budget.pages.map(\.field) == [1])
        #expect(chunks["the"] == nil && chunks["vs"] == nil, "stop and versus words are not indexed")
    }

    /// The record files' names, in order, through the manifest's name lists.
    static func recordNames(_ files: [OutputFile], manifest: [String: Any]) throws -> [String] {
        let lists = try #require(manifest["docs"] as? [String])
        #expect(manifest["docsPerList"] as? Int == SearchIndex.recordNamesPerList)
        return try lists.flatMap { list in
            let file = try #require(files.first { $0.path == "search/n.\(list).js" })
            return try #require(try json(file) as? [String])
        }
    }

    /// The manifests' lists of file names, as `search/<prefix>.<name>.js` paths.
    static func listedPaths(_ files: [OutputFile]) throws -> [String] {
        let indexFile = try #require(files.first { $0.path == "search/search-index.js" })
        let termsFile = try #require(files.first { $0.path == "search/search-terms.js" })
        let index = try #require(try json(indexFile) as? [String: Any])
        let terms = try #require(try json(termsFile) as? [String: Any])
        let facets = try #require(index["facets"] as? [[String: Any]])
        var paths = try #require(index["docs"] as? [String]).map { "search/n.\($0).js" }
        paths += try recordNames(files, manifest: index).map { "search/d.\($0).js" }
        paths += facets.compactMap { $0["file"] as? String }.map { "search/f.\($0).js" }
        paths += try #require(terms["chunkFiles"] as? [String]).map { "search/t.\($0).js" }
        paths += try #require(terms["dictFiles"] as? [String]).map { "search/w.\($0).js" }
        return paths
    }

    @Test func everyFileIsNamedByItsContentAndListedInAManifest() throws {
        let files = Self.index().files()
        let named = files.filter { !SearchIndex.isManifest($0.path) }
        #expect(try Self.listedPaths(files).sorted() == named.map(\.path).sorted())
        for file in named {
            // `…SITEGEN_SEARCH.<global>["<name>"]=<json>;`: the name is the JSON's digest.
            let text = String(decoding: file.contents, as: UTF8.self)
            let name = SearchIndex.contentName(of: file)
            let json = try #require(text.components(separatedBy: "[\"\(name)\"]=").last?.dropLast(2))
            #expect(name == String(Digest.of(text: String(json)).description.prefix(12)), "\(file.path)")
        }
    }

    /// `count` role pages, each with a title and a body of words from a fixed vocabulary.
    static func bigIndex(count: Int, edited: Int? = nil) -> SearchIndex {
        var generator = SeededGenerator(seed: 7)
        let vocabulary = (0..<4_000).map { n in "w" + String(n, radix: 36) + String(repeating: "x", count: n % 5) }
        let bodies = (0..<count).map { _ in (0..<60).map { _ in vocabulary[Int(generator.next() % 4_000)] }.joined(separator: " ") }
        let documents = bodies.enumerated().map { id, body in
            let text = id == edited ? body + " newly added words" : body
            return SearchIndex.Document(
                kind: .role, textsKey: Digest.of(text: text),
                record: { SearchIndex.Document.Record(title: "Role \(id)", url: "roles/\(id)/", summary: "") },
                texts: { ([("Role \(id)", 3), (text, 0)], text) })
        }
        return SearchIndex(facetKeys: [], documents: documents, kindLabels: ["Role", "Comparison", "Duties", "List", "Page"], text: SearchText(words: english))
    }

    @Test func aBodyEditRenamesOnlyTheFilesOfItsTerms() throws {
        let before = Set(Self.bigIndex(count: 1_500).termFiles().map(\.path))
        let after = Set(Self.bigIndex(count: 1_500, edited: 700).termFiles().map(\.path))
        let chunks = before.filter { $0.hasPrefix("search/t.") }
        #expect(chunks.count >= 20, "enough chunks to tell")
        // Three new words: at most a chunk and a word list for each, and the manifest.
        let changed = after.subtracting(before)
        #expect(changed.count == before.subtracting(after).count + (after.count - before.count))
        #expect(changed.contains("search/search-terms.js") == false, "the manifest keeps its name")
        #expect(changed.count <= 6, "\(changed.sorted())")
    }

    @Test func anEditReadsAgainTheWordsOfItsRunOfPagesOnly() throws {
        let kept = Mutex<[String: (key: Digest, bytes: [UInt8])]>([:])
        let made = Mutex<[String]>([])
        let cached: @Sendable (String, Digest, () -> [UInt8]) -> [UInt8] = { slot, key, make in
            if let stored = kept.withLock({ $0[slot] }), stored.key == key { return stored.bytes }
            let bytes = make()
            made.withLock { $0.append(slot) }
            kept.withLock { $0[slot] = (key, bytes) }
            return bytes
        }
        let before = Self.bigIndex(count: 1_500).termFiles(cached: cached)
        #expect(Set(made.withLock { $0 }) == Set((0..<3).flatMap { ["search-run-\($0)", "search-excerpts-\($0)"] }), "three runs of 512 pages")
        made.withLock { $0 = [] }
        let after = Self.bigIndex(count: 1_500, edited: 700).termFiles(cached: cached)
        #expect(Set(made.withLock { $0 }) == ["search-run-1", "search-excerpts-1"])
        #expect(after.map(\.path) != before.map(\.path))
        // The kept runs give the files a build that keeps none gives.
        let fresh = Self.bigIndex(count: 1_500, edited: 700).termFiles()
        #expect(after.map(\.path) == fresh.map(\.path) && after.map(\.contents) == fresh.map(\.contents))
    }

    @Test func recordsAreFoundThroughTheKindsTable() throws {
        let files = Self.index().files()
        let manifestFile = try #require(files.first { $0.path == "search/search-index.js" })
        let manifest = try #require(try Self.json(manifestFile) as? [String: Any])
        let kinds = try #require(manifest["kinds"] as? [[Int]])
        #expect(kinds.map { [$0[0], $0[1]] } == [[0, 0], [1, 3], [4, 4]])
        let names = try Self.recordNames(files, manifest: manifest)
        var records: [Int: [[Any]]] = [:]
        for (number, name) in names.enumerated() {
            let file = try #require(files.first { $0.path == "search/d.\(name).js" })
            records[number] = try #require(try Self.json(file) as? [[Any]])
        }
        for (id, title) in ["Line Producer", "Producer", "Editor", "Producer vs Line Producer", "Glossary"].enumerated() {
            let kind = kinds.last { $0[1] <= id }!
            let file = try #require(records[kind[3] + (id - kind[1]) / kind[2]])
            let record = file[(id - kind[1]) % kind[2]]
            #expect(record[0] as? String == title)
        }
    }

    @Test func scriptBreakingTextStaysInsideStrings() throws {
        for file in Self.index().files() {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("</script") && !text.contains("\u{2028}"), "\(file.path)")
        }
    }

    @Test func cachedRunsGiveTheBytesOfAFreshRead() {
        let stored = Mutex<[String: (Digest, [UInt8])]>([:])
        let cache: @Sendable (String, Digest, () -> [UInt8]) -> [UInt8] = { slot, key, make in
            if let (storedKey, bytes) = stored.withLock({ $0[slot] }), storedKey == key { return bytes }
            let bytes = make()
            stored.withLock { $0[slot] = (key, bytes) }
            return bytes
        }
        let fresh = Self.index().termFiles()
        #expect(Self.index().termFiles(cached: cache) == fresh)
        #expect(stored.withLock { Set($0.keys) } == ["search-run-0", "search-excerpts-0"])
        #expect(Self.index().termFiles(cached: cache) == fresh, "from the stored runs")
    }
}
