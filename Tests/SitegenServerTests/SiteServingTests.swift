import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SitegenServer

/// In-process HTTP tests of the dev server's file serving.
struct SiteServingTests {
    @Test func folderServesItsIndexPageWithTheReloadScript() async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            try await client.execute(uri: "/roles/producer/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                let body = String(buffer: response.body)
                #expect(body.contains("<h1>Producer</h1>"))
                #expect(body.contains("<script src=\"/__sitegen/reload.js\" data-build=\""))
                #expect(body.hasSuffix("</script>\n</BODY></html>"))
                #expect(response.headers[.contentLength] == String(response.body.readableBytes))
            }
        }
        let onDisk = try String(contentsOf: site.root.appendingPathComponent("roles/producer/index.html"), encoding: .utf8)
        #expect(!onDisk.contains("reload.js"))
    }

    @Test func rootServesTheHomePage() async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<h1>Home</h1>"))
            }
        }
    }

    @Test func folderWithoutTrailingSlashRedirectsToIt() async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            try await client.execute(uri: "/roles/producer?tab=duties", method: .get) { response in
                #expect(response.status == .movedPermanently)
                #expect(response.headers[.location] == "/roles/producer/?tab=duties")
            }
            try await client.execute(uri: "//roles", method: .get) { response in
                #expect(response.headers[.location] == "/roles/")
            }
        }
    }

    @Test(arguments: [
        ("/assets/site.css", "text/css; charset=utf-8"),
        ("/assets/app.js", "text/javascript; charset=utf-8"),
        ("/data.json", "application/json; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/logo.png", "image/png"),
        ("/404.html", "text/html; charset=utf-8"),
    ])
    func filesCarryTheirMediaType(path: String, contentType: String) async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == contentType)
                #expect(response.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test func reloadScriptIsInjectedIntoHTMLOnly() async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            try await client.execute(uri: "/assets/app.js", method: .get) { response in
                #expect(String(buffer: response.body) == "console.log('</body>');")
            }
            try await client.execute(uri: "/assets/site.css", method: .get) { response in
                #expect(String(buffer: response.body) == "body { color: black; }")
            }
            try await client.execute(uri: "/__sitegen/reload.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
                #expect(String(buffer: response.body).contains("new EventSource(\"/__sitegen/events\")"))
            }
        }
    }

    @Test func missingPageGetsTheSite404PageWithStatus404() async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            try await client.execute(uri: "/roles/nobody/", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.cacheControl] == "no-store")
                let body = String(buffer: response.body)
                #expect(body.contains("<h1>Page not found</h1>"))
                #expect(body.contains("/__sitegen/reload.js"))
            }
        }
    }

    @Test func missing404PageFallsBackToAMinimalPage() async throws {
        let site = try ServedSite()
        try site.folder.remove("site/404.html")
        try await site.application().test(.router) { client in
            try await client.execute(uri: "/nothing-here", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("<h1>Not found</h1>"))
            }
        }
    }

    @Test func headAnswersWithTheHeadersOfGetAndNoBody() async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            let get = try await client.execute(uri: "/roles/", method: .get)
            let head = try await client.execute(uri: "/roles/", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.contentType] == get.headers[.contentType])
            let css = try await client.execute(uri: "/assets/site.css", method: .head)
            #expect(css.headers[.contentLength] == "22")
            #expect(css.body.readableBytes == 0)
        }
    }

    @Test(arguments: [HTTPRequest.Method.post, .put, .delete, .patch, .options])
    func methodsOtherThanGetAndHeadAreRefused(method: HTTPRequest.Method) async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            try await client.execute(uri: "/index.html", method: method) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(!String(buffer: response.body).contains("Home"))
            }
        }
    }

    @Test func symlinkInsideTheSiteToAnotherSiteFileIsServed() async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            try await client.execute(uri: "/alias.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == "body { color: black; }")
            }
        }
    }

    @Test func servesOverARealSocket() async throws {
        let site = try ServedSite()
        try await site.application().test(.live) { client in
            try await client.execute(uri: "/roles/producer/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<h1>Producer</h1>"))
            }
            try await client.execute(uri: "/roles/producer/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/assets/site.css", method: .get) { response in
                #expect(String(buffer: response.body) == "body { color: black; }")
            }
        }
    }
}
