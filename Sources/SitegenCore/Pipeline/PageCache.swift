import Foundation
import SitegenCache
import SitegenContent
import SitegenRender
import SitegenSupport

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

    let folder: CacheFolder
    let name: String
    /// The last build's files, when the manifest is whole and belongs to the output as it is.
    let entries: [String: Entry]?
    private let checkLinks: Bool

    init(siteRoot: URL, output: URL, checkLinks: Bool) {
        let folder = CacheFolder(siteRoot: siteRoot)
        let name = "pages-\(Digest.of(Array(output.standardizedFileURL.path.utf8)))"
        self.folder = folder
        self.name = name
        self.checkLinks = checkLinks
        let previous = PreviousOutput(output)
        defer { previous.close() }
        let marker = previous.contents(of: OutputWriter.markerName).map { String(decoding: $0, as: UTF8.self) } ?? ""
        entries = OutputWriter.token(inMarker: marker).flatMap { Self.read(folder.pack(name), token: $0, checkLinks: checkLinks) }
    }

    private static func read(_ pack: CachePack, token: Digest, checkLinks: Bool) -> [String: Entry]? {
        guard pack.superseded == 0, let count = pack.withPayload(tokenKey, stamp: stamp(token, checkLinks: checkLinks), { $0.int() }),
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
                        let stamp = FileStamp(
                            size: reader.int(), modifiedSeconds: reader.int(), modifiedNanoseconds: reader.int(), inode: UInt64(bitPattern: Int64(reader.int()))
                        )
                        let mayVanish = reader.bool()
                        let inputs = reader.bool() ? reader.digest() : nil
                        return Entry(fingerprint: hasFingerprint ? recorded : nil, inputs: inputs, stamp: stamp, mayVanish: mayVanish)
                    })
            else { return nil }
            entries[key] = entry
        }
        return entries
    }

    /// Records the files of a successful build (best effort), the count last: a manifest cut
    /// short lacks it and is not trusted.
    func save(_ files: [(path: String, entry: Entry)], token: Digest) {
        var packed: [(key: String, stamp: Digest, payload: [UInt8])] = []
        packed.reserveCapacity(files.count + 1)
        for (path, entry) in files {
            var writer = ByteWriter()
            writer.write(entry.fingerprint != nil)
            writer.write(entry.stamp.size)
            writer.write(entry.stamp.modifiedSeconds)
            writer.write(entry.stamp.modifiedNanoseconds)
            writer.write(Int(Int64(bitPattern: entry.stamp.inode)))
            writer.write(entry.mayVanish)
            writer.write(entry.inputs != nil)
            if let inputs = entry.inputs { writer.write(inputs) }
            packed.append((path, entry.fingerprint ?? .zero, writer.bytes))
        }
        var count = ByteWriter()
        count.write(files.count)
        packed.append((Self.tokenKey, Self.stamp(token, checkLinks: checkLinks), count.bytes))
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
