/// One change the file watcher saw, by absolute path.
struct WatchEvent: Sendable, Hashable {
    /// What happened to the path.
    enum Action: Sendable, Hashable {
        /// Created, or moved in (an editor's rename over the old file lands here too).
        case created
        /// Written and closed.
        case modified
        /// Deleted or moved away.
        case removed
        /// The kernel dropped events; `path` is empty and anything may have changed.
        case overflow
    }

    /// The absolute path (empty for `.overflow`).
    var path: String
    /// What happened.
    var action: Action

    static let overflow = WatchEvent(path: "", action: .overflow)
}
