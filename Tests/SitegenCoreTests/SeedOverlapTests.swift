import Foundation
import Testing

/// The shipped handbook is written in its own words: no page of `Content/` repeats a run of
/// ten or more consecutive words of the two starting documents of issue 3 (issue 18).
@Suite struct SeedOverlapTests {
    /// A run this long, or longer, counts as copied.
    static let runLength = 10
    /// The starting documents live outside the repository, beside it in `../shared/seeds/`.
    static let seedFolder = Fixtures.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
    static let seedNames = ["producer-vs-executive-producer.txt", "what-does-an-executive-producer-do.txt"]
    static let contentFolder = Fixtures.repositoryRoot.appendingPathComponent("Content")

    /// Lower-cased words: Markdown link targets dropped, apostrophes removed (`producer's`
    /// is `producers`), every other character that is not a letter or digit a word break.
    static func words(_ text: String) -> [String] {
        let withoutTargets = text.replacing(#/\]\([^)]*\)/#, with: " ")
        var cleaned = ""
        for character in withoutTargets.lowercased() {
            if character == "'" || character == "\u{2019}" || character == "\u{2018}" { continue }
            cleaned.append(character.isLetter || character.isNumber ? character : " ")
        }
        return cleaned.split(separator: " ").map(String.init)
    }

    /// Every run of `runLength` consecutive words, joined by single spaces.
    static func runs(_ words: [String]) -> [String] {
        guard words.count >= runLength else { return [] }
        return (0...(words.count - runLength)).map { words[$0..<($0 + runLength)].joined(separator: " ") }
    }

    /// The runs of the two seed texts; fails, saying where it looked, when either is missing.
    static func seedRuns() throws -> Set<String> {
        var runs: Set<String> = []
        for name in seedNames {
            let url = seedFolder.appendingPathComponent(name)
            let text = try #require(
                try? String(contentsOf: url, encoding: .utf8),
                "seed text \(name) not found: looked for \(url.standardizedFileURL.path) (the starting documents must sit in ../shared/seeds/ beside the repository)"
            )
            let words = Self.words(text)
            try #require(words.count >= runLength, "seed text \(url.path) is empty or too short")
            runs.formUnion(Self.runs(words))
        }
        return runs
    }

    /// The copied runs of a text, in order, without repeats.
    static func copiedRuns(in text: String, seeds: Set<String>) -> [String] {
        var seen: Set<String> = []
        return runs(words(text)).filter { seeds.contains($0) && seen.insert($0).inserted }
    }

    /// Every Markdown file below `Content/`, relative path → text (front matter included).
    static func contentPages() throws -> [(path: String, text: String)] {
        let base = contentFolder.standardizedFileURL.path
        let enumerator = try #require(FileManager.default.enumerator(at: contentFolder, includingPropertiesForKeys: nil), "cannot list \(base)")
        var pages: [(String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "md" {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            pages.append((path, try String(contentsOf: url, encoding: .utf8)))
        }
        return pages.sorted { $0.0 < $1.0 }
    }

    @Test func noPageRepeatsTenWordsOfTheStartingDocuments() throws {
        let seeds = try Self.seedRuns()
        let pages = try Self.contentPages()
        #expect(
            pages.contains { $0.path.hasPrefix("roles/") } && pages.contains { $0.path.hasPrefix("compare/") },
            "no role or comparison pages found in \(Self.contentFolder.path)")
        for page in pages {
            let copied = Self.copiedRuns(in: page.text, seeds: seeds)
            let first = copied.prefix(3).map { "\"\($0)\"" }.joined(separator: ", ")
            #expect(copied.isEmpty, "Content/\(page.path) repeats \(copied.count) run(s) of \(Self.runLength) words from the seeds: \(first)")
        }
    }

    @Test func aRunCopiedFromASeedIsFoundWhateverItsCaseAndPunctuation() throws {
        let seeds = try Self.seedRuns()
        // Planted: twelve words of the profile, re-cased and re-punctuated, inside front matter.
        let planted = """
            ---
            title: Planted
            requirements:
              education: "A BACHELOR'S degree in film -- television, or video game production is preferred!"
            ---
            Original words around it.
            """
        let copied = Self.copiedRuns(in: planted, seeds: seeds)
        #expect(copied.contains("a bachelors degree in film television or video game production"), "\(copied)")
        #expect(copied.contains("degree in film television or video game production is preferred"), "\(copied)")
        // A link target between the words does not hide the run.
        let linked = "The [executive producer](roles/executive-producer.md) is primarily responsible for securing funding, managing finances, and ensuring"
        #expect(!Self.copiedRuns(in: linked, seeds: seeds).isEmpty)
        // Nine words in a row are allowed.
        #expect(Self.copiedRuns(in: "a bachelor's degree in film, television or video game", seeds: seeds).isEmpty)
    }
}
