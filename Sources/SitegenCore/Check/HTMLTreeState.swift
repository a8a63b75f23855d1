import SitegenContent
import SitegenRender
import SitegenSupport

/// The parts of HTML tree construction that decide which tags make elements and how the text
/// after a tag is read, kept without building the tree:
///
/// - after `<script>`, `<style>`, `<title>`, `<textarea>`, `<xmp>`, `<iframe>`, `<noembed>`,
///   `<noframes>` and `<plaintext>` the text is not markup (the document is read with scripting
///   off, so `<noscript>` holds markup, as html5lib reads it);
/// - inside `<svg>` and `<math>` none of that holds and `<![CDATA[` opens a section, until the
///   element ends or an HTML tag such as `<p>` or `<div>` breaks out of it (HTML integration
///   points such as `<foreignObject>` hold HTML again);
/// - inside `<select>`, a `<select>` tag is dropped and ends it, as `<input>` and `<textarea>`
///   do (the standard's parser since 2025, as Chromium has it: other tags in a select make
///   elements, where html5lib and the older standard drop them);
/// - a `<form>` inside an open form is dropped, and so are table parts (`<td>`, `<tr>`,
///   `<caption>`…) outside a table, `<frame>` and `<head>` in the body;
/// - a second `<html>` or `<body>` tag only adds the attributes the element does not have;
/// - a `<frameset>` before the body, or in a body that has had no text and none of the
///   elements that rule frames out (`<img>`, `<li>`, `<table>`…), replaces the body with
///   everything in it; in a frameset only `<frameset>`, `<frame>` and `<noframes>` count.
///
/// Table foster parenting, the adoption agency and implied end tags move elements around but
/// never drop their attributes, so they need no modelling here.
struct HTMLTreeState {
    /// An element's namespace.
    enum Namespace {
        case html, svg, math
    }

    /// An open element inside SVG or MathML (the elements outside it are not tracked).
    struct Frame {
        /// Lowercase ASCII.
        var name: [UInt8]
        var namespace: Namespace
        /// `<foreignObject>`, `<desc>` and `<title>` in SVG, `<annotation-xml>` of HTML in
        /// MathML: start tags inside them are read as HTML.
        var isHTMLIntegrationPoint = false
        /// `<mi>`, `<mo>`, `<mn>`, `<ms>`, `<mtext>`.
        var isMathTextIntegrationPoint = false
        var isAnnotationXML = false
    }

    /// How far the document has got.
    enum Phase {
        /// Nothing but head elements yet.
        case beforeBody
        case body
        /// Inside `<frameset>`s (the count), or after them (0).
        case frameset(depth: Int)
    }

    var frames: [Frame] = []
    private(set) var phase = Phase.beforeBody
    /// True while a `<frameset>` may still replace the body (the standard's frameset-ok flag).
    private(set) var framesetOK = true
    /// Set when a `<frameset>` replaced the body: what was read in it is gone.
    var replacedBody = false
    private var inSelect = false
    private var formOpen = false
    /// Nothing but `<html>` yet: a `<head>` tag still makes the head.
    private var headPossible = true
    /// The open tables, innermost last, each with the part of it that holds content now: a
    /// `<table>` inside a cell or caption nests; anywhere else in a table it replaces the open
    /// one.
    private var tables: [TablePart] = []

    /// What of a table is open.
    enum TablePart {
        case rows, cell, caption
    }
    /// How many elements of each name were opened and not closed outside SVG and MathML (an
    /// over-count where an end tag was implied): an end tag met inside SVG or MathML closes it
    /// only when such an element may be open around it.
    private var outer = OpenElements()
    /// Open `<template>`s: inside one, `<html>` and `<body>` tags are dropped and forms nest.
    private var templates = 0
    /// For each open template, whether its content began with a table part (then table parts
    /// stay), with something else (then they are dropped as in a body), or has not begun.
    private var templateContent: [Bool?] = []

    private static let table = Array("table".utf8)
    private static let a = Array("a".utf8)
    private static let cells: Set<[UInt8]> = [Array("td".utf8), Array("th".utf8), Array("caption".utf8)]

    /// Attribute names (lowercase) the `<html>` and `<body>` elements have.
    private var htmlAttributes: Set<[UInt8]> = []
    private var bodyAttributes: Set<[UInt8]> = []

    /// True while what is read in the body may still vanish (a `<frameset>` would replace it).
    var holdsBody: Bool {
        if case .body = phase { return framesetOK }
        return false
    }

    /// True while text decides anything: before the body, and while frames are possible.
    var watchesText: Bool {
        switch phase {
        case .beforeBody: true
        case .body: framesetOK
        case .frameset: false
        }
    }

    /// Text other than spaces was read: it is in the body, and rules frames out.
    mutating func sawText() {
        headPossible = false
        if case .beforeBody = phase { phase = .body }
        framesetOK = false
    }

    /// Handles a start tag; returns the namespace of the element it makes, or nil when the tag
    /// is dropped. Tells `reader` how to read the text that follows.
    mutating func start(_ element: HTMLElement, _ tag: HTMLTagReader.Tag, reader: inout HTMLTagReader) -> Namespace? {
        defer {
            reader.allowsCDATA = (frames.last?.namespace ?? .html) != .html
            reader.watchesText = watchesText
        }
        if case .frameset(let depth) = phase { return startInFrameset(element, depth: depth, reader: &reader) }
        if case .beforeBody = phase {
            switch element {
            case .html, .head, .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title, .noscript: break
            case .frameset:
                phase = .frameset(depth: 1)
                return .html
            default: phase = .body
            }
        }
        if case .body = phase, framesetOK, !readsAsForeign(startTag: element) {
            if element == .frameset {
                phase = .frameset(depth: 1)
                replacedBody = true
                frames.removeAll()
                return .html
            }
            if element.rulesOutFrames && !(element == .input && Self.isHidden(reader)) { framesetOK = false }
        }
        if readsAsForeign(startTag: element) {
            let breaksOut = element.endsForeignContent || (element == .font && Self.has([.color, .face, .size], in: reader))
            guard breaksOut else { return startForeign(element, tag, reader: reader) }
            popForeignElements()
        }
        return startHTML(element, tag, reader: &reader)
    }

    /// Handles an end tag.
    mutating func end(_ element: HTMLElement, _ tag: HTMLTagReader.Tag, reader: inout HTMLTagReader) {
        defer { reader.allowsCDATA = (frames.last?.namespace ?? .html) != .html }
        if case .frameset(let depth) = phase {
            if element == .frameset, depth > 0 { phase = .frameset(depth: depth - 1) }
            return
        }
        guard let top = frames.last else {
            endOutside(element)
            _ = outer.close(UnsafeBufferPointer(rebasing: reader.bytes[tag.name]))
            return
        }
        guard top.namespace != .html else { return endHTML(element, tag, reader: reader) }
        if element == .br || element == .p {
            popForeignElements()
            return endHTML(element, tag, reader: reader)
        }
        let name = Self.lowercased(reader.bytes, tag.name)
        for index in frames.indices.reversed() {
            if frames[index].namespace == .html { return endHTML(element, tag, reader: reader) }
            if frames[index].name == name {
                frames.removeSubrange(index...)
                return
            }
        }
        endHTML(element, tag, reader: reader)
    }

    /// True when an attribute of the `<html>` or `<body>` tag just read is new to its element
    /// (and records it).
    mutating func adds(_ name: Range<Int>, to element: HTMLElement, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let lowered = Self.lowercased(bytes, name)
        return element == .html ? htmlAttributes.insert(lowered).inserted : bodyAttributes.insert(lowered).inserted
    }

    // MARK: HTML

    /// In a frameset only `<frameset>`, `<frame>` and `<noframes>` make elements (and `<html>`
    /// adds attributes); after it, only `<noframes>` and `<html>`.
    private mutating func startInFrameset(_ element: HTMLElement, depth: Int, reader: inout HTMLTagReader) -> Namespace? {
        switch element {
        case .html: return .html
        case .noframes:
            reader.text = .rawText
            reader.endTag = Array(element.rawValue.utf8)
            return .html
        case .frameset where depth > 0:
            phase = .frameset(depth: depth + 1)
            return .html
        case .frame where depth > 0: return .html
        default: return nil
        }
    }

    private mutating func startHTML(_ element: HTMLElement, _ tag: HTMLTagReader.Tag, reader: inout HTMLTagReader) -> Namespace? {
        if inSelect {
            switch element {
            case .select:
                inSelect = false
                return nil
            case .input, .keygen, .textarea: inSelect = false
            default: break
            }
        }
        switch element {
        case .frame, .frameset: return nil
        // Only a `<head>` that comes before anything else makes the head element.
        case .head: if !headPossible { return nil }
        case .html, .body: if templates > 0 { return nil }
        default: break
        }
        if element != .html { headPossible = false }
        if let last = templateContent.indices.last, templateContent[last] == nil {
            templateContent[last] = element.isTablePart
        }
        if element == .template {
            templates += 1
            templateContent.append(nil)
        }
        if !frames.isEmpty, element == .table {
            // A `<table>` in a table but outside its cells replaces that table.
            if let table = frames.lastIndex(where: { $0.namespace == .html && $0.name == Self.table }) {
                if !frames[(table + 1)...].contains(where: { $0.namespace == .html && Self.cells.contains($0.name) }) {
                    frames.removeSubrange(table...)
                }
            } else if tables.last == .rows {
                frames.removeAll()
                tables.removeLast()
            }
        }
        if !frames.isEmpty, element.isTablePart {
            // SVG or MathML inside a table: a table part at an integration point is read in
            // the table's insertion mode, which clears the stack back to the table.
            if let table = frames.lastIndex(where: { $0.namespace == .html && $0.name == Self.table }) {
                if frames[(table + 1)...].contains(where: { $0.namespace != .html }) { frames.removeSubrange((table + 1)...) }
            } else if !tables.isEmpty {
                frames.removeAll()
            }
        }
        if templateContent.last == true {
            // A template that began with a table part may hold more of them.
        } else if frames.isEmpty {
            switch element {
            case .table:
                if tables.last ?? .cell != .rows { tables.append(.rows) }
            case .td, .th, .caption:
                guard !tables.isEmpty else { return nil }
                tables[tables.count - 1] = element == .caption ? .caption : .cell
            case .tr, .tbody, .thead, .tfoot, .col, .colgroup:
                guard !tables.isEmpty else { return nil }
                tables[tables.count - 1] = .rows
            default: break
            }
        } else if element.isTablePart, !frames.contains(where: { $0.namespace == .html && $0.name == Self.table }) {
            return nil
        }
        switch element {
        case .form where templates == 0:
            guard !formOpen else { return nil }
            formOpen = true
        case .select:
            inSelect = true
        case .svg, .math:
            if !tag.selfClosing { frames.append(Frame(name: Array(element.rawValue.utf8), namespace: element == .svg ? .svg : .math)) }
            return element == .svg ? .svg : .math
        case .script:
            reader.text = .scriptData
        case .style, .xmp, .iframe, .noembed, .noframes:
            reader.text = .rawText
        case .title, .textarea:
            reader.text = .rcdata
        case .plaintext:
            reader.text = .plaintext
        default:
            break
        }
        if reader.text != .data { reader.endTag = Array(element.rawValue.utf8) }
        if !element.isVoid {
            // A new `<a>` closes the open one.
            if !frames.isEmpty {
                if element == .a, let open = frames.lastIndex(where: { $0.namespace == .html && $0.name == Self.a }),
                    !frames[open...].contains(where: { $0.namespace != .html })
                {
                    // The adoption agency, as for `</a>`: special elements inside stay open.
                    if frames[(open + 1)...].contains(where: { OpenElements.special.contains($0.name) }) {
                        frames.remove(at: open)
                    } else {
                        frames.removeSubrange(open...)
                    }
                }
                frames.append(Frame(name: Self.lowercased(reader.bytes, tag.name), namespace: .html))
            } else {
                outer.open(UnsafeBufferPointer(rebasing: reader.bytes[tag.name]), atMostOne: element == .a)
            }
        }
        return .html
    }

    /// An end tag read as HTML inside SVG or MathML: it closes the nearest open HTML element of
    /// its name unless an integration point (or `<annotation-xml>`) is nearer; one that matches
    /// no element inside closes an element around the SVG or MathML (`<div><svg></div>`).
    private mutating func endHTML(_ element: HTMLElement, _ tag: HTMLTagReader.Tag, reader: HTMLTagReader) {
        // `</form>` lets go of the open form wherever it is.
        if element == .form, templates == 0 { formOpen = false }
        // SVG or MathML inside a table: `</table>` is read in the table's insertion mode and
        // closes the table with everything inside it.
        if element == .table {
            if let table = frames.lastIndex(where: { $0.namespace == .html && $0.name == Self.table }) {
                frames.removeSubrange(table...)
                return
            }
            if !tables.isEmpty {
                frames.removeAll()
                _ = outer.close(UnsafeBufferPointer(rebasing: reader.bytes[tag.name]))
                endOutside(.table)
                return
            }
        }
        let name = Self.lowercased(reader.bytes, tag.name)
        for index in frames.indices.reversed() {
            let frame = frames[index]
            if frame.namespace == .html {
                guard frame.name == name else { continue }
                if element == .select { inSelect = false }
                if element == .template { closeTemplate() }
                if element.isFormatting, frames[(index + 1)...].contains(where: { OpenElements.special.contains($0.name) }) {
                    // The adoption agency: the elements inside from the first special one on
                    // stay open, moved out of the formatting element.
                    frames.remove(at: index)
                } else {
                    frames.removeSubrange(index...)
                }
                return
            }
            if frame.isHTMLIntegrationPoint || frame.isMathTextIntegrationPoint || frame.isAnnotationXML { return }
        }
        // `</body>` and `</html>` close nothing; another name, an element of that name around
        // the SVG or MathML, if one may be open.
        guard element != .body, element != .html else { return }
        // `</form>` removes the form from the stack without closing what is inside it.
        guard element != .form else { return }
        guard outer.close(UnsafeBufferPointer(rebasing: reader.bytes[tag.name])) else { return }
        frames.removeAll()
        endOutside(element)
    }

    /// An end tag of an element outside SVG and MathML: what it closes of forms, selects,
    /// templates and tables.
    private mutating func endOutside(_ element: HTMLElement) {
        switch element {
        case .select: inSelect = false
        case .template: closeTemplate()
        case .form: if templates == 0 { formOpen = false }
        case .table: if !tables.isEmpty { tables.removeLast() }
        // `</td>` and `</tr>` close a cell, not a caption; `</caption>` a caption, not a cell.
        case .td, .th, .tr, .tbody, .thead, .tfoot: if tables.last == .cell { tables[tables.count - 1] = .rows }
        case .caption: if tables.last == .caption { tables[tables.count - 1] = .rows }
        default: break
        }
    }

    private mutating func closeTemplate() {
        guard templates > 0 else { return }
        templates -= 1
        templateContent.removeLast()
    }
}
