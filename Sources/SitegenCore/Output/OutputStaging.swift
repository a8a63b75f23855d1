import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The new site while it is being written: a folder beside the destination that files are
/// placed in as soon as they are rendered (from any thread), then swapped in by `commit()`
/// or removed by `abandon()`. The destination is not touched before `commit()`.
final class OutputStaging: Sendable {
    let writer: OutputWriter
    let folder: URL
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
            throw OutputWriter.failure("cannot write the output: \(error.localizedDescription)")
        }
    }

    /// Writes one file into the staging folder. A file whose bytes equal the previous
    /// output's is hard-linked instead, so it keeps its modification time.
    func place(_ file: OutputFile) throws(BuildFailure) {
        let target = folder.path + "/" + file.path
        if let slash = file.path.lastIndex(of: "/") { try createFolder(String(file.path[..<slash])) }
        let previous = writer.destination.path + "/" + file.path
        if Self.hasContents(previous, file.contents), link(previous, target) == 0 { return }
        let descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(file.path) }
        defer { close(descriptor) }
        guard writeFully(file.contents, to: descriptor) else { throw failure(file.path) }
    }

    /// Adds the marker (with the build's token) and kept placeholder files, then swaps the
    /// staging folder in.
    func commit(token: Digest) throws(BuildFailure) {
        let manager = FileManager.default
        do {
            try Data(OutputWriter.markerText(token: token).utf8).write(to: folder.appendingPathComponent(OutputWriter.markerName))
            for name in OutputWriter.placeholderNames where manager.fileExists(atPath: writer.destination.appendingPathComponent(name).path) {
                try manager.copyItem(at: writer.destination.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            try writer.swapIn(folder)
        } catch {
            abandon()
            throw OutputWriter.failure("cannot write the output: \(error.localizedDescription)")
        }
    }

    /// Removes the staging folder; the destination stays as it was.
    func abandon() {
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
        OutputWriter.failure("cannot write the output: \(path): \(String(cString: strerror(errno)))")
    }

    /// True when the regular file at `path` holds exactly `contents`.
    static func hasContents(_ path: String, _ contents: Data) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == contents.count else { return false }
        var existing = [UInt8](repeating: 0, count: contents.count)
        var offset = 0
        while offset < existing.count {
            let count = existing.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return existing.withUnsafeBytes { old in
            contents.withUnsafeBytes { new in new.count == 0 || memcmp(old.baseAddress!, new.baseAddress!, new.count) == 0 }
        }
    }
}
