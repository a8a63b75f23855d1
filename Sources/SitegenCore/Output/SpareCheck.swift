import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The spare site's files looked at on a thread of their own while the build loads and plans
/// the site: the stamp of each file the spare's build recorded, and each folder on their paths
/// modified since that build. `reconcile` then keeps a spare file whose stamp is the one
/// expected without looking again, so the two `fstatat` calls per page (a third of a warm
/// build at 10k roles) overlap the build's single-threaded steps instead of following them.
///
/// Only looks: nothing is made, removed or followed through a link. The spare folder is opened
/// once; `reconcile` uses what was found only when the staging folder is that same folder.
final class SpareCheck: Sendable {
    /// What the check found.
    struct Found: Sendable {
        /// For each of the spare's paths (`SpareSite.paths`), the stamp of the regular file
        /// there, nil when there is none or a folder on its path is not a real folder.
        var stamps: [FileStamp?]
        /// Folders (relative paths) on those paths modified since the spare's build.
        var modified: [String]
        /// The device and inode of the folder looked at.
        var folder: (device: UInt64, inode: UInt64)
    }

    /// What the check found, for the items of a plan: each item's stamp, and the folders
    /// modified.
    typealias Seen = (stamps: [FileStamp?], modified: [String])

    private let found = Mutex<Found?>(nil)
    private let finished = DispatchSemaphore(value: 0)

    private init() {}

    /// Starts looking at the spare folder of `spare`; nil when it cannot be opened.
    static func start(_ spare: SpareSite, in folder: URL) -> SpareCheck? {
        let root = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return nil }
        let check = SpareCheck()
        Thread.detachNewThread {
            defer { _ = systemClose(root) }
            let result = Self.look(below: root, spare: spare)
            check.found.withLock { $0 = result }
            check.finished.signal()
        }
        return check
    }

    /// Waits for the check; nil when it could not look.
    func wait() -> Found? {
        finished.wait()
        finished.signal()
        return found.withLock { $0 }
    }

    private static func look(below root: Int32, spare: SpareSite) -> Found? {
        var status = stat()
        guard fstat(root, &status) == 0 else { return nil }
        let folder = (device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        var stamps: [FileStamp?] = []
        stamps.reserveCapacity(spare.paths.count)
        var modified: [String] = []
        // The top folder of the last path (`roles`), open; the folders below it looked at
        // last, with whether each is a real folder.
        var top: (name: Substring, descriptor: Int32)?
        var looked: [(folder: Substring, isFolder: Bool)] = []
        defer { if let top, top.descriptor >= 0 { _ = systemClose(top.descriptor) } }
        for path in spare.paths {
            guard let first = path.firstIndex(of: "/") else {
                stamps.append(Self.stamp(root, path))
                continue
            }
            let name = path[..<first]
            if top?.name != name {
                if let top, top.descriptor >= 0 { _ = systemClose(top.descriptor) }
                let descriptor = openat(root, String(name), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                var status = stat()
                if descriptor >= 0 && (fstat(descriptor, &status) != 0 || spare.isModified(status)) { modified.append(String(name)) }
                top = (name, descriptor)
                looked = []
            }
            guard let parent = top?.descriptor, parent >= 0 else {
                stamps.append(nil)
                continue
            }
            let rest = path[path.index(after: first)...]
            var depth = 0
            var allFolders = true
            var from = rest.startIndex
            while let next = rest[from...].firstIndex(of: "/") {
                let folder = rest[..<next]
                if depth >= looked.count || looked[depth].folder != folder {
                    looked.removeSubrange(depth...)
                    var status = stat()
                    let isFolder = fstatat(parent, String(folder), &status, AT_SYMLINK_NOFOLLOW) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
                    if isFolder && spare.isModified(status) { modified.append(name + "/" + folder) }
                    looked.append((folder, isFolder))
                }
                guard looked[depth].isFolder else {
                    allFolders = false
                    break
                }
                depth += 1
                from = rest.index(after: next)
            }
            looked.removeSubrange(min(depth, looked.count)...)
            stamps.append(allFolders ? Self.stamp(parent, String(rest)) : nil)
        }
        return Found(stamps: stamps, modified: modified, folder: folder)
    }

    /// The stamp of the regular file `path` below `parent` (its folders already known to be
    /// real folders), nil when there is none.
    private static func stamp(_ parent: Int32, _ path: String) -> FileStamp? {
        var status = stat()
        guard fstatat(parent, path, &status, AT_SYMLINK_NOFOLLOW) == 0, FileStamp.isRegularFile(status) else { return nil }
        return FileStamp(status)
    }
}
