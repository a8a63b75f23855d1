import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenSupport
import SitegenTemplates
import Synchronization

/// What every page renderer is given: the resolved site, the theme and the rendered Markdown.
/// Renderers are pure functions of this value.
package struct RenderContext: Sendable {
    package var site: Site
    package var theme: Theme
    /// The theme's words in the site's language.
    package var words: Words
    /// Rendered Markdown bodies by content path (`roles/engineer.md`; another language's
    /// under its folder, `de/roles/engineer.md`).
    package var markdown: [String: RenderedMarkdown]
    /// The folder this language's documents are under in `markdown` and `bodyOrigins` (`""`,
    /// `de/`): one build renders every language's Markdown into one table.
    package var documentPrefix = ""
    /// Where a session keeps values made from the site between its builds (`memoized`).
    package var memo: ReadMemo?
    /// The site's languages and which pages each has, when it has more than one.
    package var translations: Translations?
    /// Files as shown in diagnostics, by content path, with the line their body starts on.
    package var bodyOrigins: [String: (file: String, firstLine: Int)]
    /// Gives the bytes stored in the slot `slot` under `key` by an earlier build of the same
    /// sitegen binary, or makes them with the function and stores them (the pipeline's cache;
    /// by default they are just made). `key` is the digest of everything they are made from.
    package var cachedBytes: @Sendable (_ slot: String, _ key: Digest, _ make: () -> [UInt8]) -> [UInt8] = { $2() }
    /// `make(site)`, kept by a session between builds under what it reads of the site
    /// (`ReadMemo`), or made. `make` must read the site through its accessors only.
    package func memoized<Value: Sendable>(_ name: String, _ make: (Site) -> Value) -> Value {
        memo?.value(name, on: site, make: make) ?? make(site)
    }

    /// The sorted paths of the files `files` makes (a page kind's files named by their
    /// content), kept in the slot `slot` under `key`: a warm build plans them without making
    /// any.
    package func cachedPaths(_ slot: String, _ key: Digest, files: () -> [String: OutputFile]) -> [String] {
        let stored = cachedBytes(slot, key) {
            var writer = ByteWriter()
            writer.write(files().keys.sorted())
            return writer.bytes
        }
        let read = stored.withUnsafeBytes { raw -> [String]? in
            var reader = ByteReader(raw)
            let paths = reader.strings()
            return reader.failed || !reader.isAtEnd ? nil : paths
        }
        return read ?? files().keys.sorted()
    }

    /// The digest of everything the site's pages are made from but the Markdown bodies (the
    /// pipeline's page inputs), when there is a cache: files a page kind makes from the site's
    /// fields alone are kept under it.
    package var siteDigest: Digest?
    /// The digest of the site's content and theme but the Markdown bodies (`siteDigest` without
    /// the sitegen binary), and of every body's text: what files made from the whole site (the
    /// search index) are named after.
    package var contentDigest: Digest?
    package var bodiesDigest: Digest?
    /// The names the theme's templates look up, when views need offer only those of the
    /// declared fields (a build: a value no template reads is neither made nor digested); nil
    /// for all of them (the template reference lists every name a layout could use).
    package private(set) var usedNames: Set<String>?
    /// The declared fields views offer by name: those a template reads (all without `usedNames`).
    package private(set) var offeredFields: [Schema.Field]?

    /// Views offer only the names in `used` of the declared fields, and skip lists no
    /// template reads.
    package mutating func offerOnly(_ used: Set<String>) {
        usedNames = used
        offeredFields = site.config.schema.fields.filter { used.contains($0.key) || used.contains($0.key + "URL") }
    }

    /// Whether a template reads `name` (always, without `usedNames`).
    package func isUsed(_ name: String) -> Bool { usedNames?.contains(name) ?? true }
    /// Problems met while rendering pages (a template that includes itself without end).
    package var problems = RenderProblems()

    /// A context for the site and theme, with the Markdown rendered so far.
    package init(
        site: Site, theme: Theme, words: Words, markdown: [String: RenderedMarkdown], bodyOrigins: [String: (file: String, firstLine: Int)]
    ) {
        self.site = site
        self.theme = theme
        self.words = words
        self.markdown = markdown
        self.bodyOrigins = bodyOrigins
    }

    /// The view a layout is given for one page. `rootOverride` replaces the relative way back
    /// to the site root (for pages served at any depth).
    package func view(url: String, title: String, description: String, content: any ViewModel, rootOverride: String? = nil) -> PageView {
        let root = rootOverride ?? ContentPath.rootPrefix(forPageURL: url)
        return PageView(
            site: site.config, url: url,
            documentTitle: url.isEmpty ? site.config.title : "\(title) · \(site.config.title)",
            description: description,
            canonical: site.config.baseURL.isEmpty || rootOverride != nil ? nil : site.config.baseURL + url,
            root: root, words: words, content: content,
            languages: rootOverride == nil ? translations?.links(for: url, root: root) ?? [] : []
        )
    }

    /// This context (a language's) with the Markdown and diagnostics of `build`, the context
    /// the build renders every language's pages with.
    package func rendered(by build: RenderContext) -> RenderContext {
        var context = self
        context.markdown = build.markdown
        context.bodyOrigins = build.bodyOrigins
        context.problems = build.problems
        return context
    }

    /// Renders a page's view through its layout, as an output file.
    package func render(_ spec: PageSpec, layout: String, view: PageView) -> OutputFile {
        var links: [String: SourceLocation] = [:]
        if let contentPath = spec.documents.first, let rendered = markdown[contentPath], let origin = bodyOrigins[contentPath] {
            for link in rendered.links {
                links[link.destination] = SourceLocation(file: origin.file, line: origin.firstLine + link.line - 1, column: link.column)
            }
        }
        let html: [UInt8]
        do {
            html = try theme.render(layout, view)
        } catch {
            problems.add(.error("cannot render layout '\(layout)': \(error.message)", at: spec.source.map { SourceLocation(file: $0) }))
            html = []
        }
        return OutputFile(path: spec.path, data: Data(html), source: spec.source, markdownLinks: links)
    }

    /// The HTML of a content file's body (empty when it has none).
    package func html(_ contentPath: String) -> String { markdown[documentKey(contentPath)]?.html ?? "" }

    /// The headings of a content file's body.
    package func headings(_ contentPath: String) -> [Heading] { markdown[documentKey(contentPath)]?.headings ?? [] }

    /// Where a content file of this language is in `markdown`.
    package func documentKey(_ contentPath: String) -> String { documentPrefix.isEmpty ? contentPath : documentPrefix + contentPath }

    /// The article before a role's title: its own `article:` when it has one, else "a" or
    /// "an" by the title's sound.
    package static func article(for role: Role) -> String { role.article ?? article(for: role.title) }

    /// "a" or "an" before a title, by its sound: an Engineer, a Unit Manager
    /// Manager, an hourly role. A title starting with an abbreviation is read letter by letter:
    /// an ML Engineer, an SDET, a UX Designer, a QA Lead.
    package static func article(for title: String) -> String {
        let first = title.prefix { $0.isLetter }
        if first.count >= 2, first.allSatisfy(\.isUppercase), let letter = first.first {
            // Letters whose names start with a vowel sound: "ay", "ee", "ef", "aitch", "eye", …
            return "AEFHILMNORSX".contains(letter) ? "an" : "a"
        }
        let lower = title.lowercased()
        if ["hour", "honest", "honor", "honour", "heir"].contains(where: lower.hasPrefix) { return "an" }
        if ["uni", "use", "usu", "uti", "eu", "one", "once"].contains(where: lower.hasPrefix) { return "a" }
        return "aeiou".contains(lower.first ?? "x") ? "an" : "a"
    }
}

/// Diagnostics collected from page renderers running in parallel.
package final class RenderProblems: Sendable {
    private let found = Mutex<[Diagnostic]>([])

    package func add(_ diagnostic: Diagnostic) { found.withLock { $0.append(diagnostic) } }

    /// Everything added so far, in a stable order.
    package var diagnostics: [Diagnostic] { found.withLock { $0 }.sorted { "\($0)" < "\($1)" } }
}
