import Foundation
import SitegenMarkdown
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The shipped production-roles handbook (`Content/`) meets the editorial bar of issue 3.
@Suite struct HandbookTests {
    static let root = Fixtures.repositoryRoot

    /// Issue 18's bar for the grown handbook.
    static let minimumRoles = 35
    static let minimumProses = 18
    /// The headings every comparison prose uses, in order: an opening, the five measures of
    /// `sitegen.yml` (`comparison.dimensions`), and a closing.
    static let opening = "In short"
    static let closing = "Which suits you?"
    /// Terms issue 18 asks the glossary to define, by heading id.
    static let requiredGlossaryTerms = ["stripboard", "conform", "deliverables", "greenlight", "below-the-line", "above-the-line"]

    static func load() throws -> (LoadedContent, Site) {
        let (content, diagnostics) = ContentLoader(root: root, displayPrefix: "").load(includeDrafts: false)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(content)
        let (site, siteDiagnostics) = Site.resolve(loaded)
        #expect(siteDiagnostics.isEmpty, "\(siteDiagnostics)")
        return (loaded, try #require(site))
    }

    static func words(_ markdown: String) -> Int {
        markdown.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) }.count
    }

    @Test func theShippedSiteBuildsWithZeroDiagnostics() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = BuildOptions(source: Self.root, output: output, displayPrefix: "")
        options.baseURL = "https://example.org/handbook/"
        let report = try BuildPipeline(options: options).run()
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let files = snapshot(of: output).keys
        #expect(files.filter { $0.hasPrefix("roles/") && $0.hasSuffix("/duties/index.html") }.count >= Self.minimumRoles)
        #expect(files.contains("glossary/index.html"))
    }

    @Test func everyRoleHasEveryRequiredSection() throws {
        let (_, site) = try Self.load()
        #expect(site.roles.count >= Self.minimumRoles, "\(site.roles.count) roles")
        let dimensions = site.config.schema.matrix
        #expect(!dimensions.isEmpty)
        for role in site.roles {
            let name = role.file
            #expect(role.summary.filter { $0 == "." }.count <= 1 && role.summary.hasSuffix("."), "\(name): summary must be one sentence")
            #expect(role.value("department") != nil, "\(name): department")
            #expect(!role.values("media").isEmpty, "\(name): media")
            #expect(!role.values("stages").isEmpty, "\(name): stages")
            #expect(!role.reportsTo.isEmpty || !role.supervises.isEmpty || !role.worksWith.isEmpty, "\(name): reporting lines")
            #expect(role.duties.count >= 8, "\(name): \(role.duties.count) duties")
            #expect(role.skills.count >= 6, "\(name): \(role.skills.count) skills")
            for key in site.config.schema.requirements { #expect(role.value(key) != nil, "\(name): requirement \(key)") }
            for key in dimensions { #expect(role.value(key) != nil, "\(name): no value for dimension \(key)") }
            #expect((400...900).contains(Self.words(role.body)), "\(name): body has \(Self.words(role.body)) words")
            #expect(role.sources.count >= 2 && role.sources.allSatisfy { $0.url?.hasPrefix("https://") == true }, "\(name): sources")
            #expect(role.updated != nil, "\(name): updated")
            #expect(!role.careerPath.isEmpty, "\(name): career path")
        }
    }

    @Test func everyRoleIsInAComparison() throws {
        let (_, site) = try Self.load()
        for role in site.roles {
            #expect(!site.pairs(including: role.slug).isEmpty, "\(role.slug) is in no comparison")
        }
    }

    @Test func atLeastEighteenComparisonsHaveProseOfTheRightLength() throws {
        let (_, site) = try Self.load()
        let withProse = site.pairs.compactMap(\.prose)
        #expect(withProse.count >= Self.minimumProses, "\(withProse.count) comparisons have prose")
        #expect(site.pairs.contains { $0.slug == "producer-vs-executive-producer" && $0.prose != nil })
        for prose in withProse {
            #expect((250...600).contains(Self.words(prose.body)), "\(prose.file): \(Self.words(prose.body)) words")
        }
    }

    @Test func everyComparisonProseUsesTheSameHeadingsInTheSameOrder() throws {
        let (_, site) = try Self.load()
        let expected = [Self.opening] + site.config.schema.matrix.compactMap { site.config.schema.field($0)?.label } + [Self.closing]
        #expect(expected.count == 7, "sitegen.yml should declare the five measures: \(expected)")
        for prose in site.pairs.compactMap(\.prose) {
            let rendered = MarkdownRenderer.render(prose.body, options: MarkdownOptions(documentPath: prose.contentPath))
            let headings = rendered.headings.filter { $0.level == 2 }.map(\.text)
            #expect(headings == expected, "\(prose.file) has headings \(headings)")
        }
    }

    /// The glossary's terms (its level-3 headings) by id, and the page itself.
    static func glossaryTerms(in loaded: LoadedContent) throws -> [Heading] {
        let glossary = try #require(loaded.pages.first { $0.contentPath == "glossary.md" }, "Content/glossary.md is missing")
        let rendered = MarkdownRenderer.render(glossary.body, options: MarkdownOptions(documentPath: glossary.contentPath))
        return rendered.headings.filter { $0.level == 3 }
    }

    @Test func theGlossaryDefinesTheRequiredTerms() throws {
        let (loaded, _) = try Self.load()
        let ids = Set(try Self.glossaryTerms(in: loaded).map(\.id))
        for term in Self.requiredGlossaryTerms {
            #expect(ids.contains(term), "the glossary has no heading for \(term)")
        }
    }

    @Test func everyGlossaryTermIsLinkedFromARolePage() throws {
        let (loaded, site) = try Self.load()
        let terms = try Self.glossaryTerms(in: loaded)
        #expect(!terms.isEmpty)
        var linked: Set<String> = []
        for role in site.roles {
            let rendered = MarkdownRenderer.render(role.body, options: MarkdownOptions(documentPath: role.contentPath))
            for link in rendered.links {
                let parts = link.original.split(separator: "#", maxSplits: 1).map(String.init)
                guard parts.count == 2, parts[0].hasSuffix("glossary.md") else { continue }
                linked.insert(parts[1])
            }
        }
        for term in terms {
            #expect(linked.contains(term.id), "glossary term '\(term.text)' (#\(term.id)) is linked from no role page")
        }
    }

    @Test func skillsAreSpelledOneWay() throws {
        let (_, site) = try Self.load()
        var spellings: [String: Set<String>] = [:]
        for role in site.roles {
            for skill in role.skills {
                let folded = skill.value.lowercased().filter { $0.isLetter || $0.isNumber }
                spellings[folded, default: []].insert(skill.value)
            }
        }
        for (folded, names) in spellings { #expect(names.count == 1, "skill \(folded) is spelled \(names.sorted())") }
        #expect(site.skills.contains { $0.roleSlugs.count >= 5 }, "shared skills should be shared")
    }

    @Test func theExecutiveProducerCarriesTheRequiredFacts() throws {
        let (_, site) = try Self.load()
        let ep = try #require(site.role("executive-producer"))
        let skills = Set(ep.skills.map { $0.value.lowercased() })
        for skill in [
            "strategic planning", "budgeting", "scheduling", "organisation", "leadership", "delegation", "communication", "motivation", "problem solving",
            "decision making", "creative thinking",
        ] {
            #expect(skills.contains(skill), "EP lacks skill \(skill)")
        }
        #expect(ep.value("experience")?.contains("5") == true)
        #expect(ep.value("certification")?.lowercased().contains("no") == true || ep.value("certification")?.lowercased().contains("none") == true)
        #expect(ep.value("education")?.lowercased().contains("bachelor") == true)
        let duties = ep.duties.joined(separator: " ").lowercased()
        for fact in ["fund", "budget", "distribution", "post-production", "casting", "marketing", "premiere"] {
            #expect(duties.contains(fact), "EP duties do not mention \(fact)")
        }
    }
}
