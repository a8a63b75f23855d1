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
/// the build that wrote the manifest, the manifest is whole (its last entry counts the
/// others), and each file is taken over only while its stamp is unchanged.
struct PageCache: Sendable {
    /// The entry that holds the token and the number of file entries (no output path is empty).
    private static let tokenKey = ""

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

    /// The last build's site as a whole: its token and the stamp of its marker.
    struct Site: Sendable {
        var token: Digest
        var marker: FileStamp
    }

    let folder: CacheFolder
    let name: String
    /// The pack that describes the spare site (`SpareSite`).
    let spareName: String
    /// The last build's files, when the manifest is whole and belongs to the output as it is.
    let entries: [String: Entry]?
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
        site = read?.site
        spare = read == nil ? nil : Self.marker(of: SpareSite.folder(of: output)).flatMap { marker in
            folder.pack(spareName).withPayload("spare", stamp: marker.token) { reader -> SpareSite? in
                let recorded = Self.readStamp(&reader)
                let paths = reader.strings()
                return recorded == marker.stamp ? SpareSite(paths: paths, marker: recorded) : nil
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

    private static func read(_ pack: CachePack, token: Digest, checkLinks: Bool) -> (entries: [String: Entry], site: Site)? {
        guard pack.superseded == 0,
            let (count, marker) = pack.withPayload(tokenKey, stamp: stamp(token, checkLinks: checkLinks), { reader in (reader.int(), readStamp(&reader)) }),
            count == pack.count - 1
        else { return nil }
        var entries: [String: Entry] = [:]
        entries.reserveCapacity(count)
        for key in pack.keys where key != tokenKey {
            guard let recorded = pack.stamp(of: key),
                let entry = pack.withPayload(
                    key, stamp: recorded,
                    { reader -> Entry? in
                        let hasFingerprint = reader.bool()
                        let stamp = readStamp(&reader)
                        let mayVanish = reader.bool()
                        let inputs = reader.bool() ? reader.digest() : nil
                        return Entry(fingerprint: hasFingerprint ? recorded : nil, inputs: inputs, stamp: stamp, mayVanish: mayVanish)
                    })
            else { return nil }
            entries[key] = entry
        }
        return (entries, Site(token: token, marker: marker))
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

    /// Records the files of a successful build (best effort), the count last: a manifest cut
    /// short lacks it and is not trusted. `spare` describes the spare site the build left
    /// (its files, token and marker), written first.
    func save(_ files: [(path: String, entry: Entry)], site: Site, spare: (paths: [String], site: Site)?) {
        if let spare {
            var writer = ByteWriter()
            Self.write(spare.site.marker, to: &writer)
            writer.write(spare.paths)
            folder.write(spareName, [("spare", spare.site.token, writer.bytes)])
        }
        var packed: [(key: String, stamp: Digest, payload: [UInt8])] = []
        packed.reserveCapacity(files.count + 1)
        for (path, entry) in files {
            var writer = ByteWriter()
            writer.write(entry.fingerprint != nil)
            Self.write(entry.stamp, to: &writer)
            writer.write(entry.mayVanish)
            writer.write(entry.inputs != nil)
            if let inputs = entry.inputs { writer.write(inputs) }
            packed.append((path, entry.fingerprint ?? .zero, writer.bytes))
        }
        var count = ByteWriter()
        count.write(files.count)
        Self.write(site.marker, to: &count)
        packed.append((Self.tokenKey, Self.stamp(site.token, checkLinks: checkLinks), count.bytes))
        folder.write(name, packed)
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
