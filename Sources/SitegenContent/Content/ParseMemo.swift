import Foundation
import SitegenSupport

/// Earlier parses of the site's Markdown files, given to the loader by the build's cache as
/// plain functions (the loader knows nothing of where they are kept). An entry is found by
/// the file's content path and the stamp of its bytes and shown path; at 10k roles, parsing
/// YAML was four fifths of loading.
package struct ParseMemo: Sendable {
    /// A remembered parse: the file (nil when it failed) and its problems.
    package typealias Entry = (file: ContentLoader.ParsedFile?, diagnostics: [Diagnostic])

    /// Decodes the entry stored for a path under a stamp, when there is an intact one.
    package var recall: @Sendable (_ path: String, _ stamp: Digest, _ decode: (inout ByteReader) -> Entry?) -> Entry?
    /// Called once after loading, with the entries parsed afresh and the path of every file.
    package var keep: @Sendable (_ fresh: [(key: String, stamp: Digest, payload: [UInt8])], _ live: Set<String>) -> Void
    /// The parses a resident build keeps in memory, looked at before the file is read.
    package var resident: ResidentParses?

    /// A memo from its two functions.
    package init(
        recall: @escaping @Sendable (_ path: String, _ stamp: Digest, _ decode: (inout ByteReader) -> Entry?) -> Entry?,
        keep: @escaping @Sendable (_ fresh: [(key: String, stamp: Digest, payload: [UInt8])], _ live: Set<String>) -> Void,
        resident: ResidentParses? = nil
    ) {
        self.recall = recall
        self.keep = keep
        self.resident = resident
    }

    /// The parse of a file with these bytes, when remembered.
    package func lookup(_ path: String, stamp: Digest, bytes: [UInt8]) -> Entry? {
        recall(path, stamp) { reader in
            let bodyLength = reader.int()
            var file: ContentLoader.ParsedFile?
            if reader.bool() {
                guard let parsed = ContentLoader.ParsedFile.read(from: &reader) else { return nil }
                file = parsed
            }
            if bodyLength >= 0 {
                guard bodyLength <= bytes.count else { return nil }
                file = file?.withBody(String(decoding: bytes[(bytes.count - bodyLength)...], as: UTF8.self))
            }
            if reader.bool(), case .role(let role) = file {
                file = .role(Role(role.fields, digests: Role.Digests(withoutBody: reader.digest(), body: reader.digest())))
            }
            return (file, reader.list { Diagnostic.read(from: &$0) })
        }
    }

    /// The entry of one parse of a file with these bytes. The body, when it is the end of the
    /// file (as it always is but for a byte order mark or odd line ends), is not stored: it is
    /// taken from the file, which is read anyway to compute its stamp. A role's digests
    /// (`Role.Digests`) are stored with it.
    package static func encode(_ file: ContentLoader.ParsedFile?, _ diagnostics: [Diagnostic], bytes: [UInt8]) -> [UInt8] {
        var writer = ByteWriter()
        var body = file?.body ?? ""
        let bodyIsTail =
            file != nil
            && body.withUTF8 { tail in
                bytes.count >= tail.count
                    && bytes.withUnsafeBufferPointer { all in
                        tail.isEmpty || memcmp(all.baseAddress! + (all.count - tail.count), tail.baseAddress!, tail.count) == 0
                    }
            }
        writer.write(bodyIsTail ? body.utf8.count : -1)
        writer.write(file != nil)
        (bodyIsTail ? file?.withBody("") : file)?.write(to: &writer)
        // A role's digests, so that a build taking the role from here need not encode it again.
        if case .role(let role) = file {
            writer.write(true)
            writer.write(role.digests.withoutBody)
            writer.write(role.digests.body)
        } else {
            writer.write(false)
        }
        writer.write(diagnostics.count)
        for diagnostic in diagnostics { diagnostic.write(to: &writer) }
        return writer.bytes
    }
}
