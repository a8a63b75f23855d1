import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender

/// sitegen is a generator for role handbooks of any field: no word of the shipped film
/// handbook is built into it (the film starter of `sitegen init --example film` aside), and a
/// site from another field shows none.
@Suite struct FieldNeutralityTests {
    /// Words only a film, television or games handbook would use.
    static let filmWords = try! NSRegularExpression(
        pattern: #"\bfilms?\b|televis|\btv\b|producer|screenplay|\bcasting\b|showrunner|video games?|\bmedium\b|(?<!@)\bmedia\b|\bstages?\b"#,
        options: [.caseInsensitive])

    static func filmWords(in text: String) -> [String] {
        filmWords.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }

    static let repository = Fixtures.repositoryRoot

    /// Every text file under `folder`, relative to it.
    static func files(under folder: URL) -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                paths.append(String(url.path.dropFirst(folder.path.count + 1)))
            }
        }
        return paths.sorted()
    }

    @Test func noFilmWordIsBuiltIntoTheGenerator() throws {
        let sources = Self.repository.appendingPathComponent("Sources")
        // The film starter, and the command and scaffold that name it, may speak of film.
        let exempt = ["SitegenCore/Scaffold/Starters/film/", "SitegenCore/Scaffold/Scaffold.swift", "SitegenCLI/InitCommand.swift"]
        var checked = 0
        for path in Self.files(under: sources) where path.hasSuffix(".swift") && !exempt.contains(where: path.hasPrefix) {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            checked += 1
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let found = Self.filmWords(in: String(line))
                #expect(found.isEmpty, "Sources/\(path):\(number + 1): \(found) in \(line.trimmingCharacters(in: .whitespaces))")
            }
        }
        #expect(checked > 100)
        #expect(Self.filmWords(in: DefaultTheme.files.values.joined(separator: "\n")).isEmpty)
    }

    @Test func theWordListFindsTheFilmHandbook() throws {
        let producer = try String(contentsOf: Self.repository.appendingPathComponent("Content/roles/producer.md"), encoding: .utf8)
        #expect(Self.filmWords(in: producer).count > 5)
        #expect(Self.filmWords(in: "@media print { } film, Television, media stages").count == 4)
    }

    @Test func aSiteFromAnotherFieldShowsNoFilmWord() throws {
        let site = try TestSite.copy(fixture: "Sites/pflege")
        defer { site.remove() }
        #expect(site.build().filter { $0.severity == .error }.isEmpty)
        let pages = Self.files(under: site.output)
        #expect(pages.count > 40)
        for path in pages where path.hasSuffix(".html") || path.hasSuffix(".js") || path.hasSuffix(".xml") {
            let text = try String(contentsOf: site.output.appendingPathComponent(path), encoding: .utf8)
            #expect(Self.filmWords(in: text).isEmpty, "\(path): \(Self.filmWords(in: text))")
        }
    }
}
