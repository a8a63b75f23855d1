/// What a chart shows, before it is laid out: boxes (roles) and the lines between them.
package struct ChartGraph: Sendable, Hashable {
    /// One box: a role.
    package struct Node: Sendable, Hashable {
        /// The role's slug.
        package var id: String
        /// The text in the box.
        package var title: String
        /// Where the box links to, relative to the page.
        package var url: String
        /// The row band the box must go in; nil to rank it by its reporting lines.
        package var rank: Int?
        /// Whether it is the role the chart is about (drawn stronger).
        package var isCurrent = false
    }

    /// A line between two boxes, by their index in `nodes`.
    package struct Edge: Sendable, Hashable {
        /// What the line means.
        package enum Kind: Sendable, Hashable {
            /// `from` is the manager of `to`: drawn downwards.
            case reports
            /// The two work alongside: drawn dashed.
            case peer
        }

        package var from: Int
        package var to: Int
        package var kind: Kind
    }

    /// The boxes, in the order they are placed in when nothing else decides (by title).
    package var nodes: [Node]
    package var edges: [Edge]
}
