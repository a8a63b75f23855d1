import Foundation
import SitegenSupport

#if canImport(Glibc)
    import Glibc
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
        guard let (config, configDiagnostics) = loadConfig(into: &diagnostics) else { return (nil, diagnostics) }
        diagnostics += configDiagnostics
        let schema = config?.schema ?? .standard
        let schemaDigest = schema.digest
        // A language's labels name declared fields (known only now, when the schema is its own file).
        let fieldKeys = schema.fields.map(\.key) + [Schema.skillsKey]
        for language in config?.languages ?? [] {
            for label in language.labels where !fieldKeys.contains(label.key) {
                let hint = Suggestion.hint(for: label.key, in: fieldKeys)
                diagnostics.append(
                    .error("the labels of language '\(language.code)' name '\(label.key)', which is no declared field\(hint)", at: label.text.location))
            }
        }

        let contentURL = root.appendingPathComponent(Self.contentFolder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentURL.path, isDirectory: &isFolder), isFolder.boolValue else {
            diagnostics.append(.error("no '\(Self.contentFolder)' folder in the site", at: SourceLocation(file: display(Self.contentFolder))))
            return (nil, diagnostics)
        }

        let siteConfig = config ?? SiteConfig.placeholder
        let listing = Self.listing(under: contentURL, siteRoot: root, shownAs: display(Self.contentFolder))
        diagnostics += listing.problems
        // Each file belongs to one language's content, under its path there.
        // The default language first: its content is the site's; the others' are its translations.
        let languages =
            siteConfig.isMultilingual
            ? siteConfig.languages.filter { $0.code == siteConfig.language } + siteConfig.otherLanguages : [SiteConfig.Language(code: siteConfig.language)]
        // Each file: where it is below `Content/`, its language, its path in that language.
        let placed = listing.paths.map { file in
            let (code, path) = Self.language(of: file, in: siteConfig)
            return (file: file, code: code, path: path, isMarkdown: file.hasSuffix(".md"))
        }
        var contents: [LoadedContent] = []
        var markdown: [(path: String, contentPath: String, language: Int)] = []
        for language in languages {
            let languageConfig = siteConfig.isMultilingual ? siteConfig.inLanguage(language) : siteConfig
            var content = LoadedContent(config: languageConfig, home: nil, roles: [], comparisonProse: [], pages: [], assets: [])
            let own = placed.filter { $0.code == language.code }
            let folder = languageConfig.outputPrefix
            let shownAs = display(Self.contentFolder + (folder.isEmpty ? "" : "/" + folder.dropLast()))
            diagnostics += Self.nameProblems(own.map(\.path), shownAs: shownAs)
            // Another language's site has the default language's other files too, where it has
            // none of its own on the same path.
            let ownAssets = own.filter { !$0.isMarkdown }
            let shadowed = Set(ownAssets.map(\.path))
            let inherited = folder.isEmpty ? [] : placed.filter { $0.code == siteConfig.language && !$0.isMarkdown && !shadowed.contains($0.path) }
            content.assets = (ownAssets + inherited).sorted { $0.path < $1.path }.map(\.file)
            markdown += own.filter(\.isMarkdown).map { ($0.file, $0.path, contents.count) }
            contents.append(content)
        }
        // The resident parses, looked up without a lock while the files are parsed.
        let kept = memo?.resident?.files(for: schemaDigest)
        let parsed = markdown.parallelMap { file in
            parse(file.path, contentPath: file.contentPath, in: contentURL, schema: schema, schemaDigest: schemaDigest, memo: memo, kept: kept)
        }
        for (result, file) in zip(parsed, markdown) {
            diagnostics += result.diagnostics

            var parsedFile = result.file
            if !includeDrafts, parsedFile?.isDraft == true { parsedFile = nil }
            if parsedFile == nil, file.contentPath.hasPrefix("roles/") {
                contents[file.language].unavailableRoleSlugs.insert(Slug.fileStem(of: file.contentPath))
            }
            switch parsedFile {
            case .role(let role): contents[file.language].roles.append(role)
            case .home(let page): contents[file.language].home = page
            case .comparisonProse(let page): contents[file.language].comparisonProse.append(page)
            case .page(let page): contents[file.language].pages.append(page)
            case nil: break
            }
        }
        // A site in one language has its files in path order already; a language's may come
        // from two places (`de/roles/a.md`, `roles/b.de.md`).
        for index in contents.indices where siteConfig.isMultilingual {
            contents[index].roles.sort { $0.contentPath < $1.contentPath }
            contents[index].comparisonProse.sort { $0.contentPath < $1.contentPath }
            contents[index].pages.sort { $0.contentPath < $1.contentPath }
        }
        if let memo {
            let fresh = zip(markdown, parsed).compactMap { file, result in result.encoded.map { (key: file.path, stamp: result.stamp ?? .zero, payload: $0) } }
            let live = Set(markdown.map(\.path))
            memo.keep(fresh, live)
            memo.resident?.keep(
                zip(markdown, parsed).compactMap { file, result in
                    guard let status = result.status, let stamp = result.stamp else { return nil }
                    return (file.path, ResidentParses.Kept(status: status, stamp: stamp, entry: (result.file, result.diagnostics)))
                }, live: live)
        }
        var content = contents.removeFirst()
        content.translations = contents
        guard config != nil else { return (nil, diagnostics) }
        return (content, diagnostics)
    }

    /// The language a file below `Content/` belongs to, and its path in that language's
    /// content: `de/roles/engineer.md` and `roles/engineer.de.md` are `roles/engineer.md` of
    /// `de`; every other file is the default language's. A site in one language has only that.
    package static func language(of path: String, in config: SiteConfig) -> (code: String, path: String) {
        guard config.isMultilingual else { return (config.language, path) }
        for language in config.otherLanguages where path.hasPrefix(language.code + "/") {
            return (language.code, String(path.dropFirst(language.code.count + 1)))
        }
        if path.hasSuffix(".md") {
            let stem = path.dropLast(3)
            for language in config.languages where stem.hasSuffix("." + language.code) && !stem.hasSuffix("/." + language.code) {
                return (language.code, stem.dropLast(language.code.count + 1) + ".md")
            }
        }
        return (config.language, path)
    }

    /// `path` without the language folder `folder` (`de/`) it starts with.
    package static func strip(_ folder: String, from path: String) -> String {
        !folder.isEmpty && path.hasPrefix(folder) ? String(path.dropFirst(folder.count)) : path
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
        /// The file's status before it was read, for the resident parses (nil when it was not
        /// read, or none are kept).
        var status: ResidentParses.Status? = nil
    }

    /// Reads one Markdown file and parses it, or takes it from the cache when its bytes are
    /// those of the last build.
    private func parse(
        _ path: String, contentPath: String, in contentURL: URL, schema: Schema, schemaDigest: Digest, memo: ParseMemo?,
        kept: [String: ResidentParses.Kept]?
    ) -> ParseResult {
        var diagnostics: [Diagnostic] = []
        let file = display("\(Self.contentFolder)/\(path)")
        // Taken as it is when its status is the one it was read with (`ResidentParses`); the
        // status is looked at before the bytes are read, so an edit while reading is seen next time.
        let status = kept == nil ? nil : ResidentParses.status(of: contentURL.path + "/" + path)
        if let status, let kept = kept?[path], kept.status == status {
            return ParseResult(file: kept.entry.file, diagnostics: kept.entry.diagnostics, stamp: kept.stamp)
        }
        let bytes: [UInt8]
        switch Self.read(contentURL.path + "/" + path) {
        case .success(let read): bytes = read
        // Removed since it was listed (an editor's scratch file, or a file deleted while the
        // build ran): it is no source any more.
        case .failure(.system(ENOENT)): return ParseResult(file: nil, diagnostics: [])
        case .failure(let failure): return ParseResult(file: nil, diagnostics: [failure.diagnostic(at: file)])
        }
        var hasher = DigestHasher()
        hasher.combine(file)
        // The file's path in its language's content decides what it is.
        hasher.combine(contentPath)
        // A role is read by the schema: the same bytes parse differently under another one.
        if contentPath.hasPrefix("roles/") { hasher.combine(schemaDigest) }
        bytes.withUnsafeBytes { hasher.combine($0) }
        let stamp = hasher.finalize()
        if let cached = memo?.lookup(path, stamp: stamp, bytes: bytes) {
            return ParseResult(file: cached.file, diagnostics: cached.diagnostics, stamp: stamp, status: status)
        }
        guard let text = Self.text(bytes, shownAs: file, into: &diagnostics) else {
            return ParseResult(file: nil, diagnostics: diagnostics, stamp: stamp, status: status)
        }
        let parsed: ParsedFile?
        let path = contentPath
        if path.hasPrefix("roles/") {
            let (role, found) = Role.parse(text, contentPath: path, file: file, schema: schema)
            parsed = role.map { .role($0.withDigests) }
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
            file: parsed, diagnostics: diagnostics, stamp: stamp, encoded: memo == nil ? nil : ParseMemo.encode(parsed, diagnostics, bytes: bytes),
            status: status)
    }

    /// `sitegen.yml`, with the schema of the file it names (`schema: schema.yml`) read in; nil
    /// when the file cannot be read (reported in `diagnostics`). The config is nil, with the
    /// problems, when it does not parse.
    package func loadConfig(into diagnostics: inout [Diagnostic]) -> (SiteConfig?, [Diagnostic])? {
        let configFile = display(SiteConfig.fileName)
        guard let configText = read(root.appendingPathComponent(SiteConfig.fileName).path, shownAs: configFile, into: &diagnostics) else {
            return nil
        }
        var (config, problems) = SiteConfig.parse(configText, file: configFile)
        if let named = config?.schemaFile { config?.schema = loadSchema(named, into: &problems) }
        return (config, problems)
    }

    /// The schema in the file `sitegen.yml` names (`schema: schema.yml`), relative to the site.
    private func loadSchema(_ named: SiteConfig.Located, into diagnostics: inout [Diagnostic]) -> Schema {
        let path = named.value
        guard !path.hasPrefix("/"), !path.split(separator: "/").contains(".."), path.hasSuffix(".yml") || path.hasSuffix(".yaml") else {
            diagnostics.append(.error("'schema' must name a .yml file inside the site folder, e.g. 'schema.yml'", at: named.location))
            return .standard
        }
        let file = display(path)
        var problems: [Diagnostic] = []
        guard let text = read(root.appendingPathComponent(path).path, shownAs: file, into: &problems) else {
            // Reported where the file is named: it may not exist.
            diagnostics += problems.map { .error("cannot read the schema file '\(path)': \($0.message)", at: named.location) }
            return .standard
        }
        var fields = YAMLFields(file: file, firstLine: 1)
        guard let mapping = fields.compose(text) else {
            diagnostics += fields.diagnostics
            return .standard
        }
        let schema = Schema.parse(mapping, fields: &fields)
        diagnostics += fields.diagnostics
        return schema
    }

    private func read(_ path: String, shownAs file: String, into diagnostics: inout [Diagnostic]) -> String? {
        switch Self.read(path, insideSite: root.path) {
        case .success(let bytes): return Self.text(bytes, shownAs: file, into: &diagnostics)
        case .failure(.system(ENOENT)): diagnostics.append(.error(Self.fileNotFound, at: SourceLocation(file: file)))
        case .failure(let failure): diagnostics.append(failure.diagnostic(at: file))
        }
        return nil
    }

    static let fileNotFound = "file not found"

    private static func text(_ bytes: [UInt8], shownAs file: String, into diagnostics: inout [Diagnostic]) -> String? {
        // As `String(data:encoding:)`: a leading byte order mark is dropped.
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            diagnostics.append(.error("file is not valid UTF-8 text", at: SourceLocation(file: file)))
            return nil
        }
        return text
    }

}

extension SiteConfig {
    /// Used only to keep reading content after `sitegen.yml` failed, so all problems show at once.
    package static let placeholder = SiteConfig(title: "", description: "", baseURL: "", language: "en", navigation: [], schema: .standard)
}
