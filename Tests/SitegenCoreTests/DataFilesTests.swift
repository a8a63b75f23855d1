import Foundation
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender

/// `roles.json` and `compare/matrix.csv`: the handbook as data, in the documented format.
@Suite struct DataFilesTests {
    @Test func rolesJSONHoldsEveryPublishedRoleWithItsTypedFields() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let data = try Data(contentsOf: site.output.appendingPathComponent("roles.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["format"] as? String == "sitegen-roles" && json["version"] as? Int == 1)
        let fields = try #require(json["fields"] as? [[String: Any]])
        #expect(fields.first?["key"] as? String == "department" && fields.first?["type"] as? String == "term")
        let roles = try #require(json["roles"] as? [[String: Any]])
        #expect(roles.compactMap { $0["slug"] as? String }.sorted() == ["alpha", "beta", "delta"], "drafts are left out")
        let alpha = try #require(roles.first { $0["slug"] as? String == "alpha" })
        #expect(alpha["url"] as? String == "roles/alpha/")
        #expect(alpha["supervises"] as? [String] == ["beta"])
        let declared = try #require(alpha["fields"] as? [String: Any])
        #expect(declared["media"] as? [String] == ["film", "television"])
        #expect(declared["team_size"] as? String == "8")
        #expect(declared["mentors"] as? [String] == ["delta"])
        #expect(declared["focus"] as? String == "Money & people")
    }

    @Test func theMatrixIsACSVFile() throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let text = try String(contentsOf: site.output.appendingPathComponent("compare/matrix.csv"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "slug,Role,Main focus,Final say")
        #expect(lines.count == 5 && lines.last == "", "a header, three roles, CRLF after each")
        #expect(lines.contains { $0.hasPrefix("alpha,\"Alpha <Lead> & \"\"Chief\"\"\",Money & people,Everything") }, "\(lines)")
    }

    @Test(arguments: [
        ("plain", "plain"), ("a, b", "\"a, b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""), ("", ""),
    ])
    func aFieldIsQuotedOnlyWhenItMustBe(_ value: String, _ written: String) {
        #expect(DataFiles.csvField(value) == written)
    }
}
