import Hummingbird

/// Answers every request of the dev server: the live-reload stream and script under
/// `/__sitegen/`, otherwise a file of the site. Only GET and HEAD; nothing is ever cached; a
/// request with two `Host` headers gets 400.
///
/// Hummingbird's `FileMiddleware` serves files well, but the reload script must be spliced
/// into HTML bodies, symlinks leaving the folder refused and the site's 404 page served with
/// status 404; doing it here keeps that in one place.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The folder served.
    var folder: SiteFolder
    /// Live-reload state.
    var hub: ReloadHub
    /// Who may open the event stream.
    var policy: LoopbackPolicy

    static let twoHosts = "Bad request: more than one Host header.\n"
    static let host = HTTPFields.Element.Name("Host")!

    func respond(to request: Request, context: Context) async throws -> Response {
        let head = request.method == .head
        // HTTP/1's first Host header arrives as the request's authority; any other stays a
        // header. Two hosts are two answers to "which site?" (RFC 9112 §3.2: reply 400).
        if request.headers[Self.host] != nil {
            return Self.response(.badRequest, text: Self.twoHosts, head: head)
        }
        guard request.method == .get || head else {
            return Self.response(.methodNotAllowed, text: "Only GET and HEAD are supported.\n", head: false, headers: [.allow: "GET, HEAD"])
        }
        switch request.uri.path {
        case ReloadScript.eventsPath:
            return await events(request)
        case ReloadScript.path:
            return Self.response(.ok, bytes: Array(ReloadScript.source.utf8), type: ContentTypes.javaScript, head: head)
        default:
            return await file(request, context: context)
        }
    }

    /// A complete response with the headers every answer carries.
    static func response(
        _ status: HTTPResponse.Status, bytes: [UInt8], type: String, head: Bool, headers extra: HTTPFields = [:]
    ) -> Response {
        var headers = extra
        headers[.contentType] = type
        headers[.contentLength] = String(bytes.count)
        headers[.cacheControl] = "no-store"
        headers[.xContentTypeOptions] = "nosniff"
        let body = head || bytes.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        return Response(status: status, headers: headers, body: body)
    }

    /// A plain-text response.
    static func response(_ status: HTTPResponse.Status, text: String, head: Bool, headers: HTTPFields = [:]) -> Response {
        response(status, bytes: Array(text.utf8), type: ContentTypes.plainText, head: head, headers: headers)
    }
}
