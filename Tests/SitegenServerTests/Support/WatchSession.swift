import Foundation

@testable import SitegenServer

/// A running `FileWatcher` whose events are recorded, for tests that change files and wait
/// for what the watcher reports.
final class WatchSession: Sendable {
    /// Everything reported so far.
    actor Log {
        private(set) var events: [WatchEvent] = []

        func append(_ batch: [WatchEvent]) { events += batch }

        func contains(_ path: String, _ action: WatchEvent.Action) -> Bool {
            events.contains(WatchEvent(path: path, action: action))
        }

        func paths(_ action: WatchEvent.Action) -> Set<String> {
            Set(events.filter { $0.action == action }.map(\.path))
        }

        func clear() { events = [] }
    }

    let log = Log()
    private let runner: Task<Void, Never>
    private let reader: Task<Void, Never>

    /// Starts watching `paths` (relative to `folder`).
    init(_ folder: TemporaryFolder, watching paths: [String]) throws {
        let watcher = try FileWatcher(paths: paths.map { folder.url.appendingPathComponent($0) })
        let log = self.log
        runner = Task { await watcher.run() }
        reader = Task { for await batch in watcher.events { await log.append(batch) } }
    }

    deinit {
        runner.cancel()
    }

    /// Waits until `path` was reported with `action`.
    func expect(_ path: String, _ action: WatchEvent.Action, timeout: Duration = .seconds(5)) async throws {
        let log = self.log
        try await waitUntil(timeout: timeout) { await log.contains(path, action) }
    }

    /// Stops the watcher and waits until its event stream finished.
    func stop() async {
        runner.cancel()
        await runner.value
        await reader.value
    }
}
