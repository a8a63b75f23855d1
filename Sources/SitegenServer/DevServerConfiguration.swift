import Foundation

/// Everything the dev server needs, passed in by the caller (the CLI).
public struct DevServerConfiguration: Sendable {
    /// The built site to serve (the output folder).
    public var siteFolder: URL
    /// The site's source root; changed paths are classified relative to it.
    public var sourceRoot: URL
    /// Folders (watched recursively) and files to watch; empty to never rebuild.
    public var watchPaths: [URL]
    /// The address to bind; loopback unless the caller says otherwise.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The first build's diagnostics when it failed: pages show them until a rebuild succeeds.
    public var initialFailure: String?
    /// How long the sources must stay quiet before a rebuild starts. An editor's save (write a
    /// temporary file, rename it over the old one) arrives as events within a few
    /// milliseconds, so 20 ms groups them without adding much to the edit-to-reload time.
    public var quietPeriod: Duration
    /// How often open event streams get a keep-alive comment.
    public var heartbeat: Duration
    /// Log every request (Hummingbird's own logging) instead of warnings only.
    public var verbose: Bool

    /// Creates a configuration.
    public init(
        siteFolder: URL, sourceRoot: URL, watchPaths: [URL], host: String = "127.0.0.1", port: Int = 8000,
        initialFailure: String? = nil, quietPeriod: Duration = .milliseconds(20), heartbeat: Duration = .seconds(15),
        verbose: Bool = false
    ) {
        self.siteFolder = siteFolder.standardizedFileURL
        self.sourceRoot = sourceRoot.standardizedFileURL
        self.watchPaths = watchPaths.map(\.standardizedFileURL)
        self.host = host
        self.port = port
        self.initialFailure = initialFailure
        self.quietPeriod = quietPeriod
        self.heartbeat = heartbeat
        self.verbose = verbose
    }
}
