import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The site before the output's current one, kept beside it (`.Output.sitegen-spare`) so the
/// next build starts its staging folder from it instead of from nothing. The exchange that
/// puts a new site in place leaves the old one in the staging folder's place; rather than
/// removing it, the build keeps it as the spare. Most of its files are hard links to the
/// output's own, so the next build has to change in it only the files that differ — at 10k
/// roles, linking every unchanged file into an empty folder and removing the old site after
/// the exchange had been most of a warm build.
///
/// Nothing about the spare is taken on trust: each file the next build keeps must have the
/// exact stamp (size, modification time, inode) the output's manifest records for it, and
/// each folder modified since the spare's build wrote its marker — by a user, while it was
/// the output, or by a build that failed — is read and stripped of what the new site lacks.
struct SpareSite: Sendable {
    /// The files the spare holds, as the build that made the site recorded them, in order.
    var paths: [String]
    /// The stamp of the spare's `.sitegen-output` marker, the last file its build wrote: a
    /// folder of the spare whose modification time is not before the marker's was changed
    /// after that build.
    var marker: FileStamp

    /// Where the spare of the output `destination` is kept.
    static func folder(of destination: URL) -> URL {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).sitegen-spare")
    }

    /// Whether a folder's status says it was modified at or after the marker was written.
    func isModified(_ status: stat) -> Bool {
        let folder = FileStamp(status)
        return (folder.modifiedSeconds, folder.modifiedNanoseconds) >= (marker.modifiedSeconds, marker.modifiedNanoseconds)
    }
}

extension OutputStaging {
    /// Makes the staging folder, which began as the spare site, hold exactly the new site's
    /// files but those still to be rendered: for each planned path (in path order, on every
    /// core) whose `expected` stamp is given, the spare's file is kept when it has that stamp,
    /// else the output's file with that stamp is linked in its place; then the spare's files
    /// the new site lacks are removed, and every folder modified since the spare's build is
    /// stripped of entries the new site does not have. Returns, for each item, its stamp, or
    /// nil where neither the spare nor the output holds the file as recorded (or none was
    /// expected).
    func reconcile(_ items: [(path: String, expected: FileStamp?)], order: PathOrder, spare: SpareSite) throws(BuildFailure) -> [FileStamp?] {
        let root = rootDescriptor
        // What the check saw while the site was loaded: a file seen with its expected stamp
        // is kept as it is.
        let early = earlyStamps(items, order: order, spare: spare)
        let results = order.runs.parallelMap { indexes -> Result<(found: [(Int, FileStamp?)], modified: [String]), BuildFailure> in
            var cursor = SpareCursor(root: root, spare: spare, staging: self)
            defer { cursor.close() }
            var found: [(Int, FileStamp?)] = []
            found.reserveCapacity(indexes.count)
            do throws(BuildFailure) {
                for index in indexes {
                    if let expected = items[index].expected, early?.stamps[index] == expected {
                        found.append((index, expected))
                        continue
                    }
                    found.append((index, try cursor.settle(items[index].path, expected: items[index].expected)))
                }
                return .success((found, cursor.modified))
            } catch {
                return .failure(error)
            }
        }
        var stamps: [FileStamp?] = Array(repeating: nil, count: items.count)
        var modified: Set<String> = Set(early?.modified ?? []).union([""])
        for result in results {
            let (found, folders) = try result.get()
            for (index, stamp) in found { stamps[index] = stamp }
            modified.formUnion(folders)
        }
        // The plan and the spare's files, both in path order, are merged (no set of 35k paths).
        let planned = order.paths
        var stale: [String] = []
        var next = 0
        for path in spare.paths {
            while next < planned.sorted.count && planned.sorted[next] < path { next += 1 }
            if next < planned.sorted.count && planned.sorted[next] == path { continue }
            if !planned.hasFiles(below: path) { stale.append(path) }
        }
        removeStale(stale, planned: planned)
        for folder in modified.sorted() { strip(folder, planned: planned) }
        return stamps
    }

    /// The stamps the spare's check (`SpareCheck`) found for the items' paths, and the folders
    /// it found modified; nil when there was no check of this folder.
    private func earlyStamps(_ items: [(path: String, expected: FileStamp?)], order: PathOrder, spare: SpareSite) -> SpareCheck.Seen? {
        var status = stat()
        guard let found = check?.wait(), fstat(rootDescriptor, &status) == 0, found.folder == (UInt64(status.st_dev), UInt64(status.st_ino)),
            found.stamps.count == spare.paths.count
        else { return nil }
        var stamps: [FileStamp?] = Array(repeating: nil, count: items.count)
        // Both in path order: one merge.
        var next = 0
        for index in order.order {
            let path = items[index].path
            while next < spare.paths.count && spare.paths[next] < path { next += 1 }
            if next < spare.paths.count && spare.paths[next] == path { stamps[index] = found.stamps[next] }
        }
        return (stamps, found.modified)
    }

    /// Removes the spare's files the new site lacks: the highest folder on a file's path that
    /// holds no planned file goes whole, else the file alone.
    private func removeStale(_ paths: [String], planned: SortedPaths) {
        var removed: Set<String> = []
        for path in paths {
            var end = path.startIndex
            var gone = false
            while let slash = path[end...].firstIndex(of: "/") {
                let folder = String(path[..<slash])
                if !planned.hasFiles(below: folder) {
                    if removed.insert(folder).inserted { removeEntry(folder) }
                    gone = true
                    break
                }
                end = path.index(after: slash)
            }
            if !gone { removeEntry(path) }
        }
    }

    /// Removes from the staging folder `folder` every entry the new site does not have.
    private func strip(_ folder: String, planned: SortedPaths) {
        let descriptor = NoFollow.openFolder(below: rootDescriptor, Substring(folder), create: false)
        guard descriptor >= 0 else { return }
        defer { if descriptor != rootDescriptor { _ = systemClose(descriptor) } }
        let kept: Set<String> = folder.isEmpty ? OutputWriter.placeholderNames.union([OutputWriter.markerName]) : []
        for name in NoFollow.entries(of: descriptor) where !kept.contains(name) {
            let path = folder.isEmpty ? name : folder + "/" + name
            if !planned.contains(path) && !planned.hasFiles(below: path) { NoFollow.remove(name, in: descriptor) }
        }
    }

    /// Removes the file or folder at `path` below the staging folder, never through a link.
    private func removeEntry(_ path: String) {
        _ = NoFollow.withParent(below: rootDescriptor, of: path) { parent, name -> Void? in NoFollow.remove(name, in: parent) }
    }
}

/// The folders of one path in the staging folder that began as the spare, open (never through
/// a link; made, or put in place of a non-folder, where needed) while the next paths share
/// them; notes each folder modified since the spare's build.
private struct SpareCursor {
    let root: Int32
    let spare: SpareSite
    let staging: OutputStaging
    var parts: [Substring] = []
    var folders: [Int32] = []
    /// The relative path of the folder open last (`parts` joined).
    private var openPath: Substring = ""
    /// Folders (relative paths) modified since the spare's build.
    var modified: [String] = []

    init(root: Int32, spare: SpareSite, staging: OutputStaging) {
        self.root = root
        self.spare = spare
        self.staging = staging
    }

    /// The folders on the last path below its top folder (the one the cursor keeps open) that
    /// were looked at without being opened, in order, and whether each is a real folder.
    private var looked: [(folder: Substring, isFolder: Bool)] = []

    /// Makes the staging folder's file at `path` the output's file with the stamp `expected`
    /// (keeping the spare's when it is that file); nil when `expected` is nil or neither holds it.
    mutating func settle(_ path: String, expected: FileStamp?) throws(BuildFailure) -> FileStamp? {
        let slash = path.lastIndex(of: "/")
        let folderPath = slash.map { path[..<$0] } ?? ""
        // The common case opens nothing but the top folder (`roles`), which the cursor keeps
        // open: each folder below it on the path is looked at once (it must be a real folder;
        // its time says whether it changed), and the file through them; at 10k roles, opening
        // each page's folder had been most of the cost.
        if let first = path.firstIndex(of: "/") {
            let top = path[..<first]
            try move(to: top)
            let parent = folders.last ?? root
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
                    if isFolder && spare.isModified(status) { modified.append(top + "/" + folder) }
                    looked.append((folder, isFolder))
                }
                guard looked[depth].isFolder else {
                    allFolders = false
                    break
                }
                depth += 1
                from = rest.index(after: next)
            }
            if allFolders {
                looked.removeSubrange(depth...)
                guard let expected else { return nil }
                var status = stat()
                if fstatat(parent, String(rest), &status, AT_SYMLINK_NOFOLLOW) == 0, FileStamp.isRegularFile(status), FileStamp(status) == expected {
                    return expected
                }
            }
        }
        try move(to: folderPath)
        guard let expected else { return nil }
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let folder = folders.last ?? root
        var status = stat()
        if fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0, FileStamp.isRegularFile(status), FileStamp(status) == expected { return expected }
        try staging.writer.faults?.beforeWrite(path)
        NoFollow.remove(name, in: folder)
        let linked = staging.previous.withParent(of: path) { output, outputName -> Bool in
            var status = stat()
            return fstatat(output, outputName, &status, AT_SYMLINK_NOFOLLOW) == 0 && FileStamp.isRegularFile(status) && FileStamp(status) == expected
                && linkat(output, outputName, folder, name, 0) == 0
        }
        return linked == true ? expected : nil
    }

    /// Opens the folders of `folder` (a relative path), sharing those already open.
    private mutating func move(to folder: Substring) throws(BuildFailure) {
        if openPath == folder { return }
        looked = []
        try move(to: folder.split(separator: "/"))
        openPath = folder
    }

    private mutating func move(to target: [Substring]) throws(BuildFailure) {
        var common = 0
        while common < parts.count, common < target.count, parts[common] == target[common] { common += 1 }
        while parts.count > common { pop() }
        for part in target[common...] {
            let descriptor = NoFollow.openFolder(below: folders.last ?? root, part, create: true)
            guard descriptor >= 0 else {
                throw OutputWriter.failure(
                    "cannot write the output: \(target.joined(separator: "/")): \(String(cString: strerror(errno)))", unchanged: true)
            }
            parts.append(part)
            folders.append(descriptor)
            var status = stat()
            if fstat(descriptor, &status) != 0 || spare.isModified(status) { modified.append(parts.joined(separator: "/")) }
        }
    }

    private mutating func pop() {
        if let folder = folders.popLast() { _ = systemClose(folder) }
        parts.removeLast()
    }

    mutating func close() {
        while !parts.isEmpty { pop() }
        openPath = ""
    }
}
