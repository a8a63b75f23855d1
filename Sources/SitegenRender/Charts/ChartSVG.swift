/// A laid-out chart as inline SVG: each box a link to its role, lines under the boxes, every
/// colour from the site's CSS custom properties (`.chart` rules in site.css), so dark mode and
/// print restyle it. The SVG is hidden from assistive technology and its links are out of the
/// tab order: the list beside it carries the same links and relations for them.
package enum ChartSVG {
    /// The SVG element for `graph`, laid out as `layout`.
    package static func render(_ graph: ChartGraph, _ layout: ChartLayout) -> String {
        var svg = """
            <svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(layout.width) \(layout.height)" \
            width="\(layout.width)" height="\(layout.height)" aria-hidden="true">
            """
        svg += "\n<g class=\"chart-lines\">\n"
        for line in layout.lines {
            let kind = line.edge.kind == .peer ? "chart-line chart-peer" : "chart-line"
            let (from, to) = (graph.nodes[line.edge.from].id, graph.nodes[line.edge.to].id)
            svg += "<path class=\"\(kind)\" data-from=\"\(escape(from))\" data-to=\"\(escape(to))\" d=\"\(line.path)\"/>\n"
        }
        svg += "</g>\n"
        for (node, box) in zip(graph.nodes, layout.boxes) {
            let kind = node.isCurrent ? "chart-box chart-current" : "chart-box"
            svg += "<a class=\"\(kind)\" href=\"\(escape(node.url))\" tabindex=\"-1\" data-role=\"\(escape(node.id))\">"
            svg += "<title>\(escape(node.title))</title>"
            svg += "<rect x=\"\(box.x)\" y=\"\(box.y)\" width=\"\(box.width)\" height=\"\(box.height)\" rx=\"6\"/>"
            // The lines centred in the box, each on the baseline of its own line box.
            let top = box.y + (box.height - box.lines.count * ChartLayout.Metrics.lineHeight) / 2
            svg += "<text x=\"\(box.x + box.width / 2)\" y=\"\(top)\">"
            for (index, text) in box.lines.enumerated() {
                let baseline = top + index * ChartLayout.Metrics.lineHeight + ChartLayout.Metrics.lineHeight - 4
                svg += "<tspan x=\"\(box.x + box.width / 2)\" y=\"\(baseline)\">\(escape(text))</tspan>"
            }
            svg += "</text></a>\n"
        }
        return svg + "</svg>"
    }

    /// Text and attribute values made safe inside the SVG.
    static func escape(_ text: String) -> String { SiteFiles.escapeXML(text) }
}
