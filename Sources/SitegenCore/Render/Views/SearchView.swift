import SitegenTemplates

/// One choice of a search facet: the value and how many roles have it.
struct FacetOptionView: ViewModel {
    var value: String
    var count: Int

    func value(for name: String) -> TemplateValue {
        switch name {
        case "value": TemplateValue(value)
        case "count": TemplateValue(count)
        default: .none
        }
    }

    /// The options of a facet over the index's documents, in the table's order.
    static func options(_ table: [String], in documents: [SearchIndex.Document], values: (SearchIndex.Document) -> [String]) -> [FacetOptionView] {
        var counts: [String: Int] = [:]
        for document in documents {
            for value in Set(values(document)) { counts[value, default: 0] += 1 }
        }
        return table.map { FacetOptionView(value: $0, count: counts[$0] ?? 0) }
    }
}
