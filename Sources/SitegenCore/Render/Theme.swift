import Foundation
import Mustache

/// The templates and assets a site renders with: the built-in default theme, with any file in
/// the site's own `Templates/` taking the place of the built-in file of the same path.
public struct Theme: Sendable {
    /// Layouts a theme must provide, one per page kind.
    static let requiredLayouts = ["base", "home", "roles", "role", "duties", "compare-hub", "compare", "skills", "skill", "page", "404"]

    let library: MustacheLibrary
    /// Asset files (path below `assets/` → bytes).
    let assets: [String: Data]
    /// Element ids the templates use literally; Markdown headings never take them.
    let reservedIDs: Set<String>

    /// Loads the theme for a site. `folder` is the site's `Templates/` (nil or missing for the
    /// built-in theme only); `display` turns a theme path into the path shown in diagnostics.
    static func load(folder: URL?, display: (String) -> String) -> (Theme?, [Diagnostic]) {
        var sources: [String: (text: Data, shownAs: String)] = [:]
        for (path, text) in DefaultTheme.files {
            sources[path] = (Data(text.utf8), "(built-in theme)/\(path)")
        }
        if let folder, FileManager.default.fileExists(atPath: folder.path) {
            for path in ContentLoader.listFiles(under: folder) {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
                sources[path] = (data, display(path))
            }
        }

        FastHTMLEscaping.registered
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: (text: String, shownAs: String)] = [:]
        var assets: [String: Data] = [:]
        for path in sources.keys.sorted() {
            let (data, shownAs) = sources[path]!
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
                templates[name] = try MustacheTemplate(string: text)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(file: shownAs, line: error.context.lineNumber, column: error.context.columnNumber)
                diagnostics.append(.error("template syntax error: \(describe(error.error))", at: location))
            } catch {
                diagnostics.append(.error("template syntax error: \(error)", at: SourceLocation(file: shownAs)))
            }
        }
        let names = Set(texts.keys)
        for source in texts.values.sorted(by: { $0.shownAs < $1.shownAs }) {
            diagnostics += checkPartialReferences(in: source.text, file: source.shownAs, known: names)
        }
        for name in requiredLayouts where texts[name] == nil {
            diagnostics.append(.error("the theme has no '\(name)' layout (Templates/layouts/\(name).mustache)", at: nil))
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        let reserved = Set(texts.values.flatMap { literalIDs(in: $0.text) })
        return (Theme(library: MustacheLibrary(templates: templates), assets: assets, reservedIDs: reserved), diagnostics)
    }

    /// Renders a layout with a view model.
    func render(_ layout: String, _ view: PageView) -> String {
        library.render(view, withTemplate: layout) ?? ""
    }

    // MARK: Checks

    /// Every `{{> name}}` and `{{< name}}` must name a template; swift-mustache would
    /// silently render nothing.
    static func checkPartialReferences(in text: String, file: String, known: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...].drop { $0 == " " }
                guard let sigil = afterOpen.first, sigil == ">" || sigil == "<",
                    let close = afterOpen.range(of: "}}")
                else {
                    rest = rest[open.upperBound...]
                    continue
                }
                let name = afterOpen[afterOpen.index(after: afterOpen.startIndex)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if !known.contains(name) {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    let hint = Suggestion.hint(for: name, in: known)
                    let kind = sigil == ">" ? "partial" : "parent layout"
                    diagnostics.append(.error("unknown \(kind) '\(name)'\(hint)", at: SourceLocation(file: file, line: index + 1, column: column)))
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return diagnostics
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

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only block overrides may appear inside an inheritance section"
        case .textInsideInheritSection: return "text is not allowed directly inside an inheritance section"
        case .invalidConfigVariableSyntax: return "invalid config variable"
        case .unrecognisedConfigVariable: return "unrecognised config variable"
        @unknown default: return "\(error)"
        }
    }
}
