import Foundation
import Testing

@testable import SitegenRender

/// The layered layout of reporting-line charts: boxes never overlap, each line joins the two
/// boxes of its edge, managers sit above their reports, crossings are undone where a simple
/// reordering can, cycles are broken, and the same graph always gives the same drawing.
@Suite struct ChartLayoutTests {
    /// A graph of roles named `nodes` with reporting lines `manager>report` and peer lines `a~b`.
    static func graph(_ nodes: [String], _ lines: [String], ranks: [String: Int] = [:]) -> ChartGraph {
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        let edges = lines.map { line -> ChartGraph.Edge in
            let peer = line.contains("~")
            let ends = line.split(separator: peer ? "~" : ">").map(String.init)
            return ChartGraph.Edge(from: index[ends[0]]!, to: index[ends[1]]!, kind: peer ? .peer : .reports)
        }
        return ChartGraph(nodes: nodes.map { .init(id: $0, title: $0, url: "../\($0)/", rank: ranks[$0]) }, edges: edges)
    }

    static let graphs: [(String, ChartGraph)] = [
        ("a tree", graph(["ceo", "cto", "cfo", "dev", "ops", "tax"], ["ceo>cto", "ceo>cfo", "cto>dev", "cto>ops", "cfo>tax"])),
        ("two managers each", graph(["ep", "sr", "p", "lp", "co"], ["ep>p", "sr>p", "ep>lp", "p>lp", "sr>co", "p>co"])),
        ("a wide band", graph((1...23).map { "r\($0)" }, [])),
        ("one manager of twelve", graph(["boss"] + (1...12).map { "r\($0)" }, (1...12).map { "boss>r\($0)" })),
        ("a cycle", graph(["a", "b", "c"], ["a>b", "b>c", "c>a"])),
        ("a neighbourhood", graph(["p1", "me", "p2", "m", "r"], ["m>me", "me>r", "me~p1", "me~p2"], ranks: ["p1": 1, "me": 1, "p2": 1, "m": 0, "r": 2])),
        (
            "long titles",
            graph(
                ["A very long role title that wraps over lines", "Supercalifragilisticexpialidocious-Coordinator"],
                ["A very long role title that wraps over lines>Supercalifragilisticexpialidocious-Coordinator"])
        ),
    ]

    /// The first and last point of an SVG path (`M x y … x y`).
    static func ends(of path: String) -> (start: (Int, Int), end: (Int, Int)) {
        let numbers = path.split(whereSeparator: { !$0.isNumber && $0 != "-" }).compactMap { Int($0) }
        return ((numbers[0], numbers[1]), (numbers[numbers.count - 2], numbers[numbers.count - 1]))
    }

    static func contains(_ box: ChartLayout.Box, border point: (Int, Int)) -> Bool {
        let (x, y) = point
        let inside = x >= box.x && x <= box.x + box.width && y >= box.y && y <= box.y + box.height
        let onEdge = x == box.x || x == box.x + box.width || y == box.y || y == box.y + box.height
        return inside && onEdge
    }

    @Test(arguments: graphs.map(\.0))
    func boxesNeverOverlapAndFitTheChart(_ name: String) {
        let graph = Self.graphs.first { $0.0 == name }!.1
        let layout = ChartLayout(graph)
        #expect(layout.boxes.count == graph.nodes.count)
        for (i, a) in layout.boxes.enumerated() {
            #expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= layout.width && a.y + a.height <= layout.height)
            for b in layout.boxes[(i + 1)...] {
                let apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
                #expect(apart, "\(a) overlaps \(b)")
            }
        }
    }

    @Test(arguments: graphs.map(\.0))
    func everyLineJoinsTheBordersOfItsTwoBoxes(_ name: String) {
        let graph = Self.graphs.first { $0.0 == name }!.1
        let layout = ChartLayout(graph)
        for line in layout.lines {
            let (start, end) = Self.ends(of: line.path)
            let (from, to) = (layout.boxes[line.edge.from], layout.boxes[line.edge.to])
            let joined =
                (Self.contains(from, border: start) && Self.contains(to, border: end)) || (Self.contains(to, border: start) && Self.contains(from, border: end))
            #expect(joined, "\(line) does not join \(graph.nodes[line.edge.from].id) and \(graph.nodes[line.edge.to].id)")
            if line.edge.kind == .reports {
                #expect(from.y + from.height <= to.y, "\(graph.nodes[line.edge.from].id) is not above \(graph.nodes[line.edge.to].id)")
                #expect(Self.contains(from, border: start) && start.1 == from.y + from.height, "a reporting line leaves the manager's bottom")
            }
        }
    }

    @Test func aCycleIsDrawnWithoutTheLineThatClosesIt() {
        let layout = ChartLayout(Self.graph(["a", "b", "c"], ["a>b", "b>c", "c>a"]))
        #expect(layout.lines.map { [$0.edge.from, $0.edge.to] } == [[0, 1], [1, 2]])
        #expect(layout.boxes[0].y < layout.boxes[1].y && layout.boxes[1].y < layout.boxes[2].y)
    }

    @Test func reportsAreReorderedUnderTheirManagers() {
        // Written in crossed order: b's report first, then a's.
        let layout = ChartLayout(Self.graph(["a", "b", "under-b", "under-a"], ["a>under-a", "b>under-b"]))
        #expect(layout.boxes[0].x < layout.boxes[1].x)
        #expect(layout.boxes[3].x < layout.boxes[2].x, "a's report is moved under a")
    }

    @Test func boxesWithoutLinesGoBelowTheOthers() {
        let layout = ChartLayout(Self.graph(["alone", "boss", "aide"], ["boss>aide"]))
        #expect(layout.boxes[0].y > layout.boxes[2].y && layout.boxes[2].y > layout.boxes[1].y)
    }

    @Test func aWideBandWrapsIntoEvenRows() {
        let layout = ChartLayout(Self.graph((1...12).map { "r\($0)" }, []))
        let rows = Dictionary(grouping: layout.boxes, by: \.y).values.map(\.count).sorted()
        #expect(rows == [4, 4, 4])
        #expect(layout.width == 2 * 8 + 4 * 176 + 3 * 24)
    }

    @Test func theSameGraphGivesTheSameDrawing() {
        for (_, graph) in Self.graphs {
            let first = ChartLayout(graph)
            #expect(first == ChartLayout(graph))
            #expect(ChartSVG.render(graph, first) == ChartSVG.render(graph, ChartLayout(graph)))
        }
    }

    @Test func titlesWrapBetweenWordsAndLongOnesAreCut() {
        #expect(ChartLayout.wrapTitle("Unit Production Manager") == ["Unit Production", "Manager"])
        #expect(ChartLayout.wrapTitle("Producer") == ["Producer"])
        #expect(ChartLayout.wrapTitle("Supercalifragilisticexpialidocious") == ["Supercalifragilistice", "xpialidocious"])
        #expect(
            ChartLayout.wrapTitle("one two three four five six seven eight nine ten eleven twelve") == [
                "one two three four", "five six seven eight", "nine ten eleven…",
            ])
    }

    @Test func everyTextIsEscapedInTheSVG() {
        var graph = Self.graph(["a", "b"], ["a>b"])
        graph.nodes[0].title = "R&D <Lead> \"x\""
        graph.nodes[1].url = "../a\"b/"
        let svg = ChartSVG.render(graph, ChartLayout(graph))
        #expect(svg.contains("R&amp;D &lt;Lead&gt; &quot;x&quot;"))
        #expect(svg.contains("href=\"../a&quot;b/\""))
        #expect(!svg.contains("<Lead>"))
        #expect(svg.contains("aria-hidden=\"true\"") && svg.contains("tabindex=\"-1\""))
    }
}
