/// SVG and MathML: which start tags are read by the rules for foreign content, the elements
/// they make, and the integration points where HTML is read again.
extension HTMLTreeState {
    /// True when a start tag is read by the rules for foreign content.
    func readsAsForeign(startTag element: HTMLElement) -> Bool {
        guard let top = frames.last, top.namespace != .html, !top.isHTMLIntegrationPoint else { return false }
        if top.isMathTextIntegrationPoint && element != .mglyph && element != .malignmark { return false }
        if top.isAnnotationXML && element == .svg { return false }
        return true
    }

    mutating func startForeign(_ element: HTMLElement, _ tag: HTMLTagReader.Tag, reader: HTMLTagReader) -> Namespace {
        let namespace = frames.last!.namespace
        guard !tag.selfClosing else { return namespace }
        var frame = Frame(name: Self.lowercased(reader.bytes, tag.name), namespace: namespace)
        switch (namespace, element) {
        case (.svg, .foreignObject), (.svg, .desc), (.svg, .title): frame.isHTMLIntegrationPoint = true
        case (.math, .mi), (.math, .mo), (.math, .mn), (.math, .ms), (.math, .mtext): frame.isMathTextIntegrationPoint = true
        case (.math, .annotationXML):
            frame.isAnnotationXML = true
            frame.isHTMLIntegrationPoint = Self.encoding(in: reader).map { $0 == "text/html" || $0 == "application/xhtml+xml" } ?? false
        default: break
        }
        frames.append(frame)
        return namespace
    }

    /// Closes SVG and MathML elements up to the nearest integration point or HTML element.
    mutating func popForeignElements() {
        while let top = frames.last, top.namespace != .html, !top.isHTMLIntegrationPoint, !top.isMathTextIntegrationPoint {
            frames.removeLast()
        }
    }
}
