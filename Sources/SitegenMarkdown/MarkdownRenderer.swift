import CCmarkGFM
import Foundation

/// Renders GitHub-flavoured Markdown to HTML with cmark-gfm, in safe mode.
///
/// cmark-gfm 0.29.0.gfm.6 writes process-global tables while a parser finishes, so parsing is
/// serialised behind one lock; walking the tree and rendering HTML run in parallel.
public enum MarkdownRenderer {
    private static let parseLock = NSLock()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Renders one document.
    public static func render(_ text: String, options: MarkdownOptions) -> RenderedMarkdown {
        var flags = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }

        let parser = parse(text, flags: flags)
        defer { cmark_parser_free(parser) }
        let root = finishLocked(parser)
        defer { cmark_node_free(root) }
        let extensions = cmark_parser_get_syntax_extensions(parser)

        var walker = DocumentWalker(
            rewriter: LinkRewriter(documentPath: options.documentPath),
            slugger: HeadingSlugger(reserved: options.reservedIDs)
        )
        walker.walk(root)

        guard let cString = cmark_render_html(root, flags, extensions) else {
            return RenderedMarkdown(html: "", headings: walker.headings, links: walker.links)
        }
        defer { free(cString) }
        return RenderedMarkdown(html: String(cString: cString), headings: walker.headings, links: walker.links)
    }

    /// Creates a parser with the GFM extensions attached and feeds it the text.
    private static func parse(_ text: String, flags: Int32) -> OpaquePointer {
        parseLock.lock()
        defer { parseLock.unlock() }
        cmark_gfm_core_extensions_ensure_registered()
        let parser = cmark_parser_new(flags)!
        for name in extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        return parser
    }

    /// Finishes parsing under the global lock (the step that mutates process-global tables).
    private static func finishLocked(_ parser: OpaquePointer) -> OpaquePointer {
        parseLock.lock()
        defer { parseLock.unlock() }
        return cmark_parser_finish(parser)
    }
}
