import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// The development server behind `sitegen serve`: serves a built site folder over HTTP, watches
/// the sources, calls the caller's rebuild after each burst of changes and live-reloads open
/// pages once the new site is swapped in. It knows nothing of how the site is built.
public struct DevServer: Sendable {
    /// Rebuilds the site for the given changes; returns once the new site is in place (or the
    /// build failed and the old one was kept).
    public typealias Rebuild = @Sendable (ChangeSet) async -> RebuildOutcome

    /// What to serve and watch, and where.
    public var configuration: DevServerConfiguration
    private let rebuild: Rebuild

    /// Creates a server; nothing runs until `run`.
    public init(configuration: DevServerConfiguration, rebuild: @escaping Rebuild) {
        self.configuration = configuration
        self.rebuild = rebuild
    }

    /// Serves until SIGINT or SIGTERM, then stops gracefully (open event streams are ended,
    /// the watcher stopped). `onReady` gets the server's address once it listens.
    public func run(onReady: @escaping @Sendable (URL) async -> Void = { _ in }) async throws {
        let hub = ReloadHub(failure: configuration.initialFailure)
        let watcher = configuration.watchPaths.isEmpty ? nil : try FileWatcher(paths: configuration.watchPaths)
        let service = LiveReloadService(
            watcher: watcher, sourceRoot: configuration.sourceRoot.path, hub: hub, rebuild: rebuild,
            quietPeriod: configuration.quietPeriod, heartbeat: configuration.heartbeat)
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        let fallbackPort = configuration.port
        let app = application(hub: hub, services: [service]) { port in
            await onReady(URL(string: "http://\(host):\(port ?? fallbackPort)/")!)
        }
        try await app.runService()
    }

    /// The HTTP application (tests drive it in-process with HummingbirdTesting).
    func application(
        hub: ReloadHub, services: [any Service] = [], onReady: @escaping @Sendable (Int?) async -> Void = { _ in }
    ) -> Application<SiteResponder> {
        var logger = Logger(label: "sitegen.serve")
        logger.logLevel = configuration.verbose ? .info : .warning
        let responder = SiteResponder(
            folder: SiteFolder(root: configuration.siteFolder), hub: hub, policy: LoopbackPolicy(boundHost: configuration.host))
        return Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: services,
            onServerRunning: { channel in await onReady(channel.localAddress?.port) },
            logger: logger)
    }
}
