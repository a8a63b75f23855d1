import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The search index: what it holds, that it is deterministic and script-safe, and that it is
/// sharded under the size budget.
struct SearchIndexTests {
    static func document(_ number: Int, title: String? = nil, duties: [String]? = nil) -> SearchIndex.Document {
        SearchIndex.Document(
            title: title ?? "Role \(number)", url: "roles/role-\(number)/", summary: "Does job number \(number).",
            meta: "Meta \(number)",
            facets: [[number % 2 == 0 ? "Production" : "Finance"], number % 3 == 0 ? ["film"] : ["film", "television"]],
            skills: ["Budgeting", "Skill \(number % 7)"],
            duties: duties ?? ["Approves the budget", "Hires crew \(number % 5)", "Writes report \(number)"],
            alternateTitles: number % 4 == 0 ? ["R\(number)"] : [])
    }

    /// The JSON a script file assigns (`window.X=<json>;`).
    static func json(_ file: OutputFile) throws -> Any {
        let text = String(decoding: file.contents, as: UTF8.self)
        let start = try #require(text.lastIndex(of: "=").map(text.index(after:)))
        let body = text[start...].trimmingCharacters(in: .whitespacesAndNewlines).dropLast()
        return try JSONSerialization.jsonObject(with: Data(body.utf8))
    }

    @Test func manifestListsFacetsAndShards() throws {
        let files = SearchIndex(facetKeys: ["department", "media"], documents: (1...5).map { Self.document($0) }).files()
        #expect(files.map(\.path).first == "search/search-index.js")
        #expect(files.count == 2)
        let manifest = try #require(try Self.json(files[0]) as? [String: Any])
        #expect(manifest["count"] as? Int == 5)
        let facets = try #require(manifest["facets"] as? [[String: Any]])
        #expect(facets.map { $0["key"] as? String } == ["department", "media"])
        #expect(facets[0]["values"] as? [String] == ["Finance", "Production"])
        #expect(facets[1]["values"] as? [String] == ["film", "television"])
        #expect((manifest["skills"] as? [String])?.first == "Budgeting")
        let shards = try #require(manifest["shards"] as? [String])
        #expect(shards.count == 1 && shards[0].hasPrefix("search-index-0.") && shards[0].hasSuffix(".js"))
        #expect(files[1].path == "search/" + shards[0])
    }

    @Test func documentsResolveThroughTheTables() throws {
        let files = SearchIndex(facetKeys: ["department", "media"], documents: [Self.document(2), Self.document(4)]).files()
        let manifest = try #require(try Self.json(files[0]) as? [String: Any])
        let shard = try #require(try Self.json(files[1]) as? [String: Any])
        let duties = try #require(shard["duties"] as? [String])
        let docs = try #require(shard["docs"] as? [[Any]])
        #expect(duties.filter { $0 == "Approves the budget" }.count == 1)  // written once per shard
        let doc = docs[1]
        #expect(doc[0] as? String == "Role 4")
        #expect(doc[1] as? String == "roles/role-4/")
        #expect(doc[2] as? String == "Does job number 4.")
        #expect(doc[3] as? String == "Meta 4")
        let facets = try #require(manifest["facets"] as? [[String: Any]])
        #expect(((doc[4] as? [[Int]])?[0]).map { $0.map { (facets[0]["values"] as! [String])[$0] } } == ["Production"])
        #expect((doc[6] as? [Int])?.map { duties[$0] } == ["Approves the budget", "Hires crew 4", "Writes report 4"])
        #expect(doc[7] as? [String] == ["R4"])
    }

    @Test func scriptBreakingTextStaysInsideStrings() throws {
        let evil = "</script><!-- <script>alert(1)</script> \u{2028}"
        let files = SearchIndex(facetKeys: ["department", "media"], documents: [Self.document(1, title: evil, duties: [evil, "b", "c"])]).files()
        for file in files {
            let text = String(decoding: file.contents, as: UTF8.self)
            #expect(!text.contains("<") && !text.contains("\u{2028}"))
        }
        let shard = try #require(try Self.json(files[1]) as? [String: Any])
        #expect(((shard["docs"] as? [[Any]])?[0][0] as? String) == evil)
    }

    @Test func sameInputGivesSameBytes() {
        let documents = (1...50).map { Self.document($0) }
        #expect(
            SearchIndex(facetKeys: ["department", "media"], documents: documents).files(shardLimit: 2_000)
                == SearchIndex(facetKeys: ["department", "media"], documents: documents).files(shardLimit: 2_000))
    }

    @Test(arguments: [1_500, 4_000, 20_000])
    func shardsStayUnderTheLimitAndKeepEveryDocument(limit: Int) throws {
        let documents = (1...300).map { Self.document($0) }
        let files = SearchIndex(facetKeys: ["department", "media"], documents: documents).files(shardLimit: limit)
        let shards = Array(files.dropFirst())
        #expect(shards.count > 1)
        var titles: [String] = []
        for file in shards {
            let shard = try #require(try Self.json(file) as? [String: Any])
            let json = String(decoding: file.contents, as: UTF8.self)
            #expect(json.utf8.count <= limit + 120, "\(file.path) is \(json.utf8.count) bytes")
            let duties = try #require(shard["duties"] as? [String])
            for doc in try #require(shard["docs"] as? [[Any]]) {
                titles.append(doc[0] as! String)
                #expect((doc[6] as! [Int]).allSatisfy { duties.indices.contains($0) })
            }
        }
        #expect(titles == documents.map(\.title))
        let manifest = try #require(try Self.json(files[0]) as? [String: Any])
        #expect((manifest["shards"] as? [String])?.count == shards.count)
    }

    @Test func longValuesAreTrimmed() throws {
        let long = String(repeating: "budget ", count: 1_000)
        let document = Self.document(1, title: long, duties: Array(repeating: long, count: 3) + (1...100).map { "Duty \($0)" })
        let shard = try #require(SearchIndex(facetKeys: ["department", "media"], documents: [document]).shards(limit: 1_000_000).first)
        #expect(shard.text.utf8.count < 40_000)
        #expect(SearchIndex.trimmed(long).count == SearchIndex.maxTextLength)
        #expect(SearchIndex.trimmed(long).hasSuffix("…"))
    }
}
