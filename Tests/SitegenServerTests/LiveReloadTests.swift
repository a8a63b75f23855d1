import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import SitegenServer

/// The live-reload event stream, its guard, and the events it carries.
struct LiveReloadTests {
    /// Opens the event stream, runs `events` once it is subscribed, then ends every stream and
    /// returns the response.
    static func stream(
        _ site: ServedSite, headers: HTTPFields = [:], then events: @escaping @Sendable () async -> Void
    ) async throws -> TestResponse {
        let hub = site.hub
        return try await site.application().test(.router) { client in
            try await withThrowingTaskGroup(of: TestResponse.self) { group in
                group.addTask { try await client.execute(uri: "/__sitegen/events", method: .get, headers: headers) }
                try await waitUntil { await hub.subscriberCount == 1 }
                await events()
                await hub.finishAll()
                return try await group.next()!
            }
        }
    }

    @Test func streamStartsWithHelloNamingTheCurrentBuild() async throws {
        let site = try ServedSite()
        let build = await site.hub.buildID
        let response = try await Self.stream(site) {}
        #expect(response.status == .ok)
        #expect(response.headers[.contentType] == "text/event-stream; charset=utf-8")
        #expect(response.headers[.cacheControl] == "no-store")
        #expect(String(buffer: response.body) == "retry: 1000\nevent: hello\ndata: \(build)\n\n")
    }

    @Test func successfulRebuildSendsReloadWithTheNewBuild() async throws {
        let site = try ServedSite()
        let before = await site.hub.buildID
        let response = try await Self.stream(site) { await site.hub.publish(.success) }
        let after = await site.hub.buildID
        #expect(before != after)
        #expect(String(buffer: response.body).hasSuffix("event: reload\ndata: \(after)\n\n"))
    }

    @Test func failedRebuildSendsTheDiagnosticsAndKeepsTheBuild() async throws {
        let site = try ServedSite()
        let before = await site.hub.buildID
        let diagnostics = "Content/roles/producer.md:3:1: error: YAML syntax error\n    title: [unclosed\n    ^"
        let response = try await Self.stream(site) { await site.hub.publish(.failure(diagnostics: diagnostics)) }
        #expect(await site.hub.buildID == before)
        #expect(
            String(buffer: response.body).hasSuffix(
                "event: build-error\ndata: Content/roles/producer.md:3:1: error: YAML syntax error\n"
                    + "data:     title: [unclosed\ndata:     ^\n\n"))
    }

    @Test func pageOpenedWhileBrokenGetsTheErrorRightAway() async throws {
        let site = try ServedSite(failure: "sitegen.yml:1:1: error: bad")
        let response = try await Self.stream(site) {}
        #expect(String(buffer: response.body).hasSuffix("event: build-error\ndata: sitegen.yml:1:1: error: bad\n\n"))
    }

    @Test func successAfterFailureClearsTheError() async throws {
        let site = try ServedSite(failure: "x")
        await site.hub.publish(.success)
        #expect(await site.hub.failure == nil)
        let response = try await Self.stream(site) {}
        #expect(!String(buffer: response.body).contains("build-error"))
    }

    @Test func streamAcceptsLoopbackOrigins() async throws {
        let site = try ServedSite()
        let response = try await Self.stream(site, headers: [.origin: "http://127.0.0.1:8000"]) {}
        #expect(response.status == .ok)
    }

    @Test(arguments: ["http://evil.example", "https://localhost:8000", "null", "http://localhost.evil.example:8000"])
    func streamRefusesOtherOrigins(origin: String) async throws {
        let site = try ServedSite()
        try await site.application().test(.router) { client in
            try await client.execute(uri: "/__sitegen/events", method: .get, headers: [.origin: origin]) { response in
                #expect(response.status == .forbidden)
            }
        }
        #expect(await site.hub.subscriberCount == 0)
    }

    @Test(
        arguments: [
            ("localhost:8000", nil, true),
            ("127.0.0.1:8000", "http://localhost:8000", true),
            ("[::1]:8000", "http://[::1]:8000", true),
            ("evil.example:8000", nil, false),
            ("rebind.evil.example", "http://rebind.evil.example", false),
            ("localhost:8000", "http://evil.example", false),
            ("localhost:80a", nil, false),
            ("user@localhost", nil, false),
        ] as [(String, String?, Bool)])
    func loopbackPolicyChecksHostAndOrigin(host: String, origin: String?, allowed: Bool) {
        #expect(LoopbackPolicy(boundHost: "127.0.0.1").allows(host: host, origin: origin) == allowed)
    }

    @Test func loopbackPolicyAcceptsAnExplicitlyBoundHostButNotTheWildcard() {
        #expect(LoopbackPolicy(boundHost: "192.168.1.5").allows(host: "192.168.1.5:8000", origin: "http://192.168.1.5:8000"))
        #expect(!LoopbackPolicy(boundHost: "0.0.0.0").allows(host: "192.168.1.5:8000", origin: nil))
        #expect(!LoopbackPolicy(boundHost: "127.0.0.1").allows(host: nil, origin: nil))
    }

    @Test func streamingEndsRemoveTheSubscriber() async throws {
        let site = try ServedSite()
        _ = try await Self.stream(site) {}
        try await waitUntil { await site.hub.subscriberCount == 0 }
    }

    @Test func injectionGoesBeforeTheLastBodyClose() {
        let html = Array("<body><p>&lt;/body&gt;</p></body>\n</html>".utf8)
        let injected = String(decoding: ReloadScript.inject(into: html, build: "b-1"), as: UTF8.self)
        #expect(injected == "<body><p>&lt;/body&gt;</p><script src=\"/__sitegen/reload.js\" data-build=\"b-1\"></script>\n</body>\n</html>")
        let fragment = String(decoding: ReloadScript.inject(into: Array("<p>hi</p>".utf8), build: "b"), as: UTF8.self)
        #expect(fragment.hasPrefix("<p>hi</p><script"))
    }

    @Test(arguments: [
        (ServerEvent.ping, ": ping\n\n"),
        (.reload(build: "a-2"), "event: reload\ndata: a-2\n\n"),
        (.buildError("one\r\ntwo\n\nfour"), "event: build-error\ndata: one\ndata: two\ndata: \ndata: four\n\n"),
    ])
    func eventsAreFramedForTheEventStream(event: ServerEvent, wire: String) {
        #expect(event.wireFormat == wire)
    }
}
