import Foundation

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The link check's HTML scanner, its template patterns and the link check itself.
enum HTMLFuzz {
    static let head = Array(#"<link href="fuzz-head" id=fuzz-head-id>"#.utf8)
    static let headTag = Array("<head".utf8)

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        let scan = HTMLScanner.scan(bytes)
        // A head element before the document changes nothing that follows it (but a `<head>`
        // tag, which makes the head only when nothing came before it).
        let lowered = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if !lowered.indices.contains(where: { lowered[$0...].starts(with: Self.headTag) }) {
            let prefixed = (head + bytes).withUnsafeBufferPointer { HTMLScanner.scan($0) }
            require(prefixed.links == ["fuzz-head"] + scan.links, "a tag before the document changed its links")
            require(prefixed.ids == scan.ids.union(["fuzz-head-id"]), "a tag before the document changed its ids")
        }
        for link in scan.links {
            let cleaned = LinkChecker.cleaned(link)
            require(LinkChecker.cleaned(cleaned) == cleaned, "cleaning a URL twice changed it: \(link.debugDescription)")
        }
        // The link check of the document as a page, and of its text as a template.
        let text = String(decoding: bytes, as: UTF8.self)
        let page = OutputFile(path: "roles/a/index.html", data: Data(bytes), source: "Content/roles/a.md")
        let templates = TemplateLinks(templates: [(text, "Templates/layouts/page.mustache")])
        let checker = LinkChecker(templates: templates)
        // One page's check, on this thread (the build's parallel map would cost more than it).
        let targets = LinkChecker.Targets(outputPaths: ["roles/a/index.html", "index.html", "roles/b/index.html"])
        let (diagnostics, elsewhere) = checker.check(LinkChecker.summary(of: page), targets: targets)
        _ = checker.collate(diagnostics + checker.check(elsewhere) { _ in ["top", "duties"] })
        for pattern in templates.patterns {
            require(pattern.location.line >= 1 && pattern.location.column >= 1, "a pattern has no location")
            if !pattern.startsWithVariable, !pattern.endsWithVariable, pattern.parts.count == 1 {
                require(pattern.matches(pattern.parts[0]), "a literal pattern does not match its own text")
            }
        }
    }
}
