import Foundation

/// Paths in order (Swift's `<` on `String`), asked what they hold by binary search: the
/// planned files of a build, without a set of 35k strings at 10k roles.
struct SortedPaths: Sendable {
    let sorted: [String]

    /// The index of the first path not before `key`.
    private func lowerBound(_ key: String) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    func contains(_ path: String) -> Bool {
        let index = lowerBound(path)
        return index < sorted.count && sorted[index] == path
    }

    /// Whether a path lies below the folder `folder` ("" is the top).
    func hasFiles(below folder: String) -> Bool {
        if folder.isEmpty { return !sorted.isEmpty }
        let prefix = folder + "/"
        let index = lowerBound(prefix)
        return index < sorted.count && sorted[index].hasPrefix(prefix)
    }
}

/// The indexes of a list of paths in path order, and that order cut in one run per core: a
/// cursor walking one run opens each folder once for all the files in it.
struct PathOrder: Sendable {
    /// Indexes into the paths, in path order.
    let order: [Int]
    /// The paths in that order.
    let paths: SortedPaths

    init(_ paths: [String]) {
        order = paths.indices.sorted { paths[$0] < paths[$1] }
        self.paths = SortedPaths(sorted: order.map { paths[$0] })
    }

    /// `order` in one run per core.
    var runs: [ArraySlice<Int>] {
        let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let run = max(1, (order.count + cores - 1) / cores)
        return stride(from: 0, to: order.count, by: run).map { order[$0..<min($0 + run, order.count)] }
    }
}
