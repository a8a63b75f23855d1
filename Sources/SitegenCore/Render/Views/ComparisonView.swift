import SitegenTemplates

/// A row of the side-by-side table.
struct ComparisonRowView: ViewModel {
    var label: String
    var first: String
    var second: String

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "label": label
        case "first": first
        case "second": second
        default: nil
        }
    }
}

/// Items split into shared / only the first role / only the second role.
struct SplitView: ViewModel {
    var idPrefix: String
    var firstTitle: String
    var secondTitle: String
    var shared: [LinkView]
    var onlyFirst: [LinkView]
    var onlySecond: [LinkView]

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "idPrefix": idPrefix
        case "firstTitle": firstTitle
        case "secondTitle": secondTitle
        case "shared": shared
        case "hasShared": !shared.isEmpty
        case "onlyFirst": onlyFirst
        case "hasOnlyFirst": !onlyFirst.isEmpty
        case "onlySecond": onlySecond
        case "hasOnlySecond": !onlySecond.isEmpty
        default: nil
        }
    }

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
