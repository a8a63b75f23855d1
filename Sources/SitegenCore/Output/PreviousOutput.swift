import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The output folder as the last build left it, read without ever following a symbolic link:
/// each folder on a path is opened by name below its parent's descriptor with `O_NOFOLLOW`,
/// so a link planted inside the output (`Output/skills -> /elsewhere`) is never read through.
/// Nothing here writes; the new site is written only into the staging folder.
final class PreviousOutput: Sendable {
    private let state: Mutex<Int32>

    /// The output folder's descriptor, or -1 when there is no output folder (or it was closed).
    var descriptor: Int32 { state.withLock { $0 } }

    /// Opens `folder` (a missing folder reads as empty).
    init(_ folder: URL) {
        state = Mutex(open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC))
    }

    /// Closes the folder; later calls do nothing (a descriptor closed twice could be another
    /// thread's file by then).
    func close() {
        state.withLock { descriptor in
            if descriptor >= 0 { _ = systemClose(descriptor) }
            descriptor = -1
        }
    }

    deinit { close() }

    /// Runs `body` with the descriptor of the folder holding `path` and the file's own name.
    func withParent<T>(of path: String, _ body: (Int32, String) -> T?) -> T? {
        let root = descriptor
        guard root >= 0 else { return nil }
        return NoFollow.withParent(below: root, of: path, body)
    }

    /// The stamp of the regular file at `path`; nil for anything else (missing, a link, a folder).
    func stamp(of path: String) -> FileStamp? {
        withParent(of: path) { folder, name in
            var status = stat()
            guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0, FileStamp.isRegularFile(status) else { return nil }
            return FileStamp(status)
        }
    }

    /// The bytes of the regular file at `path`, if it is one.
    func contents(of path: String) -> Data? {
        withParent(of: path) { folder, name in
            let file = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard file >= 0 else { return nil }
            defer { _ = systemClose(file) }
            return Self.read(file)
        }
    }

    /// Reads a whole regular file from an open descriptor.
    static func read(_ file: Int32) -> Data? {
        var status = stat()
        guard fstat(file, &status) == 0, FileStamp.isRegularFile(status) else { return nil }
        var bytes = Data(count: Int(status.st_size))
        var offset = 0
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            while offset < buffer.count {
                let count = readBytes(file, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        return complete ? bytes : nil
    }
}
