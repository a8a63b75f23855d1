import SitegenContent
import SitegenTemplates

/// A row of the side-by-side table.
package struct ComparisonRowView: FieldedView {
    package var label: String
    package var first: String
    package var second: String

    package static let fields = ViewFields<Self>(
        "comparison row",
        [
            .text("label", "What the row compares") { $0.label },
            .text("first", "The first role's value") { $0.first },
            .text("second", "The second role's value") { $0.second },
        ])
}

/// Items split into shared / only the first role / only the second role.
package struct SplitView: FieldedView {
    package var idPrefix: String
    package var firstTitle: String
    package var secondTitle: String
    package var shared: [LinkView]
    package var onlyFirst: [LinkView]
    package var onlySecond: [LinkView]

    package static let fields = ViewFields<Self>(
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
    package static func split(
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

/// A comparison page: two roles side by side, their duties and skills split, and the pair's
/// prose when it has one.
package struct PairView: FieldedView {
    /// What the page shows of one of the two roles.
    package struct Side: Sendable {
        package var title: String
        package var article: String
        package var url: String
        package var dutiesURL: String
        /// "what does a … do?", for a link to the duty page.
        package var question: String

        package init(role: Role, url: String, dutiesURL: String, words: Words) {
            title = role.title
            article = words.article(for: role)
            question = words.format("duties_question_inline", ["a": article, "title": role.title])
            self.url = url
            self.dutiesURL = dutiesURL
        }
    }

    package var title: String
    package var summary: String
    /// "A vs B", whatever the page's title.
    package var pairName: String
    /// The side-by-side table's caption.
    package var caption: String
    package var first: Side
    package var second: Side
    package var rows: [ComparisonRowView]
    package var proseHTML: String?
    package var duties: SplitView
    package var skills: SplitView
    /// The two roles as cards, for templates that read their declared fields (empty when no
    /// template of the theme names `first` or `second`).
    package var cards: (first: [RoleCardView], second: [RoleCardView]) = ([], [])

    package static let fields = ViewFields<Self>(
        "comparison page",
        [
            .text("title", "The page's title (\"A vs B\", or the prose's title)") { $0.title },
            .text("summary", "The page's summary") { $0.summary },
            .text("pairName", "\"A vs B\"") { $0.pairName },
            .text("caption", "The side-by-side table's caption") { $0.caption },
            .text("firstQuestion", "\"what does a … do?\" of the first role") { $0.first.question },
            .text("secondQuestion", "\"what does a … do?\" of the second role") { $0.second.question },
            .text("firstTitle", "The first role's title") { $0.first.title },
            .text("secondTitle", "The second role's title") { $0.second.title },
            .text("firstURL", "The first role's page, relative to this one") { $0.first.url },
            .text("secondURL", "The second role's page, relative to this one") { $0.second.url },
            .text("firstDutiesURL", "The first role's duty page") { $0.first.dutiesURL },
            .text("secondDutiesURL", "The second role's duty page") { $0.second.dutiesURL },
            .text("firstArticle", "\"a\" or \"an\" before the first title") { $0.first.article },
            .text("secondArticle", "\"a\" or \"an\" before the second title") { $0.second.article },
            .views("rows", "The side-by-side table's rows") { $0.rows },
            .text("proseHTML", "The pair's prose, as HTML (use {{{proseHTML}}})") { $0.proseHTML ?? "" },
            .flag("hasProse", "Whether the pair has prose") { $0.proseHTML != nil },
            .view("duties", "The duties, split into shared and each role's own") { $0.duties },
            .view("skills", "The skills, split into shared and each role's own") { $0.skills },
            .views("firstRole", "The first role as a card, with its declared fields by name: {{#firstRole}}{{level}}{{/firstRole}}") { $0.cards.first },
            .views("secondRole", "The second role as a card: {{#secondRole}}{{level}}{{/secondRole}}") { $0.cards.second },
        ])
}
