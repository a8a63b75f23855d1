import Hummingbird
import ServiceLifecycle

extension SiteResponder {
    /// The live-reload stream (Server-Sent Events), for pages of this machine only.
    ///
    /// A parked stream would hold up graceful shutdown, so each one ends itself when shutdown
    /// starts; it also ends (and leaves the hub) when the page goes away and a write fails.
    func events(_ request: Request) async -> Response {
        // HTTP/1's Host header arrives as the request's authority.
        guard policy.allows(host: request.head.authority, origin: request.headers[.origin]) else {
            return Self.response(.forbidden, text: "The live-reload stream is only served to pages on this machine.\n", head: false)
        }
        var headers: HTTPFields = [.contentType: ContentTypes.eventStream, .cacheControl: "no-store"]
        headers[.xContentTypeOptions] = "nosniff"
        if request.method == .head { return Response(status: .ok, headers: headers, body: ResponseBody()) }
        let subscription = await hub.subscribe()
        let body = ResponseBody { writer in
            defer { subscription.continuation.finish() }
            try await withGracefulShutdownHandler {
                for await event in subscription.events {
                    try await writer.write(ByteBuffer(string: event.wireFormat))
                }
            } onGracefulShutdown: {
                subscription.continuation.finish()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}
