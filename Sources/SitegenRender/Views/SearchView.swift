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

    /// The options of a facet over the roles: each value some role has, in sorted order,
    /// with how many roles have it (each role's values read once).
    package static func options(in roles: [Role], values: (Role) -> [String]) -> [FacetOptionView] {
        var counts: [String: Int] = [:]
        for role in roles {
            // Most fields hold one value: no set to make for it.
            let given = values(role)
            if given.count == 1 {
                counts[given[0], default: 0] += 1
            } else {
                for value in Set(given) { counts[value, default: 0] += 1 }
            }
        }
        return counts.sorted { $0.key < $1.key }.map { FacetOptionView(value: $0.key, count: $0.value) }
    }
}

/// A search facet: a select of the values of one field.
package struct FacetView: FieldedView {
    /// The field (`department`); the select's name and `data-facet`.
    package var key: String
    package var label: String
    /// The option for no filter ("Any department").
    package var any: String
    package var options: [FacetOptionView]

    package static let fields = ViewFields<Self>(
        "search facet",
        [
            .text("key", "The field's name: the form field's name and data-facet") { $0.key },
            .text("label", "The field's label") { $0.label },
            .text("any", "The text of the option that filters nothing") { $0.any },
            .views("options", "The values, with how many roles have each") { $0.options },
        ])
}
