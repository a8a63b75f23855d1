import Yams

/// A Markdown page that is not a role: the home page intro (`index.md`), a plain page
/// (`about.md`), or the prose of a comparison (`compare/a-vs-b.md`).
package struct Page: Sendable, Hashable {
    /// The file, relative to `Content/`.
    package var contentPath: String
    /// The file as shown in diagnostics.
    package var file: String
    /// `title:` from front matter.
    package var title: String?
    /// `summary:` from front matter.
    package var summary: String?
    /// Left out of the build unless drafts are on.
    package var draft: Bool
    /// Sort position where pages are listed (lower first), as Hugo's `weight`.
    package var weight: Int?
    /// `layout:` from front matter: the layout the page is rendered with instead of the usual
    /// one, with where it was written.
    package var layout: Role.Located?
    /// Earlier URLs of the page (`aliases: [about-us/]`): each gets a page that redirects here.
    package var aliases: [Role.Located] = []
    /// The Markdown body.
    package var body: String
    /// The file line the body starts on.
    package var bodyFirstLine: Int

    package static let knownKeys = ["title", "summary", "draft", "updated", "weight", "layout", "aliases"]

    /// The name of a folder's own page (its list page's title, summary, body and layout).
    package static let folderIndexName = "_index.md"

    /// Whether this is a folder's `_index.md`.
    package var isFolderIndex: Bool { contentPath == Self.folderIndexName || contentPath.hasSuffix("/" + Self.folderIndexName) }

    /// The folder the page is in, relative to `Content/` (`guides`; "" at the top).
    package var folder: String {
        guard let slash = contentPath.lastIndex(of: "/") else { return "" }
        return String(contentPath[..<slash])
    }

    /// Parses a page; `titleRequired` for plain pages, which have nothing else to be called.
    package static func parse(_ text: String, contentPath: String, file: String, titleRequired: Bool) -> (Page?, [Diagnostic]) {
        let front: FrontMatter
        switch FrontMatter.parse(text, file: file) {
        case .success(let split): front = split
        case .failure(let error): return (nil, [error])
        }
        var fields = YAMLFields(file: file, firstLine: front.yamlFirstLine)
        guard let root = fields.compose(front.yaml) else { return (nil, fields.diagnostics) }
        fields.warnAboutUnknownKeys(in: root, known: knownKeys, context: "page front matter")
        if titleRequired && !front.hasFrontMatter {
            fields.report(
                .error("missing required field 'title' (add YAML front matter between '---' lines)", at: SourceLocation(file: file, line: 1, column: 1)))
            return (nil, fields.diagnostics)
        }
        let page = Page(
            contentPath: contentPath,
            file: file,
            title: fields.string("title", in: root, required: titleRequired),
            summary: fields.string("summary", in: root),
            draft: fields.bool("draft", in: root) ?? false,
            weight: fields.int("weight", in: root),
            layout: fields.string("layout", in: root).map { Role.Located(value: $0, location: fields.location(ofKey: "layout", in: root)) },
            aliases: Alias.read(root, fields: &fields, slugsOnly: false),
            body: front.body,
            bodyFirstLine: front.bodyFirstLine
        )
        guard !fields.diagnostics.containsErrors else { return (nil, fields.diagnostics) }
        return (page, fields.diagnostics)
    }
}
