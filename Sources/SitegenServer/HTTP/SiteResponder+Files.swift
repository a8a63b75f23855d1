import Hummingbird

extension SiteResponder {
    /// The body of the 404 answer when the site has no `404.html` (yet): still a page, so the
    /// reload script can show a failed first build and reload once it is fixed.
    static let fallbackNotFound = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Not found</title></head>
        <body><h1>Not found</h1><p>There is no page at this address.</p></body></html>

        """

    /// Serves the file `request` names, a folder's `index.html`, a redirect to the folder's
    /// slash, or the site's 404 page.
    func file(_ request: Request, context: Context) async -> Response {
        let head = request.method == .head
        let target: RequestTarget
        switch RequestTarget.parse(request.uri.path) {
        case .success(let parsed): target = parsed
        case .failure(.hidden): return await notFound(head: head)
        case .failure(.badRequest): return Self.response(.badRequest, text: "Bad request.\n", head: head)
        }
        switch folder.lookup(target) {
        case .missing:
            return await notFound(head: head)
        case .redirect(let location):
            let query = request.uri.query.map { "?" + $0 } ?? ""
            return Self.response(.movedPermanently, text: "", head: head, headers: [.location: location + query])
        case .file(let path, let size):
            if ContentTypes.isHTML(path) {
                guard let response = await page(at: path, status: .ok, head: head) else { return await notFound(head: head) }
                return response
            }
            var headers: HTTPFields = [.contentType: ContentTypes.forPath(path)]
            headers[.contentLength] = String(size)
            headers[.cacheControl] = "no-store"
            headers[.xContentTypeOptions] = "nosniff"
            if head || size == 0 { return Response(status: .ok, headers: headers, body: ResponseBody()) }
            guard let body = try? await FileIO().loadFile(path: path, context: context) else { return await notFound(head: head) }
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    /// An HTML file with the reload script added; nil when it cannot be read.
    func page(at path: String, status: HTTPResponse.Status, head: Bool) async -> Response? {
        // The build is read first: if a rebuild is swapped in meanwhile, the page is new but
        // labelled old, which costs one extra reload instead of a missed one.
        let build = await hub.buildID
        guard let html = folder.read(path) else { return nil }
        return Self.response(status, bytes: ReloadScript.inject(into: html, build: build), type: ContentTypes.html, head: head)
    }

    /// The site's `404.html` with status 404, or a minimal page when it has none.
    func notFound(head: Bool) async -> Response {
        let notFoundPage = RequestTarget(components: ["404.html"], isFolder: false)
        if case .file(let path, _) = folder.lookup(notFoundPage), let response = await page(at: path, status: .notFound, head: head) {
            return response
        }
        let build = await hub.buildID
        let html = ReloadScript.inject(into: Array(Self.fallbackNotFound.utf8), build: build)
        return Self.response(.notFound, bytes: html, type: ContentTypes.html, head: head)
    }
}
