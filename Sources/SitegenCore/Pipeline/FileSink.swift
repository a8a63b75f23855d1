import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport
import Synchronization

/// Where rendered files go as soon as they are made: the output's staging folder, or memory.
protocol FileSink: Sendable {
    /// Takes one file, and returns its stamp when it went to disk; called from many threads at once.
    func place(_ file: OutputFile) throws(BuildFailure) -> FileStamp?
    /// The bytes of a file placed earlier.
    func contents(of path: String) -> Data?
}

extension OutputStaging: FileSink {}

/// Keeps every file in memory (`sitegen check`, tests).
final class KeptFiles: FileSink {
    private let kept = Mutex<[OutputFile]>([])

    func place(_ file: OutputFile) throws(BuildFailure) -> FileStamp? {
        kept.withLock { $0.append(file) }
        return nil
    }

    func contents(of path: String) -> Data? { kept.withLock { $0.first { $0.path == path }?.contents } }

    /// The files placed so far, in no particular order.
    var files: [OutputFile] { kept.withLock { $0 } }
}
