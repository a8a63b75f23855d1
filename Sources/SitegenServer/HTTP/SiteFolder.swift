import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The output folder as the server sees it. A request target becomes a file only when the
/// file, after every symlink is resolved, is a regular file strictly inside the folder (itself
/// resolved per request: the build swaps a new folder in under the same name).
struct SiteFolder: Sendable {
    /// What a request target points at.
    enum Lookup: Sendable, Equatable {
        /// A regular file inside the folder: its resolved path and size.
        case file(path: String, size: Int)
        /// A folder asked for without its trailing slash: where to redirect.
        case redirect(String)
        /// Nothing servable.
        case missing
    }

    /// The folder served, as given.
    var root: String

    /// Creates a view of `root`.
    init(root: URL) {
        self.root = root.standardizedFileURL.path
    }

    /// Finds what `target` names: a file, a folder's `index.html`, or a redirect.
    func lookup(_ target: RequestTarget) -> Lookup {
        guard let realRoot = Self.realPath(root) else { return .missing }
        let joined = ([root] + target.components).joined(separator: "/")
        guard let found = Self.inside(realRoot, joined) else { return .missing }
        switch found.type {
        case S_IFREG:
            return target.isFolder ? .missing : .file(path: found.path, size: found.size)
        case S_IFDIR:
            guard target.isFolder || target.components.isEmpty else {
                var folder = target
                folder.isFolder = true
                return .redirect(folder.urlPath)
            }
            guard let index = Self.inside(realRoot, found.path + "/index.html"), index.type == S_IFREG else { return .missing }
            return .file(path: index.path, size: index.size)
        default:
            return .missing
        }
    }

    /// The bytes of a file `lookup` returned; nil when it vanished meanwhile.
    func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count == 0 ? bytes : nil }
            bytes += chunk[0..<count]
        }
    }

    /// `path` resolved, with its type and size, when it exists and lies inside `realRoot`.
    private static func inside(_ realRoot: String, _ path: String) -> (path: String, type: mode_t, size: Int)? {
        guard let real = realPath(path), real == realRoot || real.hasPrefix(realRoot + "/") else { return nil }
        var info = stat()
        guard stat(real, &info) == 0 else { return nil }
        return (real, info.st_mode & S_IFMT, Int(info.st_size))
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
