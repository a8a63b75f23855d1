import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The folders one inotify descriptor watches, by watch descriptor, and what each raw event on
/// them means. It keeps itself complete: inotify is not recursive, so every new folder gets its
/// own watch and is rescanned (files created in it before the watch existed sent no event);
/// folders moved away lose theirs.
struct WatchTable {
    /// A watched folder and which of its entries matter.
    struct Folder: Equatable {
        /// The folder's absolute path.
        var path: String
        /// The entries that matter; nil for all of them (a folder inside a watched tree).
        var names: Set<String>?
    }

    /// The inotify descriptor the watches belong to.
    let descriptor: Int32
    /// What was asked for: folders are watched recursively, files through their parent folder.
    let roots: [String]
    /// Every watched folder, by watch descriptor.
    private(set) var folders: [Int32: Folder] = [:]

    /// Watches `roots` now; a root that does not exist yet is picked up when it appears.
    init(descriptor: Int32, roots: [String]) {
        self.descriptor = descriptor
        self.roots = roots
        watchRoots()
    }

    /// What `event` means for the watched paths, adding and dropping watches on the way.
    mutating func apply(_ event: InotifyEvent) -> [WatchEvent] {
        if event.isOverflow {
            watchRoots()
            return [.overflow]
        }
        guard let folder = folders[event.watch] else { return [] }
        if event.isWatchGone {
            folders[event.watch] = nil
            return []
        }
        guard !event.name.isEmpty, folder.names?.contains(event.name) ?? true else { return [] }
        let path = folder.path + "/" + event.name
        if event.isFolder {
            if event.isArrival {
                // The folder itself (it may be empty, or a watched root moved back), then its files.
                return ChangeKind.isIgnoredName(event.name) ? [] : [WatchEvent(path: path, action: .created)] + watchTree(path, reportFiles: true)
            }
            if event.has(IN_MOVED_FROM) { unwatchTree(path) }
            return event.isDeparture ? [WatchEvent(path: path, action: .removed)] : []
        }
        if event.isArrival { return [WatchEvent(path: path, action: .created)] }
        if event.isWrite { return [WatchEvent(path: path, action: .modified)] }
        if event.isDeparture { return [WatchEvent(path: path, action: .removed)] }
        return []
    }

    /// Watches every root again (after an overflow some folders may have been missed).
    private mutating func watchRoots() {
        for root in roots {
            let url = URL(fileURLWithPath: root)
            watchEntry(url.lastPathComponent, in: url.deletingLastPathComponent().path)
            var info = stat()
            if stat(root, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR {
                _ = watchTree(root, reportFiles: false)
            }
        }
    }

    /// Watches `folder` for events about the entry `name` only (how a single file, or a root
    /// folder that may be created or replaced later, is watched).
    private mutating func watchEntry(_ name: String, in folder: String) {
        let watch = inotify_add_watch(descriptor, folder, InotifyEvent.watchMask)
        guard watch >= 0 else { return }
        guard var existing = folders[watch] else {
            folders[watch] = Folder(path: folder, names: [name])
            return
        }
        existing.path = folder
        existing.names?.insert(name)
        folders[watch] = existing
    }

    /// Watches `root` and every folder below it (not following symlinks); returns the files
    /// found when `reportFiles` is set, as creations.
    private mutating func watchTree(_ root: String, reportFiles: Bool) -> [WatchEvent] {
        var found: [WatchEvent] = []
        var pending = [root]
        while let folder = pending.popLast() {
            let watch = inotify_add_watch(descriptor, folder, InotifyEvent.watchMask)
            guard watch >= 0 else { continue }
            folders[watch] = Folder(path: folder, names: nil)
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in entries.sorted() where !ChangeKind.isIgnoredName(name) {
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { continue }
                if info.st_mode & S_IFMT == S_IFDIR {
                    pending.append(path)
                } else if reportFiles {
                    found.append(WatchEvent(path: path, action: .created))
                }
            }
        }
        return found
    }

    /// Drops the watches on `root` and below (it moved away; if it moved inside the tree its
    /// arrival watches it again under the new path).
    private mutating func unwatchTree(_ root: String) {
        for (watch, folder) in folders where folder.names == nil && (folder.path == root || folder.path.hasPrefix(root + "/")) {
            inotify_rm_watch(descriptor, watch)
            folders[watch] = nil
        }
    }
}
