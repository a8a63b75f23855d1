import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Faults the output writer can be told to meet, so tests can prove that a full disk or a
/// file system without atomic exchange leaves the output as it was.
final class OutputFaults: Sendable {
    /// The write after this many files fails with `ENOSPC` (nil: none fails).
    let failingWrite: Int?
    /// The folder exchange fails with this `errno` (nil: it runs).
    let exchangeError: Int32?
    private let written = Mutex(0)

    init(failingWrite: Int? = nil, exchangeError: Int32? = nil) {
        self.failingWrite = failingWrite
        self.exchangeError = exchangeError
    }

    /// The writes met so far (files written, linked or removed in the staging folder).
    var writes: Int { written.withLock { $0 } }

    /// Called before each file is written; throws the injected failure when its turn comes.
    func beforeWrite(_ path: String) throws(BuildFailure) {
        let count = written.withLock { count in
            count += 1
            return count
        }
        if let failingWrite, count > failingWrite {
            throw OutputWriter.failure("cannot write the output: \(path): \(String(cString: strerror(ENOSPC)))", unchanged: true)
        }
    }
}
