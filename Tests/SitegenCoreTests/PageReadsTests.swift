import Testing

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenSupport

/// The manifest's table of what pages read: each read once, numbers that still name the
/// same reads after new ones join the table or the table is made anew.
@Suite struct PageReadsTests {
    static func reads(_ table: [SiteRead], _ numbers: [[Int]?]) -> [[SiteRead]?] { numbers.map { $0?.map { table[$0] } } }

    @Test func newReadsJoinTheTableOnceAndRecordedNumbersKeepTheirReads() {
        let previous: [SiteRead] = [.role("a"), .role("b"), .termSlug("skills", "Budgeting")]
        let pages: [PageReads?] = [
            .recorded([0, 2]), nil, .new([.role("b"), .role("c"), .pairsOf("a")]), .new([.role("c"), .roleCount]),
        ]
        let (table, numbers) = PageReads.table(previous: previous, pages: pages)
        #expect(table.count == 6 && Set(table).count == 6)
        #expect(
            Self.reads(table, numbers) == [
                [.role("a"), .termSlug("skills", "Budgeting")], nil, [.role("b"), .role("c"), .pairsOf("a")], [.role("c"), .roleCount],
            ])
    }

    /// Pages that keep numbers into the build's table (`BuildReads`) get the table the same
    /// reads would: each read once, after the last build's.
    @Test func numberedReadsJoinTheTableAsTheirReadsWould() {
        let previous: [SiteRead] = [.role("a"), .role("b")]
        let built = BuildReads()
        let pages: [[SiteRead]] = [[.role("b"), .role("c")], [.pairsOf("a"), .role("c"), .role("a")]]
        let numbered = pages.map { PageReads.numbered(built.numbers(of: $0)) }
        #expect(built.all == [.role("b"), .role("c"), .pairsOf("a"), .role("a")])
        let (table, numbers) = PageReads.table(previous: previous, pages: [.recorded([1])] + numbered, built: built.all)
        let (expectedTable, expected) = PageReads.table(previous: previous, pages: [.recorded([1])] + pages.map(PageReads.new))
        #expect(table == expectedTable && numbers == expected)
        #expect(Self.reads(table, numbers) == [[.role("b")]] + pages)
    }

    @Test func aTableMostlyUnreadIsMadeAnewWithTheSameReads() {
        let previous: [SiteRead] = (0..<10).map { .role("r\($0)") }
        let pages: [PageReads?] = [.recorded([9]), .new([.role("r3"), .lines])]
        let (table, numbers) = PageReads.table(previous: previous, pages: pages)
        #expect(table.count == 3)
        #expect(Self.reads(table, numbers) == [[.role("r9")], [.role("r3"), .lines]])
    }

    @Test func everyReadIsWrittenAndReadBack() {
        let all: [SiteRead] = [
            .roles, .roleCount, .role("a"), .pairs, .pairsOf("a"), .taxonomies, .taxonomy("skills"), .taxonomyFolder("department"),
            .termSlug("skills", "Budgeting"), .lines, .neighbours(of: "a"),
        ]
        var writer = ByteWriter()
        for read in all { read.write(to: &writer) }
        let back = writer.bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            return all.map { _ in SiteRead.read(from: &reader) }
        }
        #expect(back == all)
    }

    /// A session's kept digests of the table are the digests of the table on the site: only
    /// reads the table gained are digested while the site's content is the same, everything
    /// again on other content or a table made anew.
    @Test func keptDigestsOfTheTableAreItsDigestsOnTheSite() {
        let kept = KeptReadDigests()
        var digested: [[SiteRead]] = []
        func digests(_ table: [SiteRead], site: String) -> [Digest] {
            kept.digests(of: table, content: Digest.of(text: site)) { reads in
                digested.append(reads)
                return reads.map { Digest.of(text: site + "\u{0}\($0)") }
            }
        }
        func fresh(_ table: [SiteRead], site: String) -> [Digest] { table.map { Digest.of(text: site + "\u{0}\($0)") } }
        let first: [SiteRead] = [.role("a"), .pairsOf("a")]
        let grown = first + [.role("b"), .lines]
        #expect(digests(first, site: "one") == fresh(first, site: "one"))
        #expect(digests(grown, site: "one") == fresh(grown, site: "one"))
        #expect(digested.last == [.role("b"), .lines])
        #expect(digests(grown, site: "two") == fresh(grown, site: "two"))
        #expect(digested.last == grown)
        let remade: [SiteRead] = [.pairsOf("a"), .role("b")]
        #expect(digests(remade, site: "two") == fresh(remade, site: "two"))
        #expect(digested.last == remade)
        #expect(digests(remade, site: "two") == fresh(remade, site: "two"))
        #expect(digested.last == [])
    }
}
