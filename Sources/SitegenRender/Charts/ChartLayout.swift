/// Where every box and line of a chart goes: a layered layout. Managers sit in a band above
/// the roles they supervise (a box's band is the longest chain of reporting lines above it);
/// within a band, boxes are ordered by the mean position of the boxes they are linked to
/// (a few sweeps down and up), which uncrosses most lines; a band wider than `perRow` boxes
/// wraps into several rows. Lines that would close a cycle are left out. The same graph
/// always gives the same layout.
package struct ChartLayout: Sendable, Hashable {
    /// One placed box, for the node of the same index.
    package struct Box: Sendable, Hashable {
        package var x: Int
        package var y: Int
        package var width: Int
        package var height: Int
        /// The title, wrapped into lines.
        package var lines: [String]
    }

    /// One drawn line: the edge and its SVG path.
    package struct Line: Sendable, Hashable {
        package var edge: ChartGraph.Edge
        /// SVG path data (`M 10 20 C …`).
        package var path: String
    }

    package var boxes: [Box]
    package var lines: [Line]
    package var width: Int
    package var height: Int

    /// Sizes in SVG user units (CSS pixels at natural size).
    package enum Metrics {
        static let boxWidth = 176
        static let gap = 24
        static let bandGap = 56
        static let rowGap = 20
        static let margin = 8
        static let padding = 10
        static let lineHeight = 17
        /// Characters of a title on one line of a box (13 px type).
        static let lineLength = 21
        static let maxLines = 3
        /// Boxes in one row before a band wraps.
        static let perRow = 5
    }

    /// Lays out `graph`.
    package init(_ graph: ChartGraph) {
        let count = graph.nodes.count
        let downward = Self.acyclicReports(graph)
        let ranks = Self.ranks(graph, reports: downward)
        let bands = Self.order(bands: ranks, count: count, reports: downward)
        var boxes = [Box](repeating: Box(x: 0, y: 0, width: 0, height: 0, lines: []), count: count)
        let rows = bands.map { Self.wrap($0) }
        let widest = rows.joined().map(\.count).max() ?? 0
        width = 2 * Metrics.margin + max(widest * Metrics.boxWidth + max(widest - 1, 0) * Metrics.gap, 0)
        var y = Metrics.margin
        for (bandIndex, band) in rows.enumerated() {
            for (rowIndex, row) in band.enumerated() {
                let texts = row.map { Self.wrapTitle(graph.nodes[$0].title) }
                let height = 2 * Metrics.padding + (texts.map(\.count).max() ?? 1) * Metrics.lineHeight
                let rowWidth = row.count * Metrics.boxWidth + (row.count - 1) * Metrics.gap
                var x = (width - rowWidth) / 2
                for (node, text) in zip(row, texts) {
                    boxes[node] = Box(x: x, y: y, width: Metrics.boxWidth, height: height, lines: text)
                    x += Metrics.boxWidth + Metrics.gap
                }
                let last = rowIndex == band.count - 1
                y += height + (last ? (bandIndex == rows.count - 1 ? 0 : Metrics.bandGap) : Metrics.rowGap)
            }
        }
        height = y + Metrics.margin
        self.boxes = boxes
        let kept = Set(downward.map { [$0.from, $0.to] })
        lines = graph.edges.compactMap { edge in
            if edge.kind == .reports, !kept.contains([edge.from, edge.to]) { return nil }
            return Line(edge: edge, path: Self.route(from: boxes[edge.from], to: boxes[edge.to], kind: edge.kind))
        }
    }

    /// The reporting lines without those that close a cycle: a depth-first walk from each
    /// node in order drops every line back to a node on the current path.
    static func acyclicReports(_ graph: ChartGraph) -> [ChartGraph.Edge] {
        var out = [[ChartGraph.Edge]](repeating: [], count: graph.nodes.count)
        for edge in graph.edges where edge.kind == .reports && edge.from != edge.to { out[edge.from].append(edge) }
        var state = [UInt8](repeating: 0, count: graph.nodes.count)  // 0 unseen, 1 on the path, 2 done
        var kept: [ChartGraph.Edge] = []
        for start in out.indices where state[start] == 0 {
            var path: [(node: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let (node, next) = path.last {
                guard next < out[node].count else {
                    state[node] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let edge = out[node][next]
                if state[edge.to] == 1 { continue }
                kept.append(edge)
                if state[edge.to] == 0 {
                    state[edge.to] = 1
                    path.append((edge.to, 0))
                }
            }
        }
        return kept
    }

    /// Each node's band: its fixed rank, or the longest chain of reporting lines above it
    /// (a node without lines: the band below all others). Empty bands are closed up.
    static func ranks(_ graph: ChartGraph, reports: [ChartGraph.Edge]) -> [Int] {
        let count = graph.nodes.count
        var incoming = [Int](repeating: 0, count: count)
        var out = [[Int]](repeating: [], count: count)
        for edge in reports {
            incoming[edge.to] += 1
            out[edge.from].append(edge.to)
        }
        var rank = graph.nodes.map { $0.rank ?? 0 }
        // Kahn's order: a node is ranked once every manager above it is.
        var ready = (0..<count).filter { incoming[$0] == 0 }
        var next = 0
        while next < ready.count {
            let node = ready[next]
            next += 1
            for report in out[node] {
                if graph.nodes[report].rank == nil { rank[report] = max(rank[report], rank[node] + 1) }
                incoming[report] -= 1
                if incoming[report] == 0 { ready.append(report) }
            }
        }
        // Boxes without any line go in a band of their own below the others, out of the way.
        let linked = Set(reports.flatMap { [$0.from, $0.to] })
        if let lowest = linked.map({ rank[$0] }).max() {
            for node in 0..<count where graph.nodes[node].rank == nil && !linked.contains(node) { rank[node] = lowest + 1 }
        }
        let used = Array(Set(rank)).sorted()
        let band = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
        return rank.map { band[$0]! }
    }

    /// The nodes of each band, in order: first by index, then by the mean centred position
    /// of their managers (sweeping down) and of their reports (sweeping up), four times.
    static func order(bands ranks: [Int], count: Int, reports: [ChartGraph.Edge]) -> [[Int]] {
        var bands = [[Int]](repeating: [], count: (ranks.max() ?? -1) + 1)
        for node in 0..<count { bands[ranks[node]].append(node) }
        var managers = [[Int]](repeating: [], count: count)
        var subordinates = [[Int]](repeating: [], count: count)
        for edge in reports {
            managers[edge.to].append(edge.from)
            subordinates[edge.from].append(edge.to)
        }
        var position = [Double](repeating: 0, count: count)
        func place(_ band: [Int]) {
            for (index, node) in band.enumerated() { position[node] = Double(index) - Double(band.count - 1) / 2 }
        }
        bands.forEach(place)
        func sweep(_ band: Int, by neighbours: [[Int]]) {
            let keyed = bands[band].map { node -> (key: Double, was: Double, node: Int) in
                let linked = neighbours[node]
                let key = linked.isEmpty ? position[node] : linked.map { position[$0] }.reduce(0, +) / Double(linked.count)
                return (key, position[node], node)
            }
            bands[band] = keyed.sorted { ($0.key, $0.was, $0.node) < ($1.key, $1.was, $1.node) }.map(\.node)
            place(bands[band])
        }
        for _ in 0..<4 where bands.count > 1 {
            for band in 1..<bands.count { sweep(band, by: managers) }
            for band in (0..<bands.count - 1).reversed() { sweep(band, by: subordinates) }
        }
        return bands
    }

    /// A band in rows of at most `perRow` boxes, as even as can be.
    static func wrap(_ band: [Int]) -> [[Int]] {
        guard band.count > Metrics.perRow else { return [band] }
        let rowCount = (band.count + Metrics.perRow - 1) / Metrics.perRow
        let size = (band.count + rowCount - 1) / rowCount
        return stride(from: 0, to: band.count, by: size).map { Array(band[$0..<min($0 + size, band.count)]) }
    }

    /// A title in lines of at most `lineLength` characters, broken between words (a longer
    /// word is cut); past `maxLines`, the last line ends in "…".
    static func wrapTitle(_ title: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in title.split(separator: " ") {
            var word = Substring(word)
            while word.count > Metrics.lineLength {
                if !line.isEmpty { lines.append(line) }
                line = ""
                lines.append(String(word.prefix(Metrics.lineLength)))
                word = word.dropFirst(Metrics.lineLength)
            }
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= Metrics.lineLength {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        guard lines.count > Metrics.maxLines else { return lines }
        let last = lines[Metrics.maxLines - 1]
        return Array(lines.prefix(Metrics.maxLines - 1)) + [String(last.prefix(Metrics.lineLength - 1)) + "…"]
    }

    /// The path of a line between two boxes: a manager's line leaves the bottom of its box
    /// and enters the top of the report's; a line within one row joins facing sides when the
    /// boxes are neighbours, else arcs over the row.
    static func route(from a: Box, to b: Box, kind: ChartGraph.Edge.Kind) -> String {
        if a.y == b.y {
            let (left, right) = a.x < b.x ? (a, b) : (b, a)
            if right.x - (left.x + left.width) <= Metrics.gap {
                let y = left.y + min(left.height, right.height) / 2
                return "M \(left.x + left.width) \(y) L \(right.x) \(y)"
            }
            let startX = left.x + left.width * 3 / 4
            let endX = right.x + right.width / 4
            let lift = min(Metrics.rowGap + (right.x - left.x) / 20, Metrics.bandGap - 8)
            return "M \(startX) \(left.y) C \(startX) \(left.y - lift), \(endX) \(right.y - lift), \(endX) \(right.y)"
        }
        let (upper, lower) = a.y < b.y ? (a, b) : (b, a)
        let startX = upper.x + upper.width / 2
        let startY = upper.y + upper.height
        let endX = lower.x + lower.width / 2
        let endY = lower.y
        let bend = startY + min((endY - startY) / 2, Metrics.bandGap / 2)
        return "M \(startX) \(startY) C \(startX) \(bend), \(endX) \(bend), \(endX) \(endY)"
    }
}
