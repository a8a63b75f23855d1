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

/// The new site while it is being written: a folder beside the destination that holds the
/// whole new site — pages made by this build, and hard links to the unchanged files of the
/// previous output — and is exchanged with the destination in one step by `commit()`, or
/// removed by `abandon()`. The destination is never written: at every moment it is the last
/// successful build's site, until the exchange makes it the new one.
final class OutputStaging: Sendable {
    let writer: OutputWriter
    let folder: URL
    /// The previous output, read without following links.
    let previous: PreviousOutput
    /// Folders already created below the staging folder (relative paths).
    private let createdFolders = Mutex<Set<String>>([""])

    /// Creates the staging folder (removing ones left by killed builds).
    init(writer: OutputWriter) throws(BuildFailure) {
        if let refusal = writer.refusal() { throw OutputWriter.failure(refusal) }
        self.writer = writer
        let parent = writer.destination.deletingLastPathComponent()
        folder = parent.appendingPathComponent(".\(writer.destination.lastPathComponent).sitegen-\(getpid())")
        writer.removeAbandonedStagingFolders(in: parent)
        do {
            try? FileManager.default.removeItem(at: folder)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputWriter.failure("cannot write the output: \(error.localizedDescription)", unchanged: true)
        }
        previous = PreviousOutput(writer.destination)
    }

    /// Writes one file into the staging folder and returns its stamp. A file whose bytes
    /// equal the previous output's is hard-linked instead, so it keeps its modification time.
    @discardableResult
    func place(_ file: OutputFile) throws(BuildFailure) -> FileStamp? {
        try writer.faults?.beforeWrite(file.path)
        let target = folder.path + "/" + file.path
        if let slash = file.path.lastIndex(of: "/") { try createFolder(String(file.path[..<slash])) }
        // A carried file is a link to the previous output's inode: never write through it.
        unlink(target)
        // The previous file's folder is walked once: its stamp, its bytes and the link.
        let unchanged = previous.withParent(of: file.path) { parent, name -> FileStamp? in
            var status = stat()
            guard fstatat(parent, name, &status, AT_SYMLINK_NOFOLLOW) == 0, FileStamp.isRegularFile(status), Int(status.st_size) == file.contents.count
            else { return nil }
            let old = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard old >= 0 else { return nil }
            defer { _ = systemClose(old) }
            guard PreviousOutput.read(old) == file.contents, linkat(parent, name, AT_FDCWD, target, 0) == 0 else { return nil }
            return FileStamp(status)
        }
        if let unchanged { return unchanged }
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(file.path) }
        defer { _ = systemClose(descriptor) }
        var status = stat()
        guard writeFully(file.contents, to: descriptor), fstat(descriptor, &status) == 0 else { throw failure(file.path) }
        return FileStamp(status)
    }

    /// The bytes of a file placed or carried earlier.
    func contents(of path: String) -> Data? {
        let file = open(folder.path + "/" + path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard file >= 0 else { return nil }
        defer { _ = systemClose(file) }
        return PreviousOutput.read(file)
    }

    /// Adds the marker (with the build's token) and kept placeholder files, then exchanges the
    /// staging folder with the destination and removes the old site.
    func commit(token: Digest) throws(BuildFailure) {
        do throws(BuildFailure) {
            try writer.faults?.beforeWrite(OutputWriter.markerName)
            guard
                FileManager.default.createFile(
                    atPath: folder.appendingPathComponent(OutputWriter.markerName).path, contents: Data(OutputWriter.markerText(token: token).utf8))
            else { throw failure(OutputWriter.markerName) }
            for name in OutputWriter.placeholderNames {
                if let data = previous.contents(of: name) {
                    guard FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: data) else { throw failure(name) }
                }
            }
            previous.close()
            try writer.swapIn(folder)
        } catch {
            abandon()
            throw error
        }
        // The staging folder now holds the previous site.
        Self.remove(folder)
    }

    /// Removes the staging folder; the destination stays as it was.
    func abandon() {
        previous.close()
        Self.remove(folder)
    }

    /// Removes a folder and everything in it (never following a link), its top-level entries
    /// on every core: removing the previous site of 35k files took a quarter of a second.
    static func remove(_ folder: URL) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        _ = entries.parallelMap { entry in try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry)) }
        try? FileManager.default.removeItem(at: folder)
    }

    // MARK: Helpers

    private func createFolder(_ relative: String) throws(BuildFailure) {
        if createdFolders.withLock({ $0.contains(relative) }) { return }
        if let slash = relative.lastIndex(of: "/") { try createFolder(String(relative[..<slash])) }
        if mkdir(folder.path + "/" + relative, 0o755) != 0 && errno != EEXIST { throw failure(relative) }
        _ = createdFolders.withLock { $0.insert(relative) }
    }

    private func failure(_ path: String) -> BuildFailure {
        OutputWriter.failure("cannot write the output: \(path): \(String(cString: strerror(errno)))", unchanged: true)
    }
}
