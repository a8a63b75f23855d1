import ServiceLifecycle

/// The server's background work, run beside the HTTP server: watch the sources, debounce,
/// rebuild one batch at a time, tell the pages; keep event streams alive; end them all when
/// graceful shutdown starts (a parked stream would otherwise hold the server open).
struct LiveReloadService: Service {
    /// The watcher, or nil with `--no-watch`.
    var watcher: FileWatcher?
    /// Changed paths are classified relative to this folder.
    var sourceRoot: String
    /// Where outcomes go.
    var hub: ReloadHub
    /// The caller's rebuild.
    var rebuild: DevServer.Rebuild
    /// Debounce quiet period.
    var quietPeriod: Duration
    /// Keep-alive interval.
    var heartbeat: Duration

    func run() async throws {
        await withDiscardingTaskGroup { group in
            if let watcher {
                let debouncer = ChangeDebouncer(quietPeriod: quietPeriod)
                group.addTask { await watcher.run() }
                group.addTask {
                    for await events in watcher.events {
                        await debouncer.add(ChangeSet.from(events, siteRoot: sourceRoot))
                    }
                    await debouncer.finish()
                }
                group.addTask { await rebuildLoop(debouncer) }
            }
            group.addTask {
                while (try? await Task.sleep(for: heartbeat)) != nil { await hub.ping() }
            }
            try? await gracefulShutdown()
            await hub.finishAll()
            group.cancelAll()
        }
    }

    /// One rebuild per quiet batch; changes arriving during a rebuild make the next batch.
    private func rebuildLoop(_ debouncer: ChangeDebouncer) async {
        for await _ in debouncer.arrivals {
            let changes = await debouncer.takeWhenQuiet()
            guard !changes.isEmpty, !Task.isCancelled else { continue }
            await hub.publish(await rebuild(changes))
        }
    }
}
