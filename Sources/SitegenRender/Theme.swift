import Foundation
import SitegenContent
import SitegenSupport
import SitegenTemplates

/// The templates and assets a site renders with: the built-in default theme, with any file in
/// the site's own `Templates/` taking the place of the built-in file of the same path.
public struct Theme: Sendable {
    package let library: TemplateLibrary
    /// Asset files (path below `assets/` → bytes).
    package let assets: [String: Data]
    /// Element ids the templates use literally; Markdown headings never take them.
    package let reservedIDs: Set<String>
    /// Per template name, the digest of its text and of every partial and parent it names,
    /// all the way down: what a page rendered with it depends on besides its view.
    package let templateDigests: [String: Digest]
    /// Per template name, the file it came from as diagnostics show it.
    package let templateFiles: [String: String]
    /// The words of each language the theme has (`i18n/<code>.yml`), by code.
    package let languages: [String: LanguageFile]
    /// Every template's text with the file it came from as diagnostics show it.
    package let templateSources: [(text: String, shownAs: String)]

    /// The built-in theme's files, by path (`layouts/role.mustache`), as `make` takes them.
    package static var builtInFiles: [String: (text: Data, shownAs: String)] {
        var files: [String: (text: Data, shownAs: String)] = [:]
        for (path, text) in DefaultTheme.files { files[path] = (Data(text.utf8), "(built-in theme)/\(path)") }
        return files
    }

    /// Makes the theme from its files: every path below `Templates/` with its bytes and the
    /// path it is shown as in diagnostics (the site's own files over the built-in ones).
    package static func make(_ sources: [String: (text: Data, shownAs: String)]) -> (Theme?, [Diagnostic]) {

        var diagnostics: [Diagnostic] = []
        var templates: [String: Template] = [:]
        var texts: [String: (text: String, shownAs: String)] = [:]
        var assets: [String: Data] = [:]
        var languages: [String: LanguageFile] = [:]
        for path in sources.keys.sorted() {
            let (data, shownAs) = sources[path]!
            if path.hasPrefix("i18n/") && path.hasSuffix(".yml") {
                let code = String(path.dropFirst("i18n/".count).dropLast(".yml".count))
                let (file, found) = LanguageFile.parse(String(decoding: data, as: UTF8.self), file: shownAs)
                diagnostics += found
                guard var file else { continue }
                // A site's language file changes or adds words; the rest are the built-in ones.
                if let builtIn = DefaultTheme.files[path], !shownAs.hasPrefix("(built-in theme)"), let base = LanguageFile.parse(builtIn, file: path).0 {
                    file.texts = base.texts.merging(file.texts) { _, site in site }
                }
                languages[code] = file
                continue
            }
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
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        let reserved = Set(texts.values.flatMap { literalIDs(in: $0.text) })
        let digests = templateDigests(templates, texts: texts.mapValues(\.text))
        return (
            Theme(
                library: TemplateLibrary(templates), assets: assets, reservedIDs: reserved, templateDigests: digests,
                templateFiles: texts.mapValues(\.shownAs), languages: languages, templateSources: Array(texts.values)),
            diagnostics
        )
    }

    /// The names `layout` (and every template it includes) uses that a value of type `root`
    /// cannot provide, as errors at their tags.
    package func unknownNames(in layout: String, root: TemplateType) -> [(problem: TemplateNameProblem, location: SourceLocation)] {
        library.checkNames(layout, root: root).map { problem in
            (problem, SourceLocation(file: templateFiles[problem.template] ?? problem.template, line: problem.line, column: problem.column))
        }
    }

    /// The words for a site's `language:` code: its own file, else the file of its main
    /// language (`en` for `en-GB`), else English, with a warning when it is not its own.
    package func words(for code: String) -> (Words, [Diagnostic]) {
        let main = code.split(separator: "-").first.map(String.init) ?? code
        for candidate in [code, main] { if let file = languages[candidate] { return (Words(language: candidate, texts: file.texts), []) } }
        let english = languages["en"]?.texts ?? [:]
        return (
            Words(language: "en", texts: english),
            [.warning("the theme has no words in '\(code)' (Templates/i18n/\(main).yml); its pages are in English", at: nil)]
        )
    }

    /// Whether the theme has a template called `name`.
    package func has(_ name: String) -> Bool { templateDigests[name] != nil }

    /// The layouts pages ask for that the theme lacks, as errors: at the front matter that
    /// chose one, else once for the theme.
    package func missingLayouts(_ wanted: [(layout: String, location: SourceLocation?)]) -> [Diagnostic] {
        var seen: Set<String> = []
        return wanted.filter { !has($0.layout) && seen.insert("\($0.layout)\u{0}\($0.location.map(\.description) ?? "")").inserted }.map {
            .error("the theme has no '\($0.layout)' layout (Templates/layouts/\($0.layout).mustache)", at: $0.location)
        }.sorted { $0.description < $1.description }
    }

    /// For each template, the digest of the texts of it and everything it includes.
    private static func templateDigests(_ templates: [String: Template], texts: [String: String]) -> [String: Digest] {
        var digests: [String: Digest] = [:]
        for name in templates.keys {
            var seen: Set<String> = []
            var pending = [name]
            while let next = pending.popLast() {
                guard seen.insert(next).inserted, let template = templates[next] else { continue }
                pending += template.references.map(\.name)
            }
            var hasher = DigestHasher()
            for included in seen.sorted() {
                hasher.combine(included)
                hasher.combine(texts[included] ?? "")
            }
            digests[name] = hasher.finalize()
        }
        return digests
    }

    /// Renders a layout with a view model, as UTF-8 bytes.
    package func render(_ layout: String, _ view: PageView) throws(TemplateRenderError) -> [UInt8] {
        try library.render(layout, .object(view))
    }

    // MARK: Checks

    /// Every `{{> name}}` and `{{< name}}` must name a template of the theme.
    package static func checkReferences(of template: Template, file: String, known: Set<String>) -> [Diagnostic] {
        template.references.compactMap { reference in
            guard !known.contains(reference.name) else { return nil }
            let hint = Suggestion.hint(for: reference.name, in: known)
            let kind = reference.kind == .partial ? "partial" : "parent layout"
            return .error("unknown \(kind) '\(reference.name)'\(hint)", at: SourceLocation(file: file, line: reference.line, column: reference.column))
        }
    }

    /// Literal `id="…"` values in a template (not ones built from `{{…}}`).
    package static func literalIDs(in text: String) -> [String] {
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
