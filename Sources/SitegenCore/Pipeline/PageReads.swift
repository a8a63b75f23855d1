import SitegenContent

/// What one page's view read of the roles (`SiteRead`), for a page that records it: numbers
/// into the manifest's table of reads (each read once for the whole site: the manifest and
/// each build digest 35k pages' reads as some 30k reads, not 700k), or the reads of a view
/// built in this build.
enum PageReads: Sendable {
    /// Numbers into the last build's table (`PageCache.reads`).
    case recorded([Int])
    /// Read by a view built in this build.
    case new([SiteRead])

    /// The table of every page's reads and each page's numbers into it: the last build's
    /// table with this build's new reads after it, made anew when most of it is no longer read.
    static func table(previous: [SiteRead], pages: [PageReads?]) -> (table: [SiteRead], numbers: [[Int]?]) {
        var table = previous
        // The last build's reads by number, looked up only once a page has new ones.
        var known: [SiteRead: Int]?
        let numbers = pages.map { reads -> [Int]? in
            switch reads {
            case nil: return nil
            case .recorded(let numbers): return numbers
            case .new(let reads):
                if known == nil { known = Dictionary(previous.enumerated().map { ($1, $0) }) { first, _ in first } }
                return reads.map { read in
                    if let number = known![read] { return number }
                    known![read] = table.count
                    table.append(read)
                    return table.count - 1
                }
            }
        }
        // A table mostly of reads no page makes any more (roles renamed, removed) is made again.
        var used = [Bool](repeating: false, count: table.count)
        for page in numbers { for number in page ?? [] { used[number] = true } }
        let usedCount = used.lazy.filter { $0 }.count
        guard usedCount * 2 < table.count else { return (table, numbers) }
        var renumbered = [Int](repeating: -1, count: table.count)
        var kept: [SiteRead] = []
        kept.reserveCapacity(usedCount)
        for (number, read) in table.enumerated() where used[number] {
            renumbered[number] = kept.count
            kept.append(read)
        }
        return (kept, numbers.map { $0?.map { renumbered[$0] } })
    }
}
