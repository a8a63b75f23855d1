/// The source changes one rebuild answers: every changed path, relative to the site root, with
/// its kind. A folder that disappeared is listed by its own path.
public struct ChangeSet: Sendable, Equatable {
    /// Changed paths (relative to the site root, `/`-separated) and what they are.
    public var files: [String: ChangeKind]
    /// True when the watcher may have missed changes (the kernel's event queue overflowed):
    /// nothing short of a full rebuild is safe.
    public var isComplete: Bool

    /// Creates a change set.
    public init(files: [String: ChangeKind] = [:], isComplete: Bool = false) {
        self.files = files
        self.isComplete = isComplete
    }

    /// A change set that asks for everything to be rebuilt.
    public static let everything = ChangeSet(isComplete: true)

    /// True when there is nothing to rebuild.
    public var isEmpty: Bool { files.isEmpty && !isComplete }

    /// The kinds present, so a caller can tell a content edit from a template or config change.
    public var kinds: Set<ChangeKind> { Set(files.values) }

    /// True when a template or config change (or lost events) can affect every page.
    public var affectsEverything: Bool { isComplete || kinds.contains(.template) || kinds.contains(.config) }

    /// Adds `other`'s changes to these.
    public mutating func merge(_ other: ChangeSet) {
        files.merge(other.files) { _, new in new }
        isComplete = isComplete || other.isComplete
    }

    /// The site's changes among `events`: paths outside `siteRoot` and ignored names dropped,
    /// an overflow turned into `everything`.
    static func from(_ events: [WatchEvent], siteRoot: String) -> ChangeSet {
        var changes = ChangeSet()
        let prefix = siteRoot.hasSuffix("/") ? siteRoot : siteRoot + "/"
        for event in events {
            if event.action == .overflow {
                changes.isComplete = true
                continue
            }
            guard event.path.hasPrefix(prefix) else { continue }
            let relative = String(event.path.dropFirst(prefix.count))
            if let kind = ChangeKind.classify(relative) { changes.files[relative] = kind }
        }
        return changes
    }
}
