import SitegenContent
import SitegenMarkdown
import SitegenTemplates

/// The comparison picker on `/compare/` and on a role page: a form of three role fields (text
/// with a list of matching titles; the third may stay empty) that `assets/compare.js` shows
/// side by side from the picker's data (`PickerData`), loaded only once the reader uses the
/// form or the address names a comparison. Without the script the form stays hidden and the picker
/// lists the pair pages instead (on a role page those of its role), at most `fallbackLimit`,
/// with a link to the hub's list of them all.
package struct PickerView: FieldedView {
    /// The role picked first when the page opens (the role page's own; nil on `/compare/`).
    package var role: String?
    /// That role's title, in the first field when the page opens.
    package var roleTitle: String?
    /// The data file, relative to the page.
    package var dataURL: String
    /// `/compare/`, relative to the page: where the form sends a pair.
    package var compareURL: String
    /// Whether the picked roles are kept in the page's address (`?a=…&b=…`, `&c=…` for a
    /// third; on `/compare/`).
    package var updatesAddress: Bool
    /// The pair pages listed without the script, relative to the page.
    package var pages: [LinkView]
    /// How many pair pages there are to list: more than `pages` holds when they were capped.
    package var pageCount: Int
    /// What the list says of itself when capped ("These are the first 12 of 40; …").
    package var cappedNote: String

    /// Most pair pages the picker lists without the script: a role in thousands of pairs
    /// still gets a small page (the hub's list, paged, has them all).
    package static let fallbackLimit = 12

    /// The picker of the page at `pageURL`; `pairs` are the pair pages to list without the
    /// script (the role's, on a role page; every one on the hub).
    package init(from pageURL: String, role: Role?, updatesAddress: Bool, pairs: [ComparisonPair], context: RenderContext) {
        self.role = role?.slug
        roleTitle = role?.title
        dataURL = ContentPath.relativeLink(from: pageURL, to: PickerData.path)
        compareURL = ContentPath.relativeLink(from: pageURL, to: URLs.compare)
        self.updatesAddress = updatesAddress
        let listed = Self.listed(pairs)
        pages = listed.map { ComparisonPages.link(to: $0, from: pageURL, context: context) }
        pageCount = pairs.count
        cappedNote = context.words.format("picker_nojs_first", ["shown": String(listed.count), "count": String(pairs.count)])
    }

    /// The pair pages listed without the script: the first `fallbackLimit`, in the site's order.
    package static func listed(_ pairs: [ComparisonPair]) -> ArraySlice<ComparisonPair> { pairs.prefix(fallbackLimit) }

    package static let fields = ViewFields<Self>(
        "comparison picker",
        [
            .text("role", "The slug of the role picked first (the role page's own; empty on /compare/)") { $0.role ?? "" },
            .flag("hasRole", "Whether the picker starts from a role (on its page)") { $0.role != nil },
            .text("roleTitle", "That role's title (empty on /compare/)") { $0.roleTitle ?? "" },
            .text("dataURL", "The picker's manifest (compare/compare-data.js), relative to the page") { $0.dataURL },
            .text("compareURL", "The comparison hub, relative to the page") { $0.compareURL },
            .text("pairsURL", "The hub's list of pair pages, relative to the page") { $0.compareURL + "#pairs" },
            .flag("updatesAddress", "Whether the page's address keeps the picked roles (?a=…&b=…, and &c=… for a third)") { $0.updatesAddress },
            .view("pages", "The pair pages listed without the script (the role's on a role page), at most \(PickerView.fallbackLimit)") {
                LinksView(links: $0.pages)
            },
            .flag("hasPages", "Whether there are pair pages to list") { !$0.pages.isEmpty },
            .flag("isCapped", "Whether there are more pair pages than are listed") { $0.pageCount > $0.pages.count },
            .text("cappedNote", "What a capped list says of itself (\"These are the first 12 of 40; …\")") { $0.cappedNote },
        ])
}
