import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a few files of an existing output folder in place, for an incremental build whose
/// pages were all rendered and checked first. Each file is written beside its final path and
/// renamed over it, so a reader (the dev server, a killed build) sees the old file or the new
/// one, never half of one. Files whose bytes did not change are not touched.
struct OutputUpdate {
    let destination: URL

    /// Writes the files that differ from what the folder holds.
    func apply(_ files: [OutputFile]) throws(BuildFailure) {
        for file in files {
            let path = destination.path + "/" + file.path
            if OutputStaging.hasContents(path, file.contents) { continue }
            let folder = (path as NSString).deletingLastPathComponent
            let temporary = folder + "/.\((path as NSString).lastPathComponent).sitegen-\(getpid())"
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try file.contents.write(to: URL(fileURLWithPath: temporary))
            } catch {
                unlink(temporary)
                throw OutputWriter.failure("cannot write the output: \(file.path): \(error.localizedDescription)")
            }
            guard rename(temporary, path) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw OutputWriter.failure("cannot write the output: \(file.path): \(reason)")
            }
        }
    }

    /// Removes files of the last build that this one does not make (best effort).
    func remove(_ paths: [String]) {
        for path in paths { unlink(destination.path + "/" + path) }
    }
}
