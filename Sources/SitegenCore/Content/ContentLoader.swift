import Foundation

/// Reads a site folder (`sitegen.yml` + `Content/`) from disk. The parsing is done by the pure
/// `parse` functions of each model; this type only lists and reads files.
public struct ContentLoader: Sendable {
    /// The site root (holds `sitegen.yml`, `Content/`, optionally `Templates/`).
    public var root: URL
    /// How paths under the root are shown in diagnostics (`""` for the current folder).
    public var displayPrefix: String

    /// Creates a loader for the site at `root`.
    public init(root: URL, displayPrefix: String) {
        self.root = root
        self.displayPrefix = displayPrefix
    }

    static let contentFolder = "Content"

    /// The path of a file under the root as the user should see it.
    public func display(_ relative: String) -> String { displayPrefix + relative }

    /// Loads and parses everything; all problems are collected before returning. The content
    /// is returned even when some files had errors (so later checks can still run), but not
    /// when `sitegen.yml` itself is unusable.
    public func load(includeDrafts: Bool) -> (LoadedContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let configFile = display(SiteConfig.fileName)
        guard let configText = read(root.appendingPathComponent(SiteConfig.fileName), shownAs: configFile, into: &diagnostics) else {
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
        let parsed = paths.filter { $0.hasSuffix(".md") }.parallelMap { path in
            parse(path, in: contentURL, includeDrafts: includeDrafts)
        }
        for ((file, found), path) in zip(parsed, paths.filter { $0.hasSuffix(".md") }) {
            diagnostics += found
            if file == nil, path.hasPrefix("roles/") { content.unavailableRoleSlugs.insert(Slug.fileStem(of: path)) }
            switch file {
            case .role(let role): content.roles.append(role)
            case .home(let page): content.home = page
            case .comparisonProse(let page): content.comparisonProse.append(page)
            case .page(let page): content.pages.append(page)
            case nil: break
            }
        }
        guard config != nil else { return (nil, diagnostics) }
        return (content, diagnostics)
    }

    /// One parsed Markdown file, by the folder it sits in.
    enum ParsedFile: Sendable, Equatable {
        case role(Role)
        case home(Page)
        case comparisonProse(Page)
        case page(Page)
    }

    /// Reads and parses one Markdown file; nil when it failed or is a draft left out.
    private func parse(_ path: String, in contentURL: URL, includeDrafts: Bool) -> (ParsedFile?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let file = display("\(Self.contentFolder)/\(path)")
        guard let text = read(contentURL.appendingPathComponent(path), shownAs: file, into: &diagnostics) else { return (nil, diagnostics) }
        if path.hasPrefix("roles/") {
            let (role, found) = Role.parse(text, contentPath: path, file: file)
            guard let role, includeDrafts || !role.draft else { return (nil, found) }
            return (.role(role), found)
        }
        let isHome = path == "index.md"
        let isProse = path.hasPrefix("compare/")
        let (page, found) = Page.parse(text, contentPath: path, file: file, titleRequired: !isHome && !isProse)
        guard let page, includeDrafts || !page.draft else { return (nil, found) }
        return (isHome ? .home(page) : isProse ? .comparisonProse(page) : .page(page), found)
    }

    /// Every regular file below `folder`, relative to it, sorted; dotfiles and dot-folders
    /// are skipped, symbolic links are not followed.
    static func listFiles(under folder: URL) -> [String] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                options: [.skipsHiddenFiles]
            )
        else { return [] }
        let base = folder.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
            guard values?.isRegularFile == true, values?.isSymbolicLink != true else { continue }
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base + "/") else { continue }
            paths.append(String(full.dropFirst(base.count + 1)))
        }
        return paths.sorted()
    }

    private func read(_ url: URL, shownAs file: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let exists = FileManager.default.fileExists(atPath: url.path)
            diagnostics.append(.error(exists ? "cannot read file" : "file not found", at: SourceLocation(file: file)))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error("file is not valid UTF-8 text", at: SourceLocation(file: file)))
            return nil
        }
        return text
    }
}

extension SiteConfig {
    /// Used only to keep reading content after `sitegen.yml` failed, so all problems show at once.
    static let placeholder = SiteConfig(title: "", description: "", baseURL: "", language: "en", navigation: [], dimensions: [])
}
