import Foundation
import SitegenSupport
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parsed Markdown files of a site kept in memory by a process that builds it again and
/// again (`sitegen serve`), each with the status of the file when it was read. A file whose
/// status (size, inode, modification and change times) is the one recorded, and which the
/// caller has not named as changed (`forget`), is taken as parsed without being read: at 10k
/// roles, reading, digesting and decoding every file from the cache was a third of a rebuild
/// after a one-role edit. Both signals must miss an edit for it to be missed: the watcher's
/// event and the file's change time, which no program can set.
///
/// Parses depend on the schema and on which language a path belongs to: the table is for one
/// schema (`files(for:)` empties it on another), and the caller empties it when `sitegen.yml`
/// changed.
package final class ResidentParses: Sendable {
    /// A file's status, as `stat` gives it.
    package struct Status: Sendable, Equatable {
        var size: Int64
        var inode: UInt64
        var modified: timespec
        var changed: timespec

        package init(_ info: stat) {
            size = Int64(info.st_size)
            inode = UInt64(info.st_ino)
            modified = info.st_mtim
            changed = info.st_ctim
        }

        package static func == (a: Status, b: Status) -> Bool {
            a.size == b.size && a.inode == b.inode && a.modified.tv_sec == b.modified.tv_sec && a.modified.tv_nsec == b.modified.tv_nsec
                && a.changed.tv_sec == b.changed.tv_sec && a.changed.tv_nsec == b.changed.tv_nsec
        }
    }

    /// One file as it was last parsed.
    struct Kept: Sendable {
        var status: Status
        /// The digest the loader keys parses by (`ContentLoader.parse`).
        var stamp: Digest
        var entry: ParseMemo.Entry
    }

    private struct Table: Sendable {
        var schema: Digest?
        var files: [String: Kept] = [:]
    }

    private let table = Mutex(Table())

    package init() {}

    /// The files kept for the schema `schema`, by content path (`roles/engineer.md`); the table
    /// is emptied first when it holds another schema's parses. A file's entry is its parse
    /// only while its status is the one recorded (`Kept.status`).
    func files(for schema: Digest) -> [String: Kept] {
        table.withLock { table in
            if table.schema != schema { table = Table(schema: schema) }
            return table.files
        }
    }

    /// Records the files parsed afresh, and drops those no longer listed.
    func keep(_ fresh: [(path: String, kept: Kept)], live: Set<String>) {
        table.withLock { table in
            for (path, kept) in fresh { table.files[path] = kept }
            if table.files.count > live.count { table.files = table.files.filter { live.contains($0.key) } }
        }
    }

    /// Forgets the files at `paths` (relative to `Content/`) and below them: files the watcher
    /// saw change, whatever their status says.
    package func forget(_ paths: [String]) {
        guard !paths.isEmpty else { return }
        table.withLock { table in
            for path in paths {
                table.files[path] = nil
                let folder = path.hasSuffix("/") ? path : path + "/"
                if table.files.keys.contains(where: { $0.hasPrefix(folder) }) { table.files = table.files.filter { !$0.key.hasPrefix(folder) } }
            }
        }
    }

    /// Forgets every file.
    package func forgetAll() {
        table.withLock { $0 = Table() }
    }

    /// The status of the file at `path`, following links as reading does; nil when there is no
    /// regular file.
    static func status(of path: String) -> Status? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Status(info)
    }
}
