import SitegenTemplates

/// A row of the side-by-side table.
struct ComparisonRowView: FieldedView {
    var label: String
    var first: String
    var second: String

    static let fields = ViewFields<Self>(
        "comparison row",
        [
            .text("label", "What the row compares") { $0.label },
            .text("first", "The first role's value") { $0.first },
            .text("second", "The second role's value") { $0.second },
        ])
}

/// Items split into shared / only the first role / only the second role.
struct SplitView: FieldedView {
    var idPrefix: String
    var firstTitle: String
    var secondTitle: String
    var shared: [LinkView]
    var onlyFirst: [LinkView]
    var onlySecond: [LinkView]

    static let fields = ViewFields<Self>(
        "split of two lists",
        [
            .text("idPrefix", "The prefix of the split's element ids") { $0.idPrefix },
            .text("firstTitle", "The first role's title") { $0.firstTitle },
            .text("secondTitle", "The second role's title") { $0.secondTitle },
            .views("shared", "Items both roles have") { $0.shared },
            .flag("hasShared", "Whether any item is shared") { !$0.shared.isEmpty },
            .views("onlyFirst", "Items only the first role has") { $0.onlyFirst },
            .flag("hasOnlyFirst", "Whether the first role has items of its own") { !$0.onlyFirst.isEmpty },
            .views("onlySecond", "Items only the second role has") { $0.onlySecond },
            .flag("hasOnlySecond", "Whether the second role has items of its own") { !$0.onlySecond.isEmpty },
        ])

    /// Splits two lists by a normalised key, keeping each side's written order.
    static func split(
        idPrefix: String, firstTitle: String, secondTitle: String,
        first: [LinkView], second: [LinkView], key: (String) -> String
    ) -> SplitView {
        let firstKeys = Set(first.map { key($0.title) })
        let secondKeys = Set(second.map { key($0.title) })
        return SplitView(
            idPrefix: idPrefix, firstTitle: firstTitle, secondTitle: secondTitle,
            shared: first.filter { secondKeys.contains(key($0.title)) },
            onlyFirst: first.filter { !secondKeys.contains(key($0.title)) },
            onlySecond: second.filter { !firstKeys.contains(key($0.title)) }
        )
    }
}
