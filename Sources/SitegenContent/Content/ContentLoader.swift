import Foundation
import SitegenSupport

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// Reads a site folder (`sitegen.yml` + `Content/`) from disk. The parsing is done by the pure
/// `parse` functions of each model; this type only lists and reads files.
package struct ContentLoader: Sendable {
    /// The site root (holds `sitegen.yml`, `Content/`, optionally `Templates/`).
    package var root: URL
    /// How paths under the root are shown in diagnostics (`""` for the current folder).
    package var displayPrefix: String

    /// Creates a loader for the site at `root`.
    package init(root: URL, displayPrefix: String) {
        self.root = root
        self.displayPrefix = displayPrefix
    }

    package static let contentFolder = "Content"

    /// The path of a file under the root as the user should see it.
    package func display(_ relative: String) -> String { displayPrefix + relative }

    /// Loads and parses everything; all problems are collected before returning. The content
    /// is returned even when some files had errors (so later checks can still run), but not
    /// when `sitegen.yml` itself is unusable.
    package func load(includeDrafts: Bool) -> (LoadedContent?, [Diagnostic]) {
        load(includeDrafts: includeDrafts, cache: nil)
    }

    /// `load`, reusing the parsed front matter of files whose bytes are unchanged since the
    /// last build (`memo`), and handing it what was parsed afresh.
    package func load(includeDrafts: Bool, cache memo: ParseMemo?) -> (LoadedContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let configFile = display(SiteConfig.fileName)
        guard let configText = read(root.appendingPathComponent(SiteConfig.fileName).path, shownAs: configFile, into: &diagnostics) else {
            return (nil, diagnostics)
        }
        let (config, configDiagnostics) = SiteConfig.parse(configText, file: configFile)
        diagnostics += configDiagnostics

        let contentURL = root.appendingPathComponent(Self.contentFolder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            diagnostics.append(.error("no '\(Self.contentFolder)' folder in the site", at: SourceLocation(file: display(Self.contentFolder))))
            return (nil, diagnostics)
        }

        var content = LoadedContent(config: config ?? SiteConfig.placeholder, home: nil, roles: [], comparisonProse: [], pages: [], assets: [])
        let paths = Self.listFiles(under: contentURL)
        content.assets = paths.filter { !$0.hasSuffix(".md") }
        let markdownPaths = paths.filter { $0.hasSuffix(".md") }
        let parsed = markdownPaths.parallelMap { path in
            parse(path, in: contentURL, memo: memo)
        }
        for (result, path) in zip(parsed, markdownPaths) {
            diagnostics += result.diagnostics

            var file = result.file
            if !includeDrafts, file?.isDraft == true { file = nil }
            if file == nil, path.hasPrefix("roles/") { content.unavailableRoleSlugs.insert(Slug.fileStem(of: path)) }
            switch file {
            case .role(let role): content.roles.append(role)
            case .home(let page): content.home = page
            case .comparisonProse(let page): content.comparisonProse.append(page)
            case .page(let page): content.pages.append(page)
            case nil: break
            }
        }
        if let memo {
            let fresh = zip(markdownPaths, parsed).compactMap { path, result in result.encoded.map { (key: path, stamp: result.stamp ?? .zero, payload: $0) } }
            memo.keep(fresh, Set(markdownPaths))
        }
        guard config != nil else { return (nil, diagnostics) }
        return (content, diagnostics)
    }

    /// One parsed Markdown file, by the folder it sits in.
    package enum ParsedFile: Sendable, Equatable {
        case role(Role)
        case home(Page)
        case comparisonProse(Page)
        case page(Page)

        var isDraft: Bool {
            switch self {
            case .role(let role): role.draft
            case .home(let page), .comparisonProse(let page), .page(let page): page.draft
            }
        }
    }

    /// What reading one Markdown file gave: the parsed file (nil when it failed), its
    /// problems, the stamp of its bytes, and its cache entry when it was parsed afresh.
    private struct ParseResult: Sendable {
        var file: ParsedFile?
        var diagnostics: [Diagnostic]
        var stamp: Digest?
        var encoded: [UInt8]?
    }

    /// Reads one Markdown file and parses it, or takes it from the cache when its bytes are
    /// those of the last build.
    private func parse(_ path: String, in contentURL: URL, memo: ParseMemo?) -> ParseResult {
        var diagnostics: [Diagnostic] = []
        let file = display("\(Self.contentFolder)/\(path)")
        guard let bytes = Self.contents(atPath: contentURL.path + "/" + path) else {
            let exists = FileManager.default.fileExists(atPath: contentURL.path + "/" + path)
            return ParseResult(file: nil, diagnostics: [.error(exists ? "cannot read file" : "file not found", at: SourceLocation(file: file))])
        }
        var hasher = DigestHasher()
        hasher.combine(file)
        bytes.withUnsafeBytes { hasher.combine($0) }
        let stamp = hasher.finalize()
        if let cached = memo?.lookup(path, stamp: stamp, bytes: bytes) {
            return ParseResult(file: cached.file, diagnostics: cached.diagnostics, stamp: stamp)
        }
        guard let text = Self.text(bytes, shownAs: file, into: &diagnostics) else { return ParseResult(file: nil, diagnostics: diagnostics, stamp: stamp) }
        let parsed: ParsedFile?
        if path.hasPrefix("roles/") {
            let (role, found) = Role.parse(text, contentPath: path, file: file)
            parsed = role.map { .role($0) }
            diagnostics += found
        } else {
            let isHome = path == "index.md"
            let isProse = path.hasPrefix("compare/")
            let isFolderIndex = path == Page.folderIndexName || path.hasSuffix("/" + Page.folderIndexName)
            let (page, found) = Page.parse(text, contentPath: path, file: file, titleRequired: !isHome && !isProse && !isFolderIndex)
            parsed = page.map { isHome ? .home($0) : isProse ? .comparisonProse($0) : .page($0) }
            diagnostics += found
        }
        return ParseResult(
            file: parsed, diagnostics: diagnostics, stamp: stamp, encoded: memo == nil ? nil : ParseMemo.encode(parsed, diagnostics, bytes: bytes))
    }

    /// Every regular file below `folder`, relative to it, sorted; dotfiles and dot-folders
    /// are skipped, symbolic links are not followed. Lists with `readdir` (the file type comes
    /// with each entry), not with FileManager's enumerator and a stat per URL.
    package static func listFiles(under folder: URL) -> [String] {
        var paths: [String] = []
        collectFiles(in: folder.standardizedFileURL.path, prefix: "", into: &paths)
        return paths.sorted()
    }

    private static func collectFiles(in folder: String, prefix: String, into paths: inout [String]) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            let full = folder + "/" + name
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                guard lstat(full, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                default: continue
                }
            }
            if type == Int32(DT_DIR) {
                collectFiles(in: full, prefix: prefix + name + "/", into: &paths)
            } else if type == Int32(DT_REG) {
                paths.append(prefix + name)
            }
        }
    }

    private func read(_ path: String, shownAs file: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let bytes = Self.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            diagnostics.append(.error(exists ? "cannot read file" : "file not found", at: SourceLocation(file: file)))
            return nil
        }
        return Self.text(bytes, shownAs: file, into: &diagnostics)
    }

    private static func text(_ bytes: [UInt8], shownAs file: String, into diagnostics: inout [Diagnostic]) -> String? {
        // As `String(data:encoding:)`: a leading byte order mark is dropped.
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            diagnostics.append(.error("file is not valid UTF-8 text", at: SourceLocation(file: file)))
            return nil
        }
        return text
    }

    /// The bytes of a file, read with one `open` and as few `read`s as its size needs; nil
    /// when it cannot be opened or read (a folder, no permission, missing).
    package static func contents(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // One byte more than the size, so a file that grew is noticed and read to its end.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += repeatElement(0, count: bytes.count) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}

extension SiteConfig {
    /// Used only to keep reading content after `sitegen.yml` failed, so all problems show at once.
    package static let placeholder = SiteConfig(title: "", description: "", baseURL: "", language: "en", navigation: [], dimensions: [])
}
