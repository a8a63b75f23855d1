import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenRender
import SitegenSupport

/// Checks that every internal URL and `#fragment` in the generated site resolves to a
/// generated file (and an element id in it). Pure: works on the files in memory, or on
/// compact per-page summaries (`PageLinks`) taken as the pages were rendered.
///
/// Links are taken apart on their bytes (`#`, `?`, `:`, `/` and `%` are ASCII), as a browser
/// does. A broken link is reported where it was written: at its Markdown source position, at
/// the template attribute that makes it (once for all pages, by `collate`), or else against
/// the page's source file.
struct LinkChecker {
    /// The base URL's path (`/` or `/handbook/`) that root-absolute links start with.
    var basePath: String = "/"
    /// Pages served at any depth (`404.html`), whose links must be root-absolute.
    var rootAbsolutePages: Set<String> = ["404.html"]
    /// The theme's URL attributes, to trace broken links to.
    var templates = TemplateLinks()

    static func brokenMessage(_ link: String, _ reason: String) -> String { "broken link '\(link)': \(reason)" }

    static func onPage(_ page: String) -> String { " (in \(page))" }

    static func onPages(_ count: Int, first page: String) -> String { " (on \(count) pages, first \(page))" }

    /// Checks whole generated files: the HTML ones are scanned, every file is a link target.
    func check(_ files: [OutputFile]) -> [Diagnostic] {
        let pages = files.filter(\.isHTML).parallelMap { Self.summary(of: $0) }
        return check(pages, outputPaths: Set(files.map(\.path)))
    }

    /// Checks the links of `pages` against `outputPaths`, the path of every generated file
    /// (HTML and others). Diagnostics come in page order, then link order; links to an element
    /// of another page come last; those traced to a template are collated.
    func check(_ pages: [PageLinks], outputPaths: Set<String>) -> [Diagnostic] {
        let targets = Targets(outputPaths: outputPaths)
        let results = pages.parallelMap { check($0, targets: targets) }
        var ids: [String: Set<String>] = [:]
        ids.reserveCapacity(pages.count)
        for page in pages { ids[page.path] = page.ids }
        return collate(results.flatMap(\.diagnostics) + check(results.flatMap(\.elsewhere)) { ids[$0] })
    }

    /// Every path a link may resolve to: the output files, and `x/` for each `x/index.html`.
    /// The files a link may point at: every output path, and the folder (`roles/a/`) of each
    /// `index.html`, asked of the planned paths as they are (no second set of 70k paths).
    struct Targets: Sendable {
        private let outputPaths: SortedPaths

        init(outputPaths: some Sequence<String>) { self.outputPaths = SortedPaths(sorted: outputPaths.sorted()) }

        /// The planned files of a build, already in order.
        init(sorted outputPaths: SortedPaths) { self.outputPaths = outputPaths }

        func contains(_ path: String) -> Bool {
            if outputPaths.contains(path) { return true }
            return (path.isEmpty || path.hasSuffix("/")) && outputPaths.contains(path + "index.html")
        }
    }

    /// A link to an element of another page (`../b/#duties`): it can be checked only once
    /// that page's ids are known.
    struct ElementLink: Sendable {
        var link: String
        var page: String
        var target: String
        var id: String
        /// Where the link is written in Markdown, if it is.
        var markdownLocation: SourceLocation?
        /// The page's source file.
        var source: String?
    }

    /// Checks one page's links as soon as it is rendered: against the output paths, and
    /// against its own ids for `#fragment` links to itself. Links to elements of other pages
    /// are returned for `check(_:ids:)`.
    func check(_ page: PageLinks, targets: Targets) -> (diagnostics: [Diagnostic], elsewhere: [ElementLink]) {
        let folder = PageFolder(page.path)
        var diagnostics: [Diagnostic] = []
        var elsewhere: [ElementLink] = []
        for link in page.links {
            switch resolve(link, on: folder, paths: targets) {
            case .fine: continue
            case .broken(let reason):
                diagnostics.append(diagnostic(link, reason, page: page.path, markdown: page.markdownLinks[link], source: page.source))
            case .element(let target, let id) where target == page.path:
                if !Self.hasElement(id, in: page.ids) {
                    diagnostics.append(
                        diagnostic(link, Self.noElement(target, id), page: page.path, markdown: page.markdownLinks[link], source: page.source))
                }
            case .element(let target, let id):
                elsewhere.append(
                    ElementLink(link: link, page: page.path, target: target, id: id, markdownLocation: page.markdownLinks[link], source: page.source))
            }
        }
        return (diagnostics, elsewhere)
    }

    /// Checks links to elements of other pages; `ids` gives the ids of a page by its path.
    func check(_ links: [ElementLink], ids: (String) -> Set<String>?) -> [Diagnostic] {
        var known: [String: Set<String>] = [:]
        return links.compactMap { element in
            if known[element.target] == nil { known[element.target] = ids(element.target) ?? [] }
            guard !Self.hasElement(element.id, in: known[element.target]!) else { return nil }
            return diagnostic(
                element.link, Self.noElement(element.target, element.id), page: element.page, markdown: element.markdownLocation, source: element.source)
        }
    }

    /// A fragment names an element when one has that id (or is an `<a name>` of it); `top`
    /// (in any case) names the top of a page that has no such element.
    static func hasElement(_ id: String, in ids: Set<String>) -> Bool {
        ids.contains(id) || (id.utf8.count == 3 && id.lowercased() == "top")
    }

    /// The diagnostic for a broken link, where it was written: its Markdown position, the
    /// template attribute that makes it, or the page's source file.
    private func diagnostic(_ link: String, _ reason: String, page: String, markdown: SourceLocation?, source: String?) -> Diagnostic {
        if let markdown { return .error(Self.brokenMessage(link, reason) + Self.onPage(page), at: markdown) }
        if let origin = templates.origin(of: link) {
            return .error(Self.brokenMessage(origin.written, reason) + Self.onPage(page), at: origin.location)
        }
        return .error(Self.brokenMessage(link, reason) + Self.onPage(page), at: source.map { SourceLocation(file: $0) })
    }

    /// Joins the diagnostics of one template attribute into one, which counts the pages it
    /// broke a link on (`… (on 253 pages, first about/index.html)`). The rest keep their order.
    func collate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        let locations = templates.locations
        guard !locations.isEmpty else { return diagnostics }
        var groups: [SourceLocation: [Diagnostic]] = [:]
        var order: [SourceLocation] = []
        var others: [Diagnostic] = []
        for diagnostic in diagnostics {
            guard let location = diagnostic.location, locations.contains(location) else {
                others.append(diagnostic)
                continue
            }
            if groups[location] == nil { order.append(location) }
            if groups[location]?.contains(diagnostic) != true { groups[location, default: []].append(diagnostic) }
        }
        return others
            + order.map { location in
                let group = groups[location]!
                guard group.count > 1, let first = group.first, let suffix = first.message.range(of: " (in ", options: .backwards) else {
                    return group[0]
                }
                let page = first.message[suffix.upperBound...].dropLast()
                return .error(String(first.message[..<suffix.lowerBound]) + Self.onPages(group.count, first: String(page)), at: location)
            }
    }

    static func noElement(_ target: String, _ id: String) -> String { "'\(target)' has no element with id '\(id)'" }

    private enum Resolution {
        case fine
        case broken(String)
        /// Resolves to a page; the fragment names an element `id` that must exist on it.
        case element(target: String, id: String)
    }

    /// Where a link leads, or why it does not resolve. External links are fine.
    ///
    /// The usual link, `../` repeated and then a plain path, is taken apart on its contiguous
    /// bytes and its target made in one allocation; any other goes the general way.
    private func resolve(_ link: String, on page: PageFolder, paths: Targets) -> Resolution {
        var text = link
        let fast = text.withUTF8 { bytes -> Resolution? in
            guard let ends = page.ends, let first = bytes.first, first != UInt8(ascii: "/") else { return nil }
            var pathEnd = bytes.count
            var fragmentStart: Int?
            for index in bytes.indices {
                switch bytes[index] {
                case UInt8(ascii: ":"), UInt8(ascii: "%"): return nil  // maybe external, or encoded
                case UInt8(ascii: "?") where fragmentStart == nil: pathEnd = min(pathEnd, index)
                case UInt8(ascii: "#") where fragmentStart == nil:
                    fragmentStart = index + 1
                    pathEnd = min(pathEnd, index)
                default: continue
                }
            }
            guard pathEnd > 0 else { return nil }
            var rest = 0
            while rest + 3 <= pathEnd, bytes[rest] == UInt8(ascii: "."), bytes[rest + 1] == UInt8(ascii: "."), bytes[rest + 2] == UInt8(ascii: "/") {
                rest += 3
            }
            let depth = ends.count - 1
            guard rest / 3 <= depth else { return .broken("it points above the site root") }
            let remainder = UnsafeBufferPointer(rebasing: bytes[rest..<pathEnd])
            guard PageFolder.isPlain(remainder) else { return nil }
            let prefix = ends[depth - rest / 3]
            let suffix = bytes[pathEnd - 1] == UInt8(ascii: "/") ? Self.indexFile : []
            var target = String(unsafeUninitializedCapacity: prefix + remainder.count + suffix.count) { out in
                page.directoryBytes.withUnsafeBufferPointer { _ = out.initialize(from: $0.prefix(prefix)) }
                _ = UnsafeMutableBufferPointer(rebasing: out[prefix...]).initialize(from: remainder)
                _ = UnsafeMutableBufferPointer(rebasing: out[(prefix + remainder.count)...]).initialize(from: suffix)
                return prefix + remainder.count + suffix.count
            }
            if !paths.contains(target) {
                if paths.contains(target + "/index.html") { target += "/index.html" } else { return .broken("no file '\(target)' in the output") }
            }
            if let fragmentStart, fragmentStart < bytes.count, target.hasSuffix(".html") {
                return .element(target: target, id: String(decoding: UnsafeBufferPointer(rebasing: bytes[fragmentStart...]), as: UTF8.self))
            }
            return .fine
        }
        return fast ?? resolveGenerally(link, on: page, paths: paths)
    }

    private static let indexFile = Array("index.html".utf8)

    private func resolveGenerally(_ link: String, on page: PageFolder, paths: Targets) -> Resolution {
        let utf8 = link.utf8
        if utf8.isEmpty || Self.isExternal(utf8) { return .fine }
        var pathEnd = utf8.endIndex
        var fragment: Substring?
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = link[utf8.index(after: hash)...]
            pathEnd = hash
        }
        if let query = utf8[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) { pathEnd = query }
        var decoded = link[..<pathEnd]
        if decoded.utf8.contains(UInt8(ascii: "%")) { decoded = Substring(String(decoded).removingPercentEncoding ?? String(decoded)) }

        var target: String
        if decoded.isEmpty {
            target = page.path
        } else if decoded.utf8.first == UInt8(ascii: "/") {
            guard rootAbsolutePages.contains(page.path), decoded.hasPrefix(basePath) else {
                return .broken("root-absolute links break under a sub-path and from file://; use a relative link")
            }
            target = String(decoded.dropFirst(basePath.count))
        } else {
            guard let resolved = page.resolve(decoded) else { return .broken("it points above the site root") }
            target = resolved
        }
        if decoded.utf8.last == UInt8(ascii: "/") || target.isEmpty { target += "index.html" }
        if !paths.contains(target) {
            if paths.contains(target + "/index.html") { target += "/index.html" } else { return .broken("no file '\(target)' in the output") }
        }
        if let fragment, !fragment.isEmpty, target.hasSuffix(".html") {
            let id = fragment.utf8.contains(UInt8(ascii: "%")) ? (fragment.removingPercentEncoding ?? String(fragment)) : String(fragment)
            return .element(target: target, id: id)
        }
        return .fine
    }

    /// `scheme:…` and protocol-relative `//host…` links: a `:` before any `/`, `?` or `#`.
    static func isExternal(_ link: String.UTF8View) -> Bool {
        if link.starts(with: "//".utf8) { return true }
        for (offset, byte) in link.enumerated() {
            switch byte {
            case UInt8(ascii: ":"): return offset > 0
            case UInt8(ascii: "/"), UInt8(ascii: "#"), UInt8(ascii: "?"): return false
            default: continue
            }
        }
        return false
    }
}

/// A page's folder, split once so that the links on it resolve without splitting it again.
private struct PageFolder {
    /// The page's output path.
    let path: String
    /// Its folder, `roles/a/` (empty at the root).
    let directory: String
    let directoryBytes: [UInt8]
    /// `ends[n]` is where the first `n` segments of `directory` end (after their `/`); nil
    /// when the folder is not plain ASCII segments, so links resolve the general way.
    let ends: [Int]?

    init(_ path: String) {
        self.path = path
        directory = ContentPath.directory(of: path)
        directoryBytes = Array(directory.utf8)
        var ends = [0]
        var plain = true
        var segmentStart = 0
        for (offset, byte) in directory.utf8.enumerated() {
            if byte >= 0x80 { plain = false }
            guard byte == UInt8(ascii: "/") else { continue }
            let segment = directory.utf8.dropFirst(segmentStart).prefix(offset - segmentStart)
            if segment.isEmpty || segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) { plain = false }
            ends.append(offset + 1)
            segmentStart = offset + 1
        }
        self.ends = plain ? ends : nil
    }

    /// `ContentPath.resolve(link, against: directory)`, without splitting anything for the
    /// usual shape: `../` repeated, then a path with no empty, `.` or `..` segment.
    func resolve(_ link: Substring) -> String? {
        guard let ends else { return ContentPath.resolve(String(link), against: directory) }
        let bytes = link.utf8
        var rest = bytes.startIndex
        var ups = 0
        while bytes[rest...].starts(with: "../".utf8) {
            ups += 1
            rest = bytes.index(rest, offsetBy: 3)
        }
        let depth = ends.count - 1
        guard ups <= depth else { return nil }
        guard bytes[rest...].withContiguousStorageIfAvailable(Self.isPlain) ?? false else {
            return ContentPath.resolve(String(link), against: directory)
        }
        return String(directory.utf8.prefix(ends[depth - ups]))! + link[rest...]
    }

    /// True for ASCII with no empty, `.` or `..` segment (a leading `.` is left to the
    /// general way too).
    static func isPlain(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous = UInt8(ascii: "/")
        for byte in path {
            if byte >= 0x80 { return false }
            if previous == UInt8(ascii: "/") && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")) { return false }
            previous = byte
        }
        return true
    }
}
