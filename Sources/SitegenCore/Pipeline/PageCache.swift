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
/// page and the stamp (size, modification time, inode) of the file as written, in path order
/// (the `pages-<digest of the output path>` pack of the cache folder), and the spare site
/// (`SpareSite`) beside the output. It is trusted only when the output is demonstrably what it
/// records: the folder's `.sitegen-output` marker carries the token of the build that wrote
/// the manifest, the manifest is whole (one entry, checksummed), and each file is taken over
/// only while its stamp is unchanged. The spare is trusted the same way, by its own marker.
struct PageCache: Sendable {
    /// The one entry of the pack; its stamp is the digest of the output's token.
    private static let manifestKey = "manifest"

    /// One file of the last build.
    struct Entry: Sendable {
        /// The fingerprint of its page; nil for files made on every build.
        var fingerprint: Digest?
        /// The digest of what the page was made from (`PageInputs`), when it was recorded.
        var inputs: Digest?
        /// What the page's view read of the roles, for a page that records it: numbers into
        /// the table of reads (`PageCache.reads`).
        var reads: [Int]? = nil
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
    /// The last build's files, when the manifest is whole and belongs to the output as it is:
    /// one for each of `paths`.
    let entries: [Entry]?
    /// Their paths, in order.
    let paths: [String]
    /// The reads pages recorded (`SiteRead`), each once: the entries' `reads` number them.
    let reads: [SiteRead]
    /// The last build's token and marker, with `entries`.
    let site: Site?
    /// The spare site beside the output, when the manifest is trusted and the spare folder is
    /// the one it describes.
    let spare: SpareSite?
    private let checkLinks: Bool

    init(siteRoot: URL, output: URL, checkLinks: Bool) {
        let folder = CacheFolder(siteRoot: siteRoot)
        let outputDigest = Digest.of(Array(output.standardizedFileURL.path.utf8))
        let name = "pages-\(outputDigest)"
        self.folder = folder
        self.name = name
        self.checkLinks = checkLinks
        let read = Self.marker(of: output).flatMap { marker in Self.read(folder.pack(name), token: marker.token, checkLinks: checkLinks) }
        entries = read?.entries
        paths = read?.paths ?? []
        reads = read?.reads ?? []
        site = read?.site
        spare = read?.spare.flatMap { recorded in
            Self.marker(of: SpareSite.folder(of: output)).flatMap { marker in
                marker.token == recorded.token && marker.stamp == recorded.site.marker ? recorded.site : nil
            }
        }
    }

    /// The recorded entry of each of `paths` (`order`: their path order), nil for a path the
    /// last build did not write, and whether a file of the last build that a page may link to
    /// is not among them; nil when no manifest is trusted.
    func entries(of paths: [String], order: PathOrder) -> (entries: [Entry?], lostLinkTarget: Bool)? {
        guard let entries else { return nil }
        var found: [Entry?] = Array(repeating: nil, count: paths.count)
        var lost = false
        // Both in path order: one merge, no table of 35k paths.
        var next = 0
        var matched = false
        for index in order.order {
            let path = paths[index]
            while next < self.paths.count && self.paths[next] < path {
                if !matched && !entries[next].mayVanish { lost = true }
                next += 1
                matched = false
            }
            if next < self.paths.count && self.paths[next] == path {
                found[index] = entries[next]
                matched = true
            }
        }
        if next < self.paths.count {
            if !matched && !entries[next].mayVanish { lost = true }
            if entries[(next + 1)...].contains(where: { !$0.mayVanish }) { lost = true }
        }
        return (found, lost)
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

    /// What a manifest records: the files, the site, and the spare it left (its token and its
    /// site: its marker's stamp and its files).
    private typealias Record = (entries: [Entry], paths: [String], reads: [SiteRead], site: Site, spare: (token: Digest, site: SpareSite)?)

    private static func read(_ pack: CachePack, token: Digest, checkLinks: Bool) -> Record? {
        guard pack.count == 1, pack.superseded == 0 else { return nil }
        return pack.withPayload(manifestKey, stamp: stamp(token, checkLinks: checkLinks)) { reader -> Record? in
            let marker = readStamp(&reader)
            let inputs = reader.digest()
            // The reads pages recorded, each once; a page lists its own by number.
            let readCount = reader.int()
            guard readCount >= 0, readCount <= reader.remaining else { return nil }
            var reads: [SiteRead] = []
            reads.reserveCapacity(readCount)
            for _ in 0..<readCount {
                guard let read = SiteRead.read(from: &reader) else { return nil }
                reads.append(read)
            }
            let count = reader.int()
            guard count >= 0, count <= reader.remaining else { return nil }
            var entries: [Entry] = []
            entries.reserveCapacity(count)
            var paths: [String] = []
            paths.reserveCapacity(count)
            for _ in 0..<count {
                paths.append(reader.string())
                let fingerprint = reader.bool() ? reader.digest() : nil
                let stamp = readStamp(&reader)
                let mayVanish = reader.bool()
                let inputs = reader.bool() ? reader.digest() : nil
                var pageReads: [Int]?
                if reader.bool() {
                    let numbers = reader.indexes()
                    guard numbers.allSatisfy({ $0 < reads.count }) else { return nil }
                    pageReads = numbers
                }
                entries.append(Entry(fingerprint: fingerprint, inputs: inputs, reads: pageReads, stamp: stamp, mayVanish: mayVanish))
            }
            var spare: (Digest, SpareSite)?
            if reader.bool() {
                let spareToken = reader.digest()
                let spareMarker = readStamp(&reader)
                // Most builds keep every file: the spare's files are then the manifest's.
                let sparePaths = reader.bool() ? paths : reader.strings()
                guard Self.isOrdered(sparePaths) else { return nil }
                spare = (spareToken, SpareSite(paths: sparePaths, marker: spareMarker))
            }
            guard Self.isOrdered(paths) else { return nil }
            return (entries, paths, reads, Site(token: token, marker: marker, inputs: inputs), spare)
        }
    }

    private static func isOrdered(_ paths: [String]) -> Bool { zip(paths, paths.dropFirst()).allSatisfy { $0 < $1 } }

    private static func readStamp(_ reader: inout ByteReader) -> FileStamp {
        FileStamp(size: reader.int(), modifiedSeconds: reader.int(), modifiedNanoseconds: reader.int(), inode: UInt64(bitPattern: Int64(reader.int())))
    }

    private static func write(_ stamp: FileStamp, to writer: inout ByteWriter) {
        writer.write(stamp.size)
        writer.write(stamp.modifiedSeconds)
        writer.write(stamp.modifiedNanoseconds)
        writer.write(Int(Int64(bitPattern: stamp.inode)))
    }

    /// Records the files of a successful build (best effort), given in path order, and the
    /// table their reads number, as one entry (a manifest cut short fails its checksum and is
    /// not trusted), with the spare site the build left: its files (the same as this build's
    /// when nil), token and marker.
    func save(_ files: [(path: String, entry: Entry)], reads: [SiteRead], site: Site, spare: (paths: [String]?, site: Site)?) {
        var writer = ByteWriter()
        Self.write(site.marker, to: &writer)
        writer.write(site.inputs)
        writer.write(reads.count)
        for read in reads { read.write(to: &writer) }
        writer.write(files.count)
        for (path, entry) in files {
            writer.write(path)
            writer.write(entry.fingerprint != nil)
            if let fingerprint = entry.fingerprint { writer.write(fingerprint) }
            Self.write(entry.stamp, to: &writer)
            writer.write(entry.mayVanish)
            writer.write(entry.inputs != nil)
            if let inputs = entry.inputs { writer.write(inputs) }
            writer.write(entry.reads != nil)
            if let numbers = entry.reads { writer.write(indexes: numbers) }
        }
        writer.write(spare != nil)
        if let spare {
            writer.write(spare.site.token)
            Self.write(spare.site.marker, to: &writer)
            writer.write(spare.paths == nil)
            if let paths = spare.paths { writer.write(paths) }
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
