import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Taking the unchanged files of the previous output over into the staging folder, many at
/// once: in path order, so each folder on the way is opened (in the output, refusing links)
/// and made (in the staging folder) once for all the files in it, on every core.
extension OutputStaging {
    /// Brings the staging folder to the new site's files, given every planned path (`order`:
    /// their path order) and, for the pages the last build made as they are now, the stamp the
    /// manifest recorded: a staging folder that began as the spare is reconciled with the plan
    /// (`reconcile`); an empty one gets hard links to the output's files that still have their
    /// recorded stamps. The stamp of each file taken over, nil where the page has to be made
    /// (again).
    func settle(_ items: [(path: String, expected: FileStamp?)], order: PathOrder) throws(BuildFailure) -> [FileStamp?] {
        if let spare { return try reconcile(items, order: order, spare: spare) }
        let wanted = items.indices.filter { items[$0].expected != nil }
        var stamps: [FileStamp?] = Array(repeating: nil, count: items.count)
        for (index, stamp) in zip(wanted, try linkAll(wanted.map { items[$0] }, from: previous.descriptor, to: rootDescriptor)) { stamps[index] = stamp }
        return stamps
    }

    /// Links each file at `items[i].path` below the folder `source` into the same path below
    /// `target` when it is a regular file with exactly the stamp `expected` (any stamp when
    /// nil); the stamp of each file linked, nil where it was not.
    func linkAll(_ items: [(path: String, expected: FileStamp?)], from source: Int32, to target: Int32) throws(BuildFailure) -> [FileStamp?] {
        let results = PathOrder(items.map(\.path)).runs.parallelMap { indexes -> Result<[(Int, FileStamp?)], BuildFailure> in
            var cursor = FolderCursor(source: source, target: target)
            defer { cursor.close() }
            var found: [(Int, FileStamp?)] = []
            found.reserveCapacity(indexes.count)
            do throws(BuildFailure) {
                for index in indexes {
                    try writer.faults?.beforeWrite(items[index].path)
                    found.append((index, try cursor.link(items[index].path, expected: items[index].expected)))
                }
                return .success(found)
            } catch {
                return .failure(error)
            }
        }
        var stamps: [FileStamp?] = Array(repeating: nil, count: items.count)
        for result in results {
            for (index, stamp) in try result.get() { stamps[index] = stamp }
        }
        return stamps
    }
}

/// The folders of one path, open in the previous output (never through a link) and in the
/// staging folder (made on the way), kept open while the next paths share them.
private struct FolderCursor {
    let sourceRoot: Int32
    let targetRoot: Int32
    var parts: [Substring] = []
    /// Descriptors of `parts` in the output (-1 from the first part that is not a real folder).
    var sources: [Int32] = []
    var targets: [Int32] = []

    init(source: Int32, target: Int32) {
        sourceRoot = source
        targetRoot = target
    }

    mutating func link(_ path: String, expected: FileStamp?) throws(BuildFailure) -> FileStamp? {
        let slash = path.lastIndex(of: "/")
        try move(to: slash.map { path[..<$0].split(separator: "/") } ?? [])
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let source = sources.last ?? sourceRoot
        guard source >= 0 else { return nil }
        var status = stat()
        guard fstatat(source, name, &status, AT_SYMLINK_NOFOLLOW) == 0, FileStamp.isRegularFile(status), expected == nil || FileStamp(status) == expected,
            linkat(source, name, targets.last ?? targetRoot, name, 0) == 0
        else { return nil }
        return FileStamp(status)
    }

    private mutating func move(to folder: [Substring]) throws(BuildFailure) {
        var common = 0
        while common < parts.count, common < folder.count, parts[common] == folder[common] { common += 1 }
        while parts.count > common { pop() }
        for part in folder[common...] {
            let name = String(part)
            let sourceParent = sources.last ?? sourceRoot
            let source = sourceParent >= 0 ? openat(sourceParent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1
            let targetParent = targets.last ?? targetRoot
            if mkdirat(targetParent, name, 0o755) != 0 && errno != EEXIST { throw failure(folder) }
            let target = openat(targetParent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard target >= 0 else {
                if source >= 0 { _ = systemClose(source) }
                throw failure(folder)
            }
            parts.append(part)
            sources.append(source)
            targets.append(target)
        }
    }

    private mutating func pop() {
        if let source = sources.popLast(), source >= 0 { _ = systemClose(source) }
        if let target = targets.popLast() { _ = systemClose(target) }
        parts.removeLast()
    }

    mutating func close() { while !parts.isEmpty { pop() } }

    private func failure(_ folder: [Substring]) -> BuildFailure {
        OutputWriter.failure("cannot write the output: \(folder.joined(separator: "/")): \(String(cString: strerror(errno)))", unchanged: true)
    }
}
