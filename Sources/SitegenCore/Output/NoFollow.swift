import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Folder operations below an open folder that never follow a symbolic link: every step of a
/// path is opened by name below its parent's descriptor with `O_NOFOLLOW`. A folder that was
/// once the output (the spare site) may hold anything a user put there, such as
/// `skills -> /elsewhere`; through these, nothing outside it is read, written or removed.
enum NoFollow {
    /// Opens the folder `relative` (`roles/engineer`; "" is `root` itself) below `root`. With
    /// `create`, missing folders are made and anything else in a folder's place (a link, a
    /// file) is removed first. -1 when a step is missing (or cannot be made). The caller
    /// closes a descriptor other than `root`.
    static func openFolder(below root: Int32, _ relative: Substring, create: Bool) -> Int32 {
        var current = root
        for part in relative.split(separator: "/") {
            let name = String(part)
            var next = openat(current, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && create { next = make(name, in: current) }
            if current != root { _ = systemClose(current) }
            guard next >= 0 else { return -1 }
            current = next
        }
        return current
    }

    /// Threads that find the same non-folder in a folder's place replace it one at a time
    /// (the second finds the first one's folder).
    private static let replacing = Mutex(())

    /// Makes and opens the folder `name` in `parent`, replacing what is there instead.
    private static func make(_ name: String, in parent: Int32) -> Int32 {
        replacing.withLock { _ in
            var folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard folder < 0 else { return folder }
            if errno != ENOENT { remove(name, in: parent) }
            if mkdirat(parent, name, 0o755) == 0 || errno == EEXIST {
                folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            return folder
        }
    }

    /// Runs `body` with the folder holding `path` (opened below `root` as `openFolder` does)
    /// and the file's own name; nil when the folder is not there.
    static func withParent<T>(below root: Int32, of path: String, create: Bool = false, _ body: (Int32, String) -> T?) -> T? {
        let slash = path.lastIndex(of: "/")
        let parent = openFolder(below: root, slash.map { path[..<$0] } ?? "", create: create)
        guard parent >= 0 else { return nil }
        defer { if parent != root { _ = systemClose(parent) } }
        return body(parent, slash.map { String(path[path.index(after: $0)...]) } ?? path)
    }

    /// Removes the entry `name` of the folder `parent`: a file or link itself, a folder with
    /// everything in it. Missing entries are fine.
    static func remove(_ name: String, in parent: Int32) {
        // A file or a link goes in one call (the common case); a folder is emptied first.
        guard unlinkat(parent, name, 0) != 0, errno != ENOENT else { return }
        var status = stat()
        guard fstatat(parent, name, &status, AT_SYMLINK_NOFOLLOW) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return }
        let folder = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if folder >= 0 {
            for entry in entries(of: folder) { remove(entry, in: folder) }
            _ = systemClose(folder)
        }
        unlinkat(parent, name, AT_REMOVEDIR)
    }

    /// The names in an open folder (without `.` and `..`); the descriptor stays open.
    static func entries(of folder: Int32) -> [String] {
        let copy = dup(folder)
        guard copy >= 0, let stream = fdopendir(copy) else { return [] }
        defer { closedir(stream) }
        // The copy shares the folder's reading position: start from the first entry.
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
