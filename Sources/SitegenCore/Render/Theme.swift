import Foundation
import SitegenTemplates

/// The templates and assets a site renders with: the built-in default theme, with any file in
/// the site's own `Templates/` taking the place of the built-in file of the same path.
public struct Theme: Sendable {
    /// Layouts a theme must provide, one per page kind.
    static let requiredLayouts = ["base", "home", "roles", "role", "duties", "compare-hub", "compare", "skills", "skill", "page", "404"]

    let library: TemplateLibrary
    /// Asset files (path below `assets/` → bytes).
    let assets: [String: Data]
    /// Element ids the templates use literally; Markdown headings never take them.
    let reservedIDs: Set<String>
    /// The digest of every theme file's path and bytes: a page rendered with another theme
    /// is never taken from the page cache.
    let digest: Digest
    /// The templates' URL attributes, to trace a broken link to the line that wrote it.
    var templateLinks = TemplateLinks()

    /// Loads the theme for a site. `folder` is the site's `Templates/` (nil or missing for the
    /// built-in theme only); `display` turns a theme path into the path shown in diagnostics.
    static func load(folder: URL?, display: (String) -> String) -> (Theme?, [Diagnostic]) {
        var sources: [String: (text: Data, shownAs: String)] = [:]
        for (path, text) in DefaultTheme.files {
            sources[path] = (Data(text.utf8), "(built-in theme)/\(path)")
        }
        var diagnostics: [Diagnostic] = []
        if let folder, FileManager.default.fileExists(atPath: folder.path) {
            let listing = ContentLoader.listing(under: folder, siteRoot: folder.deletingLastPathComponent(), shownAs: display("").dropLastSlash)
            diagnostics += listing.problems
            // Assets are published under their names.
            diagnostics += ContentLoader.nameProblems(listing.paths.filter { $0.hasPrefix("assets/") }, shownAs: display("").dropLastSlash)
            for path in listing.paths {
                switch ContentLoader.read(folder.appendingPathComponent(path).path) {
                case .success(let bytes): sources[path] = (Data(bytes), display(path))
                case .failure(.system(ENOENT)): continue
                case .failure(let failure): diagnostics.append(failure.diagnostic(at: display(path)))
                }
            }
        }

        var templates: [String: Template] = [:]
        var texts: [String: (text: String, shownAs: String)] = [:]
        var assets: [String: Data] = [:]
        var hasher = DigestHasher()
        for path in sources.keys.sorted() {
            let (data, shownAs) = sources[path]!
            hasher.combine(path)
            hasher.combine(data.count)
            data.withUnsafeBytes { hasher.combine($0) }
            if path.hasPrefix("assets/") {
                assets[String(path.dropFirst("assets/".count))] = data
                continue
            }
            guard path.hasSuffix(".mustache"), path.hasPrefix("layouts/") || path.hasPrefix("partials/") else { continue }
            let name = Slug.fileStem(of: String(path.dropLast(".mustache".count)))
            let text = String(decoding: data, as: UTF8.self)
            if let other = texts[name] {
                diagnostics.append(
                    .error("template name '\(name)' is used by both \(other.shownAs) and this file", at: SourceLocation(file: shownAs, line: 1, column: 1)))
                continue
            }
            texts[name] = (text, shownAs)
            do {
                templates[name] = try Template(text)
            } catch {
                diagnostics.append(.error("template syntax error: \(error.message)", at: SourceLocation(file: shownAs, line: error.line, column: error.column)))
            }
        }
        let names = Set(texts.keys)
        for (name, template) in templates.sorted(by: { texts[$0.key]!.shownAs < texts[$1.key]!.shownAs }) {
            diagnostics += checkReferences(of: template, file: texts[name]!.shownAs, known: names)
        }
        for name in requiredLayouts where texts[name] == nil {
            diagnostics.append(.error("the theme has no '\(name)' layout (Templates/layouts/\(name).mustache)", at: nil))
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        let reserved = Set(texts.values.flatMap { literalIDs(in: $0.text) })
        var theme = Theme(library: TemplateLibrary(templates), assets: assets, reservedIDs: reserved, digest: hasher.finalize())
        theme.templateLinks = TemplateLinks(templates: Array(texts.values))
        return (theme, diagnostics)
    }

    /// Renders a layout with a view model, as UTF-8 bytes.
    func render(_ layout: String, _ view: PageView) throws(TemplateRenderError) -> [UInt8] {
        try library.render(layout, .object(view))
    }

    // MARK: Checks

    /// Every `{{> name}}` and `{{< name}}` must name a template of the theme.
    static func checkReferences(of template: Template, file: String, known: Set<String>) -> [Diagnostic] {
        template.references.compactMap { reference in
            guard !known.contains(reference.name) else { return nil }
            let hint = Suggestion.hint(for: reference.name, in: known)
            let kind = reference.kind == .partial ? "partial" : "parent layout"
            return .error("unknown \(kind) '\(reference.name)'\(hint)", at: SourceLocation(file: file, line: reference.line, column: reference.column))
        }
    }

    /// Literal `id="…"` values in a template (not ones built from `{{…}}`).
    static func literalIDs(in text: String) -> [String] {
        var ids: [String] = []
        var rest = text[...]
        while let range = rest.range(of: "id=\"") {
            let value = rest[range.upperBound...].prefix { $0 != "\"" }
            if !value.contains("{") { ids.append(String(value)) }
            rest = rest[range.upperBound...]
        }
        return ids
    }
}

extension String {
    /// `Templates/` → `Templates`.
    fileprivate var dropLastSlash: String { hasSuffix("/") ? String(dropLast()) : self }
}
