import SitegenContent
import SitegenMarkdown

/// The reporting-line charts of a site: one role's neighbourhood (on its page) and the whole
/// chart of a group of roles (a department's chart page), as graphs laid out and drawn.
package enum RoleCharts {
    /// The roles one chart page draws at most; a bigger group is split over several pages.
    package static let rolesPerPage = 100

    /// The chart of whom the role reports to (above it), whom it supervises (below it) and
    /// whom it works alongside (beside it), with links relative to `pageURL`; nil when the
    /// role has no reporting lines.
    package static func neighbourhood(of role: Role, from pageURL: String, context: RenderContext) -> ChartView? {
        let near = context.site.neighbours(of: role.slug)
        guard !near.isEmpty else { return nil }
        var graph = ChartGraph(nodes: [], edges: [])
        let add = { (slug: String, rank: Int) -> Int in
            graph.nodes.append(node(slug, from: pageURL, site: context.site, rank: rank))
            return graph.nodes.count - 1
        }
        // The peers around the role: the first half before it, the rest after.
        let before = near.peers.count / 2
        let peersBefore = near.peers.prefix(before).map { add($0, 1) }
        let centre = add(role.slug, 1)
        graph.nodes[centre].isCurrent = true
        let peers = peersBefore + near.peers.dropFirst(before).map { add($0, 1) }
        let managers = near.managers.map { add($0, 0) }
        let reports = near.reports.map { add($0, 2) }
        graph.edges =
            managers.map { ChartGraph.Edge(from: $0, to: centre, kind: .reports) }
            + reports.map { ChartGraph.Edge(from: centre, to: $0, kind: .reports) }
            + peers.map { ChartGraph.Edge(from: centre, to: $0, kind: .peer) }
        let layout = ChartLayout(graph)
        let links = { (indexes: [Int]) in indexes.map { link(graph.nodes[$0]) } }
        let words = context.words
        let relations = [
            ChartRelationView(label: words["label_reports_to"], key: "reports_to", roles: links(managers)),
            ChartRelationView(label: words["label_supervises"], key: "supervises", roles: links(reports)),
            ChartRelationView(label: words["label_works_with"], key: "works_with", roles: links(peers)),
        ].filter { !$0.roles.isEmpty }
        return ChartView(
            svg: ChartSVG.render(graph, layout), entries: [ChartEntryView(link: link(graph.nodes[centre]), relations: relations)],
            hasPeers: !peers.isEmpty)
    }

    /// The whole chart of `roles` (a group's, or one page of it): every reporting line
    /// between two of them, with links relative to `pageURL`. Its list names each role in
    /// the chart's order, with the roles it supervises.
    package static func chart(of roles: [Role], from pageURL: String, context: RenderContext) -> ChartView {
        let site = context.site
        var index: [String: Int] = [:]
        for (position, role) in roles.enumerated() { index[role.slug] = position }
        var graph = ChartGraph(nodes: roles.map { node($0.slug, from: pageURL, site: site, rank: nil) }, edges: [])
        for role in roles {
            for report in site.lines.chartReports[role.slug] ?? [] {
                guard let to = index[report] else { continue }
                graph.edges.append(ChartGraph.Edge(from: index[role.slug]!, to: to, kind: .reports))
            }
        }
        let layout = ChartLayout(graph)
        // Reading order: row by row, left to right.
        let reading = { (a: Int, b: Int) in (layout.boxes[a].y, layout.boxes[a].x) < (layout.boxes[b].y, layout.boxes[b].x) }
        var drawn = [[Int]](repeating: [], count: roles.count)
        for line in layout.lines { drawn[line.edge.from].append(line.edge.to) }
        let entries = roles.indices.sorted(by: reading).map { node in
            let reports = drawn[node].sorted(by: reading).map { link(graph.nodes[$0]) }
            let relations = reports.isEmpty ? [] : [ChartRelationView(label: context.words["label_supervises"], key: "supervises", roles: reports)]
            return ChartEntryView(link: link(graph.nodes[node]), relations: relations)
        }
        return ChartView(svg: ChartSVG.render(graph, layout), entries: entries, hasPeers: false)
    }

    /// A group's roles in pages of at most `limit`: roles joined by reporting lines stay on
    /// one page where they fit; a larger connected part is cut band by band (managers first).
    package static func pages(of roles: [Role], lines: ReportingLines, limit: Int = rolesPerPage) -> [[Role]] {
        guard roles.count > limit else { return [roles] }
        var index: [String: Int] = [:]
        for (position, role) in roles.enumerated() { index[role.slug] = position }
        var neighbours = [[Int]](repeating: [], count: roles.count)
        var hasManager = [Bool](repeating: false, count: roles.count)
        for (position, role) in roles.enumerated() {
            for report in lines.chartReports[role.slug] ?? [] {
                guard let other = index[report] else { continue }
                neighbours[position].append(other)
                neighbours[other].append(position)
                hasManager[other] = true
            }
        }
        // Connected parts, each in breadth-first order from its roles without a manager.
        var seen = [Bool](repeating: false, count: roles.count)
        var parts: [[Int]] = []
        for start in roles.indices where !seen[start] {
            var members = [start]
            seen[start] = true
            var next = 0
            while next < members.count {
                for other in neighbours[members[next]] where !seen[other] {
                    seen[other] = true
                    members.append(other)
                }
                next += 1
            }
            let roots = members.filter { !hasManager[$0] }.sorted()
            parts.append(roots.isEmpty ? members : breadthFirst(from: roots, within: Set(members), lines: lines, roles: roles, index: index))
        }
        var pages: [[Int]] = [[]]
        for part in parts {
            if pages[pages.count - 1].count + part.count > limit, !pages[pages.count - 1].isEmpty { pages.append([]) }
            for member in part {
                if pages[pages.count - 1].count == limit { pages.append([]) }
                pages[pages.count - 1].append(member)
            }
        }
        return pages.map { $0.sorted().map { roles[$0] } }
    }

    /// The members of a connected part, from its top managers down, each once.
    private static func breadthFirst(from roots: [Int], within members: Set<Int>, lines: ReportingLines, roles: [Role], index: [String: Int]) -> [Int] {
        var order = roots
        var seen = Set(roots)
        var next = 0
        while next < order.count {
            for report in lines.chartReports[roles[order[next]].slug] ?? [] {
                guard let other = index[report], members.contains(other), seen.insert(other).inserted else { continue }
                order.append(other)
            }
            next += 1
        }
        // Roles reached only from below (under a cycle that was broken) come last.
        return order + members.subtracting(seen).sorted()
    }

    private static func node(_ slug: String, from pageURL: String, site: Site, rank: Int?) -> ChartGraph.Node {
        ChartGraph.Node(
            id: slug, title: site.role(slug)?.title ?? slug, url: ContentPath.relativeLink(from: pageURL, to: URLs.role(slug)), rank: rank)
    }

    private static func link(_ node: ChartGraph.Node) -> LinkView { LinkView(title: node.title, url: node.url, current: node.isCurrent) }
}
