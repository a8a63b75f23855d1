import Foundation

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// `--dump-html`: what the link check reads from each HTML file, one JSON object per line:
/// `{"file": …, "links": [… in document order], "ids": [… in document order]}`.
enum HTMLDump {
    struct Entry: Encodable {
        var file: String
        var links: [String] = []
        var ids: [String] = []
    }

    static func run(_ inputs: [String]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = Data()
        for input in inputs {
            for file in SitegenFuzz.files(at: input) where file.hasSuffix(".html") || file.hasSuffix(".htm") {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                var entry = Entry(file: file)
                data.withUnsafeBytes { raw in
                    HTMLScanner.visit(raw.bindMemory(to: UInt8.self)) { found in
                        switch found.kind {
                        case .link: entry.links.append(found.value)
                        case .id: entry.ids.append(found.value)
                        }
                    }
                }
                out += (try? encoder.encode(entry)) ?? Data()
                out.append(UInt8(ascii: "\n"))
                if out.count > 1 << 20 {
                    FileHandle.standardOutput.write(out)
                    out.removeAll(keepingCapacity: true)
                }
            }
        }
        FileHandle.standardOutput.write(out)
    }
}
