import CCmarkGFM

/// One pass over a parsed cmark-gfm tree: gives headings ids, rewrites content links and
/// collects both. The tree is changed only after its iterator is freed, as cmark requires.
struct DocumentWalker {
    var rewriter: LinkRewriter
    var slugger: HeadingSlugger
    private(set) var headings: [Heading] = []
    private(set) var links: [Link] = []

    init(rewriter: LinkRewriter, slugger: HeadingSlugger) {
        self.rewriter = rewriter
        self.slugger = slugger
    }

    mutating func walk(_ root: OpaquePointer) {
        var headingNodes: [(node: OpaquePointer, id: String, level: Int32)] = []
        let iterator = cmark_iter_new(root)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING:
                let text = Self.plainText(of: node)
                let id = slugger.uniqueID(for: text)
                let level = cmark_node_get_heading_level(node)
                headings.append(Heading(level: Int(level), text: text, id: id, line: Int(cmark_node_get_start_line(node))))
                headingNodes.append((node, id, level))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                collectLink(node, isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE)
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        for heading in headingNodes {
            Self.replaceHeading(heading.node, id: heading.id, level: heading.level)
        }
    }

    private mutating func collectLink(_ node: OpaquePointer, isImage: Bool) {
        let original = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
        var destination = original
        if let rewritten = rewriter.rewrite(original) {
            destination = rewritten
            cmark_node_set_url(node, rewritten)
        }
        links.append(
            Link(
                destination: destination,
                original: original,
                line: Int(cmark_node_get_start_line(node)),
                column: Int(cmark_node_get_start_column(node)),
                isImage: isImage
            )
        )
    }

    /// Replaces a heading with a custom block that prints `<hN id="…">…</hN>` around the same
    /// children; cmark-gfm has no heading ids of its own and safe mode forbids raw HTML.
    private static func replaceHeading(_ heading: OpaquePointer, id: String, level: Int32) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        cmark_node_insert_before(heading, block)
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
        cmark_node_unlink(heading)
        cmark_node_free(heading)
    }

    /// The text of a node's inline children, as a reader sees it.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        cmark_iter_free(iterator)
        return text
    }
}
