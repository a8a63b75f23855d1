import Foundation
import Hummingbird

@testable import SitegenServer

/// A small built site in a temporary folder, beside a folder of secrets it must never leak,
/// and the dev server's application over it.
struct ServedSite {
    /// The text of the file outside the site that traversal probes aim at.
    static let secret = "TOP-SECRET-OUTSIDE-THE-SITE"

    /// Holds `site/` (served) and `outside/` (must stay unreachable).
    let folder: TemporaryFolder
    /// The live-reload state the application uses.
    let hub: ReloadHub

    /// Writes the site: pages, assets of several types, a 404 page, and symlinks both inside
    /// the site and pointing out of it.
    init(failure: String? = nil) throws {
        folder = try TemporaryFolder()
        hub = ReloadHub(failure: failure)
        let pages = [
            "site/index.html": "<!DOCTYPE html><html><head><title>Home</title></head><body><h1>Home</h1></body></html>",
            "site/roles/index.html": "<!DOCTYPE html><html><body><h1>Roles</h1></body></html>",
            "site/roles/producer/index.html": "<!DOCTYPE html><html><body><h1>Producer</h1></BODY></html>",
            "site/404.html": "<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>",
            "site/assets/site.css": "body { color: black; }",
            "site/assets/app.js": "console.log('</body>');",
            "site/data.json": "{\"a\": 1}",
            "site/sitemap.xml": "<?xml version=\"1.0\"?><urlset></urlset>",
            "site/robots.txt": "User-agent: *",
            "site/.sitegen-output": "marker",
            "outside/secret.txt": Self.secret,
        ]
        for (path, text) in pages { try folder.write(path, text) }
        try folder.write("site/logo.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        try folder.link("site/leak.txt", to: "../outside/secret.txt")
        try folder.link("site/leak", to: "../outside")
        try folder.link("site/alias.css", to: "assets/site.css")
        try folder.link("site/passwd", to: "/etc/passwd")
    }

    /// The served folder.
    var root: URL { folder.url.appendingPathComponent("site") }

    /// The application over the site (no watching).
    func application(host: String = "127.0.0.1") -> Application<SiteResponder> {
        let configuration = DevServerConfiguration(siteFolder: root, sourceRoot: folder.url, watchPaths: [], host: host, port: 0)
        return DevServer(configuration: configuration) { _ in .success }.application(hub: hub)
    }
}

/// Waits (polling) until `condition` holds, or fails after `timeout`.
func waitUntil(timeout: Duration = .seconds(5), _ condition: @Sendable () async -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while !(await condition()) {
        guard ContinuousClock.now < deadline else { throw TimedOut() }
        try await Task.sleep(for: .milliseconds(5))
    }
}

/// `waitUntil` ran out of time.
struct TimedOut: Error {}
