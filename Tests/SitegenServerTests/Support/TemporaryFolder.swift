import Foundation

/// A scratch folder for one test, removed when the test drops it.
final class TemporaryFolder: Sendable {
    /// The folder (symlinks resolved, so paths match what the watcher reports).
    let url: URL

    /// Creates an empty folder under the system's temporary folder.
    init() throws {
        let base = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
        url = base.appendingPathComponent("sitegen-server-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The absolute path of `relative`.
    func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }

    /// Writes `text` to `relative`, creating folders as needed.
    func write(_ relative: String, _ text: String) throws {
        try write(relative, Data(text.utf8))
    }

    /// Writes `data` to `relative`, creating folders as needed.
    func write(_ relative: String, _ data: Data) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// Creates the folder `relative` (and its parents).
    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent(relative), withIntermediateDirectories: true)
    }

    /// Makes `relative` a symlink to `destination` (taken as is, so it may be relative).
    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
    }

    /// Renames `from` to `to` (both relative) with rename(2), replacing `to` like an editor's save.
    func move(_ from: String, to: String) throws {
        guard rename(path(from), path(to)) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Deletes `relative`.
    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: path(relative))
    }
}
