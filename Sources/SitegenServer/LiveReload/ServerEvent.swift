/// A message on the live-reload stream, and its `text/event-stream` framing.
enum ServerEvent: Sendable, Equatable {
    /// Sent first on every connection: the build now being served. A page that was served by
    /// another build (or another server process) reloads.
    case hello(build: String)
    /// A rebuild finished and was swapped in.
    case reload(build: String)
    /// A rebuild failed: the diagnostics as text, shown over the page until the next success.
    case buildError(String)
    /// A comment line that keeps idle connections alive and finds the ones that are gone.
    case ping

    /// How long the browser waits before reconnecting, in milliseconds.
    static let retryMilliseconds = 1000

    /// The event's name as the page's script listens for it.
    var name: String? {
        switch self {
        case .hello: "hello"
        case .reload: "reload"
        case .buildError: "build-error"
        case .ping: nil
        }
    }

    /// The event framed for the stream: `event:` and one `data:` line per line of text.
    var wireFormat: String {
        switch self {
        case .hello(let build):
            return "retry: \(Self.retryMilliseconds)\nevent: hello\ndata: \(build)\n\n"
        case .reload(let build):
            return "event: reload\ndata: \(build)\n\n"
        case .buildError(let text):
            let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            return "event: build-error\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
        case .ping:
            return ": ping\n\n"
        }
    }
}
