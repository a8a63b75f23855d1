import SitegenContent
import Synchronization

/// What one page's view read of the roles (`SiteRead`), for a page that records it: numbers
/// into the manifest's table of reads (each read once for the whole site: the manifest and
/// each build digest 35k pages' reads as some 30k reads, not 700k), or the reads of a view
/// built in this build.
enum PageReads: Sendable {
    /// Numbers into the last build's table (`PageCache.reads`).
    case recorded([Int])
    /// Read by a view built in this build.
    case new([SiteRead])
    /// Read by a view built in this build, as numbers into the build's table (`BuildReads`):
    /// what pages keep until the manifest is written (a list of reads for each of 350k pages
    /// was some 300 MB of a 100k-role build).
    case numbered([Int32])

    /// The table of every page's reads and each page's numbers into it: the last build's
    /// table with this build's new reads after it, made anew when most of it is no longer read.
    /// `built` is the table `.numbered` reads number (`BuildReads.all`).
    static func table(previous: [SiteRead], pages: [PageReads?], built: [SiteRead] = []) -> (table: [SiteRead], numbers: [[Int]?]) {
        var table = previous
        // The last build's reads by number, looked up only once a page has new ones.
        var known: [SiteRead: Int]?
        func number(of read: SiteRead) -> Int {
            if known == nil { known = Dictionary(previous.enumerated().map { ($1, $0) }) { first, _ in first } }
            if let number = known![read] { return number }
            known![read] = table.count
            table.append(read)
            return table.count - 1
        }
        // Each read of the build's table numbered once.
        var builtNumbers = [Int](repeating: -1, count: built.count)
        let numbers = pages.map { reads -> [Int]? in
            switch reads {
            case nil: return nil
            case .recorded(let numbers): return numbers
            case .new(let reads): return reads.map(number(of:))
            case .numbered(let numbers):
                return numbers.map { own in
                    let index = Int(own)
                    if builtNumbers[index] < 0 { builtNumbers[index] = number(of: built[index]) }
                    return builtNumbers[index]
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

/// The reads of the views built in one build, each numbered once as pages note them
/// (`PageReads.numbered`): a page keeps its numbers, not its reads.
final class BuildReads: Sendable {
    private let table = Mutex<(numbers: [SiteRead: Int32], reads: [SiteRead])>(([:], []))

    /// The numbers of `reads`, in their order (new ones join the table).
    func numbers(of reads: [SiteRead]) -> [Int32] {
        table.withLock { table in
            reads.map { read in
                if let number = table.numbers[read] { return number }
                let number = Int32(table.reads.count)
                table.numbers[read] = number
                table.reads.append(read)
                return number
            }
        }
    }

    /// Every read numbered so far, by number.
    var all: [SiteRead] { table.withLock { $0.reads } }
}
