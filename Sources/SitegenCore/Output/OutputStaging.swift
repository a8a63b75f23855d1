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
/// put aside by `abandon()`. The destination is never written: at every moment it is the last
/// successful build's site, until the exchange makes it the new one.
///
/// The folder starts empty, or as the spare site (`SpareSite`): the site before the output's,
/// whose files the build then only has to bring up to date (`reconcile`).
final class OutputStaging: Sendable {
    let writer: OutputWriter
    let folder: URL
    /// The previous output, read without following links.
    let previous: PreviousOutput
    /// The spare site the folder began as; nil when it began empty.
    let spare: SpareSite?
    /// The look at the spare's files taken while the site was loaded, if one was.
    let check: SpareCheck?
    /// The staging folder, open (every write below it goes through folders opened without
    /// following links when it began as the spare, which may hold anything).
    let rootDescriptor: Int32
    /// Folders already created below an empty staging folder (relative paths).
    private let createdFolders = Mutex<Set<String>>([""])

    /// Creates the staging folder (removing ones left by killed builds): the spare site moved
    /// into its place when `spare` describes it, else an empty folder (and a spare that cannot
    /// be used is removed).
    init(writer: OutputWriter, spare: SpareSite?, check: SpareCheck? = nil) throws(BuildFailure) {
        if let refusal = writer.refusal() { throw OutputWriter.failure(refusal) }
        self.writer = writer
        let parent = writer.destination.deletingLastPathComponent()
        folder = parent.appendingPathComponent(".\(writer.destination.lastPathComponent).sitegen-\(getpid())")
        writer.removeAbandonedStagingFolders(in: parent)
        try? FileManager.default.removeItem(at: folder)
        let spareFolder = SpareSite.folder(of: writer.destination)
        if spare != nil && rename(spareFolder.path, folder.path) == 0 {
            self.spare = spare
            self.check = check
        } else {
            self.spare = nil
            self.check = nil
            Self.remove(spareFolder)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw OutputWriter.failure("cannot write the output: \(error.localizedDescription)", unchanged: true)
            }
        }
        rootDescriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        previous = PreviousOutput(writer.destination)
        guard rootDescriptor >= 0 else {
            previous.close()
            throw OutputWriter.failure("cannot write the output: \(folder.path): \(String(cString: strerror(errno)))", unchanged: true)
        }
    }

    deinit { _ = systemClose(rootDescriptor) }

    /// Writes one file into the staging folder and returns its stamp. A file whose bytes
    /// equal the previous output's is hard-linked instead, so it keeps its modification time.
    @discardableResult
    func place(_ file: OutputFile) throws(BuildFailure) -> FileStamp? {
        try writer.faults?.beforeWrite(file.path)
        let slash = file.path.lastIndex(of: "/")
        let name = slash.map { String(file.path[file.path.index(after: $0)...]) } ?? file.path
        // An empty staging folder is this build's own: paths below it are safe to follow.
        let parent: Int32
        let entry: String
        if spare == nil {
            if let slash { try createFolder(String(file.path[..<slash])) }
            (parent, entry) = (AT_FDCWD, folder.path + "/" + file.path)
        } else {
            parent = NoFollow.openFolder(below: rootDescriptor, slash.map { file.path[..<$0] } ?? "", create: true)
            guard parent >= 0 else { throw failure(file.path) }
            entry = name
        }
        defer { if parent != AT_FDCWD && parent != rootDescriptor { _ = systemClose(parent) } }
        // A carried file is a link to the previous output's inode: never write through it.
        NoFollow.remove(entry, in: parent)
        // The previous file's folder is walked once: its stamp, its bytes and the link.
        let unchanged = previous.withParent(of: file.path) { oldParent, oldName -> FileStamp? in
            var status = stat()
            guard fstatat(oldParent, oldName, &status, AT_SYMLINK_NOFOLLOW) == 0, FileStamp.isRegularFile(status), Int(status.st_size) == file.contents.count
            else { return nil }
            let old = openat(oldParent, oldName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard old >= 0 else { return nil }
            defer { _ = systemClose(old) }
            guard PreviousOutput.read(old) == file.contents, linkat(oldParent, oldName, parent, entry, 0) == 0 else { return nil }
            return FileStamp(status)
        }
        if let unchanged { return unchanged }
        let descriptor = openat(parent, entry, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(file.path) }
        defer { _ = systemClose(descriptor) }
        var status = stat()
        guard writeFully(file.contents, to: descriptor), fstat(descriptor, &status) == 0 else { throw failure(file.path) }
        return FileStamp(status)
    }

    /// The bytes of a file placed or carried earlier.
    func contents(of path: String) -> Data? {
        NoFollow.withParent(below: rootDescriptor, of: path) { parent, name in
            let file = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard file >= 0 else { return nil }
            defer { _ = systemClose(file) }
            return PreviousOutput.read(file)
        }
    }

    /// What becomes of the previous site once the new one is in place.
    enum Previous {
        /// It is kept as the spare site (the output's manifest described it).
        case spare
        /// It is removed, and the new site is copied as the spare by hard links (`paths`).
        case removeAndCopy(paths: [String])
        /// It is removed, and there is no spare.
        case remove
    }

    /// Adds the marker (with the build's token) and kept placeholder files, then exchanges the
    /// staging folder with the destination and puts the previous site aside as `afterwards`
    /// says. Returns the marker's stamp.
    func commit(token: Digest, afterwards: Previous) throws(BuildFailure) -> FileStamp {
        let marker: FileStamp
        do throws(BuildFailure) {
            for name in OutputWriter.placeholderNames.union([OutputWriter.markerName]) { NoFollow.remove(name, in: rootDescriptor) }
            for name in OutputWriter.placeholderNames {
                if let data = previous.contents(of: name) { try write(name, data) }
            }
            if case .removeAndCopy(let paths) = afterwards { try copySpare(paths) }
            marker = try write(OutputWriter.markerName, Data(OutputWriter.markerText(token: token).utf8))
            if case .removeAndCopy = afterwards {
                let spare = SpareSite.folder(of: writer.destination)
                if linkat(rootDescriptor, OutputWriter.markerName, AT_FDCWD, spare.path + "/" + OutputWriter.markerName, 0) != 0 { Self.remove(spare) }
            }
            previous.close()
            try writer.swapIn(folder)
        } catch {
            abandon()
            throw error
        }
        // The staging folder now holds the previous site.
        if case .spare = afterwards, rename(folder.path, SpareSite.folder(of: writer.destination).path) == 0 { return marker }
        Self.remove(folder)
        return marker
    }

    /// Puts the staging folder aside: kept as the spare when it began as one (whatever this
    /// build changed in it, the next build checks), else removed. The destination stays as it was.
    func abandon() {
        previous.close()
        if spare != nil, rename(folder.path, SpareSite.folder(of: writer.destination).path) == 0 { return }
        Self.remove(folder)
    }

    /// Writes a file at the top of the staging folder; its stamp.
    @discardableResult
    private func write(_ name: String, _ data: Data) throws(BuildFailure) -> FileStamp {
        try writer.faults?.beforeWrite(name)
        let descriptor = openat(rootDescriptor, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(name) }
        defer { _ = systemClose(descriptor) }
        var status = stat()
        guard writeFully(data, to: descriptor), fstat(descriptor, &status) == 0 else { throw failure(name) }
        return FileStamp(status)
    }

    /// Links every file of the (empty-born) staging folder into a new spare folder, on every
    /// core; the marker is linked last, after every folder of the spare was made.
    private func copySpare(_ paths: [String]) throws(BuildFailure) {
        let spare = SpareSite.folder(of: writer.destination)
        Self.remove(spare)
        guard mkdir(spare.path, 0o755) == 0 else { return }
        let target = open(spare.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard target >= 0 else { return }
        defer { _ = systemClose(target) }
        var complete = true
        do throws(BuildFailure) {
            complete = try linkAll(paths.map { ($0, nil) }, from: rootDescriptor, to: target).allSatisfy { $0 != nil }
        } catch {
            complete = false
        }
        // A spare that lacks a file is no spare (best effort: the build goes on without one).
        if !complete { Self.remove(spare) }
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
