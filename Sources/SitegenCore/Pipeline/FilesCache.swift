import Foundation
import SitegenCache
import SitegenContent
import SitegenRender
import SitegenSupport

/// Files made from inputs with a known digest, kept between builds in the `files` pack of the
/// cache folder: the search index, whose encoding is a fifth of an
/// incremental build at 10k roles, is stored under the digest of the documents it is made
/// from and taken back while they are unchanged.
struct FilesCache: Sendable {
    static let packName = "files"

    let folder: CacheFolder

    init(siteRoot: URL) { folder = CacheFolder(siteRoot: siteRoot) }

    /// The files stored under `key`, or those `make` gives (which are then stored).
    func files(for key: Digest, make: () -> [OutputFile]) -> [OutputFile] {
        let stored = folder.pack(Self.packName).withPayload("files", stamp: key) { reader -> [OutputFile]? in
            let files = reader.list { OutputFile(path: $0.string(), text: $0.string()) }
            return files.isEmpty ? nil : files
        }
        if let stored { return stored }
        let files = make()
        var writer = ByteWriter()
        writer.write(files.count)
        for file in files {
            writer.write(file.path)
            writer.write(String(decoding: file.contents, as: UTF8.self))
        }
        folder.write(Self.packName, [("files", key, writer.bytes)])
        return files
    }
}
