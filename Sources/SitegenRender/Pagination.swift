import SitegenContent
import SitegenMarkdown

/// Long lists split into numbered pages (`/roles/`, `/roles/page/2/` …), so no page grows
/// with the handbook: `page_size:` in `sitegen.yml` items a page. A list that fits is one page.
package enum Pagination {
    /// Items per page when `sitegen.yml` does not say.
    package static let defaultPageSize = 500

    /// The URL of page `number` (1-based) of the list at `base`: `base` itself for the first.
    package static func url(_ base: String, page number: Int) -> String { number == 1 ? base : "\(base)page/\(number)/" }

    /// The items in pages of `size` (one empty page for no items).
    package static func split<Item>(_ items: [Item], size: Int) -> [ArraySlice<Item>] {
        guard !items.isEmpty else { return [items[...]] }
        return stride(from: 0, to: items.count, by: size).map { items[$0..<min($0 + size, items.count)] }
    }

    /// The pager of page `number` of `count`, with links relative to that page.
    package static func pager(_ base: String, page number: Int, of count: Int, words: Words) -> PagerView {
        let here = url(base, page: number)
        let link = { (page: Int) in ContentPath.relativeLink(from: here, to: url(base, page: page)) }
        return PagerView(
            pages: (1...max(count, 1)).map { PagerView.Page(number: $0, url: link($0), current: $0 == number) },
            previousURL: number > 1 ? link(number - 1) : nil, nextURL: number < count ? link(number + 1) : nil,
            label: words.format("page_of", ["page": String(number), "count": String(count)]))
    }

    /// A page's title: the list's own on the first page, "… (page 2 of 5)" after it.
    package static func title(_ title: String, page number: Int, of count: Int, words: Words) -> String {
        number == 1 ? title : words.format("paged_title", ["title": title, "page": String(number), "count": String(count)])
    }
}

/// The links between the pages of a list: numbered, with previous and next.
package struct PagerView: FieldedView {
    /// One numbered link.
    package struct Page: FieldedView {
        var number: Int
        var url: String
        var current: Bool

        package static let fields = ViewFields<Self>(
            "page link",
            [
                .number("number", "The page's number") { $0.number },
                .text("url", "The page, relative to this one") { $0.url },
                .flag("current", "Whether it is this page") { $0.current },
            ])
    }

    var pages: [Page]
    var previousURL: String?
    var nextURL: String?
    /// "Page 2 of 5".
    var label: String

    package static let fields = ViewFields<Self>(
        "pager",
        [
            .views("pages", "Every page of the list, numbered") { $0.pages },
            .flag("isPaged", "Whether the list has more than one page") { $0.pages.count > 1 },
            .text("previousURL", "The previous page (rel=prev)") { $0.previousURL },
            .flag("hasPrevious", "Whether there is a previous page") { $0.previousURL != nil },
            .text("nextURL", "The next page (rel=next)") { $0.nextURL },
            .flag("hasNext", "Whether there is a next page") { $0.nextURL != nil },
            .text("label", "\"Page 2 of 5\"") { $0.label },
        ])
}
