/// The reporting lines between roles, both ways: whom each role reports to, whom it
/// supervises and whom it works alongside, whichever of the two roles declared the line
/// (`reports_to: [b]` on one is `supervises: [a]` on the other). Charts draw from here.
package struct ReportingLines: Sendable {
    /// One role's neighbours, as role slugs: each role once, in the first of the three lists
    /// that has it (a manager who is also a peer is a manager).
    package struct Neighbours: Sendable, Hashable {
        /// The roles it reports to: its own `reports_to` in written order, then the roles whose
        /// `supervises` names it, by title.
        package var managers: [String] = []
        /// The roles it supervises: its own `supervises`, then the roles whose `reports_to` names it.
        package var reports: [String] = []
        /// The roles it works alongside, declared on either side.
        package var peers: [String] = []

        /// Whether the role has any line at all.
        package var isEmpty: Bool { managers.isEmpty && reports.isEmpty && peers.isEmpty }
    }

    /// Every role's neighbours, by slug (roles without any line have no entry).
    package private(set) var neighbours: [String: Neighbours] = [:]
    /// The reporting lines charts draw, manager to report, by the manager's slug: every line
    /// but those that close a cycle (each of which is warned about).
    package private(set) var chartReports: [String: [String]] = [:]

    /// No lines at all.
    package static let none = ReportingLines()

    /// The neighbours of the role with this slug.
    package func neighbours(of slug: String) -> Neighbours { neighbours[slug] ?? Neighbours() }

    /// A warning for a reporting line that closes a cycle, at the entry that declares it.
    static func cycleMessage(_ chain: [String]) -> String {
        "reporting lines form a cycle (\(chain.joined(separator: " reports to "))); charts leave out this line"
    }

    /// The lines of `roles` (in title order; references to other roles are skipped), and a
    /// warning for every line that closes a cycle of reporting lines.
    package static func resolve(_ roles: [Role], known: [String: Role]) -> (ReportingLines, [Diagnostic]) {
        var lines = ReportingLines()
        // Where each manager-to-report line is declared: at the report's `reports_to` entry
        // when it has one, else at the manager's `supervises` entry.
        var declared: [String: [(report: String, location: SourceLocation)]] = [:]
        var seen = Set<[String]>()
        func addLine(manager: String, report: String, at location: SourceLocation) {
            guard manager != report, known[manager] != nil, known[report] != nil, seen.insert([manager, report]).inserted else { return }
            declared[manager, default: []].append((report, location))
        }
        for role in roles {
            for manager in role.reportsTo { addLine(manager: manager.value, report: role.slug, at: manager.location) }
        }
        for role in roles {
            for report in role.supervises { addLine(manager: role.slug, report: report.value, at: report.location) }
        }
        var peers: [String: [String]] = [:]
        var seenPeers = Set<[String]>()
        for role in roles {
            for peer in role.worksWith where peer.value != role.slug && known[peer.value] != nil {
                let pair = [role.slug, peer.value].sorted()
                guard seenPeers.insert(pair).inserted else { continue }
                peers[role.slug, default: []].append(peer.value)
                peers[peer.value, default: []].append(role.slug)
            }
        }
        // Neighbours: a role's own declarations first, in written order, then the other side's.
        var managersOf: [String: [String]] = [:]
        for role in roles {
            for (report, _) in declared[role.slug] ?? [] { managersOf[report, default: []].append(role.slug) }
        }
        for role in roles {
            let own = (managers: role.reportsTo.map(\.value), reports: role.supervises.map(\.value), peers: role.worksWith.map(\.value))
            var taken: Set<String> = [role.slug]
            let pick = { (slugs: [String]) -> [String] in slugs.filter { known[$0] != nil && taken.insert($0).inserted } }
            var neighbours = Neighbours()
            neighbours.managers = pick(own.managers + (managersOf[role.slug] ?? []))
            neighbours.reports = pick(own.reports + (declared[role.slug] ?? []).map(\.report))
            neighbours.peers = pick(own.peers + (peers[role.slug] ?? []))
            if !neighbours.isEmpty { lines.neighbours[role.slug] = neighbours }
        }
        let (kept, diagnostics) = breakCycles(declared, order: roles.map(\.slug))
        lines.chartReports = kept
        return (lines, diagnostics)
    }

    /// Walks the lines depth first from each role in `order`; a line back to a role on the
    /// current path closes a cycle: it is left out, with a warning where it is declared.
    private static func breakCycles(
        _ declared: [String: [(report: String, location: SourceLocation)]], order: [String]
    ) -> ([String: [String]], [Diagnostic]) {
        enum Mark { case onPath, done }
        var marks: [String: Mark] = [:]
        var kept: [String: [String]] = [:]
        var diagnostics: [Diagnostic] = []
        for start in order where marks[start] == nil {
            // The path from `start`, each role with the index of the next line to follow.
            var path: [(slug: String, next: Int)] = [(start, 0)]
            marks[start] = .onPath
            while let (slug, next) = path.last {
                let out = declared[slug] ?? []
                guard next < out.count else {
                    marks[slug] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let (report, location) = out[next]
                switch marks[report] {
                case .onPath:
                    // `report` reports to `slug`, which reports up the path to `report`.
                    let loop = path.map(\.slug).drop { $0 != report }
                    let chain = [report] + loop.reversed()
                    diagnostics.append(.warning(cycleMessage(chain), at: location))
                case .done:
                    kept[slug, default: []].append(report)
                case nil:
                    kept[slug, default: []].append(report)
                    marks[report] = .onPath
                    path.append((report, 0))
                }
            }
        }
        return (kept, diagnostics)
    }
}
