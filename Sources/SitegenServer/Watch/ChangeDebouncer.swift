/// Gathers changes and releases them only once none arrived for a quiet period, so an editor's
/// burst (temp file, write, rename) or a `git checkout` becomes one rebuild.
actor ChangeDebouncer {
    /// How long no change must arrive before the gathered ones are released.
    let quietPeriod: Duration
    /// One element whenever changes arrived since the last `takeWhenQuiet()` (at most one
    /// waits, so changes that arrive during a rebuild lead to exactly one more).
    nonisolated let arrivals: AsyncStream<Void>
    private let arrival: AsyncStream<Void>.Continuation
    private var pending = ChangeSet()
    private var lastArrival = ContinuousClock.now

    /// Creates a debouncer.
    init(quietPeriod: Duration) {
        self.quietPeriod = quietPeriod
        (arrivals, arrival) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Adds changes (ignored when empty) and restarts the quiet period.
    func add(_ changes: ChangeSet) {
        guard !changes.isEmpty else { return }
        pending.merge(changes)
        lastArrival = .now
        arrival.yield()
    }

    /// Ends `arrivals`.
    func finish() {
        arrival.finish()
    }

    /// Waits until no change arrived for the quiet period, then hands out (and forgets) the
    /// gathered changes. Returns at once, possibly empty, when the task is cancelled.
    func takeWhenQuiet() async -> ChangeSet {
        while !Task.isCancelled {
            let quietAt = lastArrival + quietPeriod
            guard ContinuousClock.now < quietAt else { break }
            try? await Task.sleep(until: quietAt, clock: .continuous)
        }
        defer { pending = ChangeSet() }
        return pending
    }
}
