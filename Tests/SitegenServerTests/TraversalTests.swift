import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SitegenServer

/// Requests that try to leave the served folder: none may return a file's contents.
struct TraversalTests {
    /// Request paths (as sent, still percent-encoded) that must be refused with 400 or 404.
    static let probes = [
        "/../../etc/passwd",
        "/../outside/secret.txt",
        "/roles/../../outside/secret.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/",
        "/%2E%2E/outside/secret.txt",
        "/.%2e/outside/secret.txt",
        "/%2e./outside/secret.txt",
        "/..%2f..%2fetc/passwd",
        "/..%2Foutside%2Fsecret.txt",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/%252e%252e/%252e%252e/etc/passwd",
        "/..\\..\\etc\\passwd",
        "/..\\outside\\secret.txt",
        "/%5c..%5c..%5cetc%5cpasswd",
        "/..%5coutside%5csecret.txt",
        "/%00",
        "/index.html%00.css",
        "/index.html\u{0}.css",
        "/%00/../outside/secret.txt",
        "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
        "/....//....//etc/passwd",
        "//etc/passwd",
        "/leak.txt",
        "/leak/secret.txt",
        "/leak/",
        "/passwd",
        "/.sitegen-output",
        "/%2esitegen-output",
    ]

    @Test(arguments: probes)
    func traversalProbeReturnsNoFileContents(path: String) async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            for method in [HTTPRequest.Method.get, .head] {
                try await client.execute(uri: path, method: method) { response in
                    #expect([.badRequest, .notFound].contains(response.status), "\(method) \(path) → \(response.status)")
                    let body = String(buffer: response.body)
                    #expect(!body.contains(ServedSite.secret))
                    #expect(!body.contains("root:x:0:0"))
                    #expect(!body.contains("marker"))
                }
            }
        }
    }

    @Test func traversalProbesOverARealSocketReturnNoFileContents() async throws {
        let site = try ServedSite()
        try await site.application().test(.live) { client in
            for path in Self.probes where !path.contains("\u{0}") {
                let response: TestResponse
                do {
                    response = try await client.execute(uri: path, method: .get)
                } catch  where path.contains("\\") {
                    continue  // NIO's HTTP parser refuses a raw backslash (400, connection closed) before sitegen sees it.
                }
                #expect([.badRequest, .notFound].contains(response.status), "\(path) → \(response.status)")
                #expect(!String(buffer: response.body).contains(ServedSite.secret))
                #expect(!String(buffer: response.body).contains("root:x:0:0"))
            }
        }
    }

    @Test(arguments: [
        ("/", RequestTarget(components: [], isFolder: true)),
        ("/roles/producer/", RequestTarget(components: ["roles", "producer"], isFolder: true)),
        ("/roles/producer", RequestTarget(components: ["roles", "producer"], isFolder: false)),
        ("/skills/c%2B%2B/", RequestTarget(components: ["skills", "c++"], isFolder: true)),
        ("/a%20b.html", RequestTarget(components: ["a b.html"], isFolder: false)),
        ("//roles//producer/", RequestTarget(components: ["roles", "producer"], isFolder: true)),
    ])
    func requestPathIsDecodedIntoNames(path: String, expected: RequestTarget) throws {
        #expect(try RequestTarget.parse(path).get() == expected)
    }

    @Test(arguments: [
        ("/../x", RequestTarget.Rejection.badRequest),
        ("/%2e%2e/x", .badRequest),
        ("/a%2fb", .badRequest),
        ("/a%5Cb", .badRequest),
        ("/a\\b", .badRequest),
        ("/a%00", .badRequest),
        ("/a%0a", .badRequest),
        ("/a%zz", .badRequest),
        ("relative", .badRequest),
        ("/.git/config", .hidden),
        ("/roles/.hidden", .hidden),
    ])
    func unsafeRequestPathIsRejected(path: String, rejection: RequestTarget.Rejection) {
        #expect(RequestTarget.parse(path) == .failure(rejection))
    }

    @Test func redirectLocationIsCanonicalAndEncoded() {
        let target = RequestTarget(components: ["skills", "c++ & more"], isFolder: true)
        #expect(target.urlPath == "/skills/c++%20&%20more/")
        #expect(RequestTarget(components: [], isFolder: true).urlPath == "/")
    }
}
