import Foundation
import Synchronization
import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenSupport

/// A session's values kept under what they read of the site (`ReadMemo`): made again exactly
/// when a read gives something else, or the frame is new.
@Suite struct ReadMemoTests {
    /// The test site resolved, with the line producer's title given.
    static func site(lineProducerTitle: String = "Line Producer") throws -> Site {
        let role = """
            ---
            title: \(lineProducerTitle)
            summary: Runs the physical production.
            duties: [Builds the budget, Hires the crew, Tracks costs]
            skills: [Budgeting, Scheduling]
            ---
            Body.
            """
        let test = try TestSite.make(["Content/roles/line-producer.md": role])
        defer { test.remove() }
        let loaded = try #require(ContentLoader(root: test.root, displayPrefix: "").load(includeDrafts: false).0)
        return try #require(Site.resolve(loaded).0)
    }

    @Test func aValueIsMadeAgainOnlyWhenWhatItReadChanged() throws {
        let memo = ReadMemo()
        let made = Mutex(0)
        // The producer's entry: its title and the titles of the roles it is compared with.
        func entry(_ site: Site) -> String {
            memo.value("producer", on: site) { site in
                made.withLock { $0 += 1 }
                let pairs = site.pairs(including: "producer").map { $0.first == "producer" ? $0.second : $0.first }
                return ([site.role("producer")!.title] + pairs.map { site.role($0)!.title }).joined(separator: ", ")
            }
        }
        memo.begin(frame: .zero)
        let first = try Self.site()
        #expect(entry(first) == "Producer, Line Producer")
        #expect(entry(first) == "Producer, Line Producer")
        #expect(made.withLock { $0 } == 1, "kept")
        // The other role, read through the pair, has a new title.
        #expect(entry(try Self.site(lineProducerTitle: "Unit Production Manager")) == "Producer, Unit Production Manager")
        #expect(made.withLock { $0 } == 2)
        // A new frame (settings, words, binary) forgets every value.
        memo.begin(frame: Digest.of(text: "other settings"))
        #expect(entry(first) == "Producer, Line Producer")
        #expect(made.withLock { $0 } == 3)
    }

    @Test func aValueReadOnAnotherValuesSiteNotesItsReadsThere() throws {
        let memo = ReadMemo()
        memo.begin(frame: .zero)
        var site = try Self.site()
        _ = memo.value("title", on: site) { $0.role("producer")!.title }
        // Kept, its reads are still what the outer log records.
        let log = SiteReads()
        site.reads = log
        _ = memo.value("title", on: site) { $0.role("producer")!.title }
        #expect(log.all == [.role("producer")])
    }

    @Test func aValueOfAnotherTypeUnderTheSameNameIsMadeAgain() throws {
        let memo = ReadMemo()
        memo.begin(frame: .zero)
        let site = try Self.site()
        let kept = memo.value("duties", on: site) { $0.role("producer")!.duties }
        #expect(memo.value("duties", on: site) { _ in ["not made"] } == kept, "kept as the list it was made as")
        #expect(memo.value("duties", on: site) { $0.role("producer")!.duties.count } == kept.count, "a count asked for is made")
    }
}
