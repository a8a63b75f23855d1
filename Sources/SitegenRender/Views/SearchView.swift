import SitegenContent
import SitegenTemplates

/// One choice of a search facet: the value and how many roles have it.
package struct FacetOptionView: FieldedView {
    package var value: String
    package var count: Int

    package static let fields = ViewFields<Self>(
        "facet option",
        [
            .text("value", "The value to filter by") { $0.value },
            .number("count", "How many roles have it") { $0.count },
        ])

    /// The options of a facet over the index's documents, in the table's order.
    package static func options(_ table: [String], in documents: [SearchIndex.Document], values: (SearchIndex.Document) -> [String]) -> [FacetOptionView] {
        var counts: [String: Int] = [:]
        for document in documents {
            for value in Set(values(document)) { counts[value, default: 0] += 1 }
        }
        return table.map { FacetOptionView(value: $0, count: counts[$0] ?? 0) }
    }
}
