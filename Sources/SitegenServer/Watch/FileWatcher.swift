import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folders (recursively) and single files with Linux inotify and reports what changed.
///
/// `DispatchSource.makeFileSystemObjectSource` does not exist on Linux; an inotify descriptor
/// driven by a dispatch read source does. The watches are in place when `init` returns (events
/// from then on queue in the kernel); `run()` turns them into `events` until its task is
/// cancelled.
final class FileWatcher: Sendable {
    /// Why watching could not start.
    struct Failure: Error, CustomStringConvertible {
        /// The `errno` text.
        var description: String
    }

    /// Batches of changes, in the order the kernel reported them; finishes when `run()` ends.
    let events: AsyncStream<[WatchEvent]>
    private let output: AsyncStream<[WatchEvent]>.Continuation
    private let descriptor: Int32
    private let table: WatchTable

    /// Starts watching `paths`: folders recursively (including folders created later), files
    /// (or folders that do not exist yet) through their parent folder.
    init(paths: [URL]) throws(Failure) {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { throw Failure(description: "inotify_init1: \(String(cString: strerror(errno)))") }
        self.descriptor = descriptor
        self.table = WatchTable(descriptor: descriptor, roots: paths.map { $0.standardizedFileURL.path })
        (events, output) = AsyncStream.makeStream(of: [WatchEvent].self)
    }

    deinit {
        close(descriptor)
    }

    /// Reads and translates events until the calling task is cancelled; call it once.
    func run() async {
        let (raw, rawInput) = AsyncStream.makeStream(of: [InotifyEvent].self)
        let (cancelled, cancelledInput) = AsyncStream.makeStream(of: Void.self)
        let descriptor = self.descriptor
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: DispatchQueue(label: "sitegen.watch"))
        source.setEventHandler { rawInput.yield(Self.drain(descriptor)) }
        source.setCancelHandler { cancelledInput.finish() }
        source.resume()
        var table = self.table
        await withTaskCancellationHandler {
            for await batch in raw {
                let changes = batch.flatMap { table.apply($0) }
                if !changes.isEmpty { output.yield(changes) }
            }
        } onCancel: {
            rawInput.finish()
        }
        source.cancel()
        // The descriptor may be closed (in deinit) only once dispatch has let go of it.
        for await _ in cancelled {}
        output.finish()
    }

    /// Reads everything the descriptor has (it is non-blocking) and parses it.
    private static func drain(_ descriptor: Int32) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            events += InotifyEvent.parse(Array(buffer[0..<count]))
        }
        return events
    }
}
