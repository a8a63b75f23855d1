import SitegenTemplates

/// A row of the side-by-side table.
struct ComparisonRowView: ViewModel {
    var label: String
    var first: String
    var second: String

    func value(for name: String) -> TemplateValue {
        switch name {
        case "label": TemplateValue(label)
        case "first": TemplateValue(first)
        case "second": TemplateValue(second)
        default: .none
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

    func value(for name: String) -> TemplateValue {
        switch name {
        case "idPrefix": TemplateValue(idPrefix)
        case "firstTitle": TemplateValue(firstTitle)
        case "secondTitle": TemplateValue(secondTitle)
        case "shared": TemplateValue(shared)
        case "hasShared": TemplateValue(!shared.isEmpty)
        case "onlyFirst": TemplateValue(onlyFirst)
        case "hasOnlyFirst": TemplateValue(!onlyFirst.isEmpty)
        case "onlySecond": TemplateValue(onlySecond)
        case "hasOnlySecond": TemplateValue(!onlySecond.isEmpty)
        default: .none
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
