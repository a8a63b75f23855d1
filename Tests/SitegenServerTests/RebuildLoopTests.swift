import Foundation
import Testing

@testable import SitegenServer

/// Debouncing, and the whole loop: file change → rebuild → reload event.
struct RebuildLoopTests {
    @Test func burstOfChangesIsReleasedOnceAfterTheQuietPeriod() async throws {
        let debouncer = ChangeDebouncer(quietPeriod: .milliseconds(100))
        let started = ContinuousClock.now
        for index in 0..<5 {
            await debouncer.add(ChangeSet(files: ["Content/\(index).md": .content]))
            try await Task.sleep(for: .milliseconds(20))
        }
        let batch = await debouncer.takeWhenQuiet()
        #expect(batch.files.count == 5)
        #expect(ContinuousClock.now - started >= .milliseconds(180))
        #expect(await debouncer.takeWhenQuiet().isEmpty)
    }

    @Test func emptyChangesDoNotSignal() async throws {
        let debouncer = ChangeDebouncer(quietPeriod: .milliseconds(10))
        await debouncer.add(ChangeSet())
        await debouncer.finish()
        var signals = 0
        for await _ in debouncer.arrivals { signals += 1 }
        #expect(signals == 0)
    }

    /// Records what the rebuild closure was given, and answers with a chosen outcome.
    actor Rebuilds {
        private(set) var received: [ChangeSet] = []
        var outcome = RebuildOutcome.success

        func rebuild(_ changes: ChangeSet) -> RebuildOutcome {
            received.append(changes)
            return outcome
        }

        func fail(with text: String) { outcome = .failure(diagnostics: text) }
    }

    @Test func editedSourceIsRebuiltOnceAndPagesAreToldAfterward() async throws {
        let folder = try FileWatcherTests.site()
        let hub = ReloadHub()
        let rebuilds = Rebuilds()
        let watcher = try FileWatcher(paths: FileWatcherTests.watched.map { folder.url.appendingPathComponent($0) })
        let service = LiveReloadService(
            watcher: watcher, sourceRoot: folder.url.path, hub: hub, rebuild: { await rebuilds.rebuild($0) },
            quietPeriod: .milliseconds(100), heartbeat: .seconds(60))
        let running = Task { try await service.run() }
        defer { running.cancel() }
        let subscription = await hub.subscribe()
        var events = subscription.events.makeAsyncIterator()
        #expect(await events.next() == .hello(build: await hub.buildID))

        // An editor's save: scratch file, write, rename over the original.
        try folder.write("Content/roles/.producer.md.swp", "scratch")
        try folder.write("Content/roles/producer.md.tmp", "---\ntitle: Producer 2\n---\n")
        try folder.move("Content/roles/producer.md.tmp", to: "Content/roles/producer.md")
        #expect(await events.next() == .reload(build: await hub.buildID))
        #expect(await rebuilds.received == [ChangeSet(files: ["Content/roles/producer.md": .content])])

        await rebuilds.fail(with: "Content/roles/producer.md:2:8: error: bad")
        try folder.write("Content/roles/producer.md", "broken")
        #expect(await events.next() == .buildError("Content/roles/producer.md:2:8: error: bad"))
        #expect(await rebuilds.received.count == 2)
        running.cancel()
    }
}
