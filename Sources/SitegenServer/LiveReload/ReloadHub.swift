import Foundation

/// The live-reload state every open page shares: which build is being served, whether the
/// last rebuild failed (and why), and the open event streams to tell.
actor ReloadHub {
    /// One open event stream.
    struct Subscription: Sendable {
        /// The subscriber's number, for `unsubscribe`.
        var id: Int
        /// The events for this subscriber, starting with `hello`.
        var events: AsyncStream<ServerEvent>
        /// Finishes `events` (from a graceful-shutdown handler, which cannot wait for the hub).
        var continuation: AsyncStream<ServerEvent>.Continuation
    }

    /// Differs on every server start, so a page served before a restart reloads after it.
    private let instance: String
    private var generation = 0
    /// The diagnostics of the last rebuild when it failed; nil after a success.
    private(set) var failure: String?
    private var subscribers: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    private var nextID = 0

    /// Creates the hub; `failure` is the initial build's diagnostics when it failed.
    init(failure: String? = nil) {
        self.instance = String(UInt32.random(in: 0...UInt32.max), radix: 36)
        self.failure = failure
    }

    /// The build being served, as written into pages and sent in `hello` and `reload`.
    var buildID: String { "\(instance)-\(generation)" }

    /// How many streams are open.
    var subscriberCount: Int { subscribers.count }

    /// Opens a stream: `hello` with the current build, then the current failure if any.
    func subscribe() -> Subscription {
        let id = nextID
        nextID += 1
        let (events, continuation) = AsyncStream.makeStream(of: ServerEvent.self, bufferingPolicy: .bufferingNewest(16))
        continuation.yield(.hello(build: buildID))
        if let failure { continuation.yield(.buildError(failure)) }
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        subscribers[id] = continuation
        return Subscription(id: id, events: events, continuation: continuation)
    }

    /// Forgets a stream (called when it terminates).
    func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }

    /// Records a rebuild's outcome and tells every page: reload after a success (the new
    /// site is already swapped in), show the diagnostics after a failure.
    func publish(_ outcome: RebuildOutcome) {
        switch outcome {
        case .success:
            generation += 1
            failure = nil
            broadcast(.reload(build: buildID))
        case .failure(let diagnostics):
            failure = diagnostics
            broadcast(.buildError(diagnostics))
        }
    }

    /// Sends a keep-alive comment to every stream.
    func ping() {
        broadcast(.ping)
    }

    /// Ends every stream (the server is stopping).
    func finishAll() {
        let open = subscribers.values
        subscribers = [:]
        for continuation in open { continuation.finish() }
    }

    private func broadcast(_ event: ServerEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }
}
