import Foundation

/// Files made from inputs with a known digest, kept between builds
/// (`.sitegen-cache/<version>/files.pack`): the search index, whose encoding is a fifth of an
/// incremental build at 10k roles, is stored under the digest of the documents it is made
/// from and taken back while they are unchanged.
struct FilesCache: Sendable {
    static let magic = "sitegen files pack 1\n"

    let url: URL

    init(siteRoot: URL) {
        url = MarkdownCache(siteRoot: siteRoot).folder.appendingPathComponent("files.pack")
    }

    /// The files stored under `key`, or those `make` gives (which are then stored).
    func files(for key: Digest, make: () -> [OutputFile]) -> [OutputFile] {
        let stored = CachePack(contentsOf: url, magic: Self.magic).withPayload("files", stamp: key) { reader -> [OutputFile]? in
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
        CachePack.write([("files", key, writer.bytes)], to: url, magic: Self.magic)
        return files
    }
}
