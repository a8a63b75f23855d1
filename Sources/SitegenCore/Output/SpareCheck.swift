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

    /// Looks at each path component by component, on its bytes: the path and the one before it
    /// are kept as NUL-terminated bytes, so a folder the two share is looked at once, and a
    /// name is handed to the system by ending it with a NUL in place. (On `Substring`s, taking
    /// paths apart cost more than the two `fstatat` calls per page.)
    private static func look(below root: Int32, spare: SpareSite) -> Found? {
        var status = stat()
        guard fstat(root, &status) == 0 else { return nil }
        let folder = (device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
        var stamps: [FileStamp?] = []
        stamps.reserveCapacity(spare.paths.count)
        var modified: [String] = []
        let slash = UInt8(ascii: "/")
        var path: [UInt8] = []
        var last: [UInt8] = []
        // The top folder of the last path (`roles`, ending at `end`), open; the folders below it
        // looked at last, each by where it ends in the path, with whether it is a real folder.
        var top: (end: Int, descriptor: Int32)?
        var looked: [(end: Int, isFolder: Bool)] = []
        defer { if let top, top.descriptor >= 0 { _ = systemClose(top.descriptor) } }
        for each in spare.paths {
            swap(&path, &last)
            path.removeAll(keepingCapacity: true)
            path.append(contentsOf: each.utf8)
            path.append(0)
            guard let first = path.firstIndex(of: slash) else {
                stamps.append(Self.stamp(root, &path, from: 0))
                // The path before the next is still the last one with folders.
                swap(&path, &last)
                continue
            }
            if top?.end != first || !path[..<first].elementsEqual(last[..<first]) {
                if let top, top.descriptor >= 0 { _ = systemClose(top.descriptor) }
                let descriptor = Self.ended(&path, at: first) { openat(root, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
                var status = stat()
                if descriptor >= 0 && (fstat(descriptor, &status) != 0 || spare.isModified(status)) {
                    modified.append(String(decoding: path[..<first], as: UTF8.self))
                }
                top = (first, descriptor)
                looked = []
            }
            guard let parent = top?.descriptor, parent >= 0 else {
                stamps.append(nil)
                continue
            }
            let rest = first + 1
            var depth = 0
            var allFolders = true
            var from = rest
            while let next = path[from...].firstIndex(of: slash) {
                // The same folder as the last path's when every byte up to its end is (the
                // folders before it were already compared).
                if depth >= looked.count || looked[depth].end != next || !path[from..<next].elementsEqual(last[from..<next]) {
                    looked.removeSubrange(depth...)
                    var status = stat()
                    let found = Self.ended(&path, at: next) { name in
                        fstatat(parent, name + rest, &status, AT_SYMLINK_NOFOLLOW) == 0
                    }
                    let isFolder = found && (status.st_mode & S_IFMT) == S_IFDIR
                    if isFolder && spare.isModified(status) { modified.append(String(decoding: path[..<next], as: UTF8.self)) }
                    looked.append((next, isFolder))
                }
                guard looked[depth].isFolder else {
                    allFolders = false
                    break
                }
                depth += 1
                from = next + 1
            }
            looked.removeSubrange(min(depth, looked.count)...)
            stamps.append(allFolders ? Self.stamp(parent, &path, from: rest) : nil)
        }
        return Found(stamps: stamps, modified: modified, folder: folder)
    }

    /// Calls `body` with the start of `path` as a C string ending at `end` (its byte there set
    /// to NUL for the call).
    private static func ended<T>(_ path: inout [UInt8], at end: Int, _ body: (UnsafePointer<CChar>) -> T) -> T {
        let byte = path[end]
        path[end] = 0
        defer { path[end] = byte }
        return path.withUnsafeBufferPointer { bytes in
            bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { body($0) }
        }
    }

    /// The stamp of the regular file at the bytes of `path` from `start` (NUL-terminated)
    /// below `parent` (its folders already known to be real folders), nil when there is none.
    private static func stamp(_ parent: Int32, _ path: inout [UInt8], from start: Int) -> FileStamp? {
        var status = stat()
        // (Its last byte is the NUL already.)
        let found = Self.ended(&path, at: path.count - 1) { fstatat(parent, $0 + start, &status, AT_SYMLINK_NOFOLLOW) == 0 }
        guard found, FileStamp.isRegularFile(status) else { return nil }
        return FileStamp(status)
    }
}
