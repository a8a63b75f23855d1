import Foundation
import SitegenCache
import SitegenContent
import SitegenRender
import SitegenSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the last build left in one output folder: every file's path, the fingerprint of its
/// page and the stamp (size, modification time, inode) of the file as written (the
/// `pages-<digest of the output path>` pack of the cache folder). It is trusted only when the output is
/// demonstrably what it records: the folder's `.sitegen-output` marker carries the token of
/// the build that wrote the manifest, the manifest is whole (one entry, checksummed), and
/// each file is taken over only while its stamp is unchanged. The `spare-…` pack beside it
/// describes the spare site (`SpareSite`) the same way, by the spare's own marker.
struct PageCache: Sendable {
    /// The one entry of the pack; its stamp is the digest of the output's token.
    private static let manifestKey = "manifest"

    /// One file of the last build.
    struct Entry: Sendable {
        /// The fingerprint of its page; nil for files made on every build.
        var fingerprint: Digest?
        /// The digest of what the page was made from (`PageInputs`), when it was recorded.
        var inputs: Digest?
        /// The file as the last build left it.
        var stamp: FileStamp
        /// A file only scripts load (a search index shard): no page links to it.
        var mayVanish: Bool
    }

    /// The last build's site as a whole: its token, the stamp of its marker and the digest of
    /// what its pages were made from (`PageInputs.site`).
    struct Site: Sendable {
        var token: Digest
        var marker: FileStamp
        var inputs: Digest
    }

    let folder: CacheFolder
    let name: String
    /// The pack that describes the spare site (`SpareSite`).
    let spareName: String
    /// The last build's files, when the manifest is whole and belongs to the output as it is.
    let entries: [String: Entry]?
    /// Their paths, in order.
    let paths: [String]
    /// The last build's token and marker, with `entries`.
    let site: Site?
    /// The spare site beside the output, when the manifest is trusted and the spare folder is
    /// the one its pack describes.
    let spare: SpareSite?
    private let checkLinks: Bool

    init(siteRoot: URL, output: URL, checkLinks: Bool) {
        let folder = CacheFolder(siteRoot: siteRoot)
        let outputDigest = Digest.of(Array(output.standardizedFileURL.path.utf8))
        let name = "pages-\(outputDigest)"
        self.folder = folder
        self.name = name
        let spareName = "spare-\(outputDigest)"
        self.spareName = spareName
        self.checkLinks = checkLinks
        let read = Self.marker(of: output).flatMap { marker in Self.read(folder.pack(name), token: marker.token, checkLinks: checkLinks) }
        entries = read?.entries
        paths = read?.paths ?? []
        site = read?.site
        spare =
            read == nil
            ? nil
            : Self.marker(of: SpareSite.folder(of: output)).flatMap { marker in
                folder.pack(spareName).withPayload("spare", stamp: marker.token) { reader -> SpareSite? in
                    let recorded = Self.readStamp(&reader)
                    let paths = reader.strings()
                    guard recorded == marker.stamp, zip(paths, paths.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
                    return SpareSite(paths: paths, marker: recorded)
                }
            }
    }

    /// The token and stamp of the marker of the folder `folder` (read without following links).
    private static func marker(of folder: URL) -> (token: Digest, stamp: FileStamp)? {
        let output = PreviousOutput(folder)
        defer { output.close() }
        let found = output.withParent(of: OutputWriter.markerName) { parent, name -> (Digest, FileStamp)? in
            let file = openat(parent, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            guard file >= 0 else { return nil }
            defer { _ = systemClose(file) }
            var status = stat()
            guard fstat(file, &status) == 0, let bytes = PreviousOutput.read(file),
                let token = OutputWriter.token(inMarker: String(decoding: bytes, as: UTF8.self))
            else { return nil }
            return (token, FileStamp(status))
        }
        return found.map { (token: $0.0, stamp: $0.1) }
    }

    private static func read(_ pack: CachePack, token: Digest, checkLinks: Bool) -> (entries: [String: Entry], paths: [String], site: Site)? {
        guard pack.count == 1, pack.superseded == 0 else { return nil }
        return pack.withPayload(manifestKey, stamp: stamp(token, checkLinks: checkLinks)) { reader in
            let marker = readStamp(&reader)
            let inputs = reader.digest()
            let count = reader.int()
            guard count >= 0, count <= reader.remaining else { return nil }
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(count)
            var paths: [String] = []
            paths.reserveCapacity(count)
            for _ in 0..<count {
                let path = reader.string()
                let fingerprint = reader.bool() ? reader.digest() : nil
                let stamp = readStamp(&reader)
                let mayVanish = reader.bool()
                let inputs = reader.bool() ? reader.digest() : nil
                entries[path] = Entry(fingerprint: fingerprint, inputs: inputs, stamp: stamp, mayVanish: mayVanish)
                paths.append(path)
            }
            return (entries, paths, Site(token: token, marker: marker, inputs: inputs))
        }
    }

    private static func readStamp(_ reader: inout ByteReader) -> FileStamp {
        FileStamp(size: reader.int(), modifiedSeconds: reader.int(), modifiedNanoseconds: reader.int(), inode: UInt64(bitPattern: Int64(reader.int())))
    }

    private static func write(_ stamp: FileStamp, to writer: inout ByteWriter) {
        writer.write(stamp.size)
        writer.write(stamp.modifiedSeconds)
        writer.write(stamp.modifiedNanoseconds)
        writer.write(Int(Int64(bitPattern: stamp.inode)))
    }

    /// Records the files of a successful build (best effort), in path order, as one entry
    /// (a manifest cut short fails its checksum and is not trusted). `spare` describes the
    /// spare site the build left (its files, token and marker), written first.
    func save(_ files: [(path: String, entry: Entry)], site: Site, spare: (paths: [String], site: Site)?) {
        if let spare {
            var writer = ByteWriter()
            Self.write(spare.site.marker, to: &writer)
            writer.write(spare.paths)
            folder.write(spareName, [("spare", spare.site.token, writer.bytes)])
        }
        var writer = ByteWriter()
        Self.write(site.marker, to: &writer)
        writer.write(site.inputs)
        writer.write(files.count)
        for (path, entry) in files.sorted(by: { $0.path < $1.path }) {
            writer.write(path)
            writer.write(entry.fingerprint != nil)
            if let fingerprint = entry.fingerprint { writer.write(fingerprint) }
            Self.write(entry.stamp, to: &writer)
            writer.write(entry.mayVanish)
            writer.write(entry.inputs != nil)
            if let inputs = entry.inputs { writer.write(inputs) }
        }
        folder.write(name, [(Self.manifestKey, Self.stamp(site.token, checkLinks: checkLinks), writer.bytes)])
    }

    /// The manifest's token entry also records whether links were checked: pages of a build
    /// that did not check them are not trusted by one that does.
    private static func stamp(_ token: Digest, checkLinks: Bool) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(token)
        hasher.combine(checkLinks ? 1 : 0)
        return hasher.finalize()
    }
}
