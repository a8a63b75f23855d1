import SitegenContent
import SitegenMarkdown
import SitegenTemplates

/// The comparison picker on `/compare/` and on a role page: a form of two role fields (text
/// with a list of matching titles) that `assets/compare.js` shows side by side from the
/// picker's data (`PickerData`), loaded only once the reader uses the form or the address
/// names a pair. Without the script the form stays hidden and the picker points at the pair pages.
package struct PickerView: FieldedView {
    /// The role picked first when the page opens (the role page's own; nil on `/compare/`).
    package var role: String?
    /// That role's title, in the first field when the page opens.
    package var roleTitle: String?
    /// The data file, relative to the page.
    package var dataURL: String
    /// `/compare/`, relative to the page: where the form sends a pair.
    package var compareURL: String
    /// Whether the picked pair is kept in the page's address (`?a=…&b=…`, on `/compare/`).
    package var updatesAddress: Bool

    /// The picker of the page at `pageURL`.
    package init(from pageURL: String, role: Role?, updatesAddress: Bool) {
        self.role = role?.slug
        roleTitle = role?.title
        dataURL = ContentPath.relativeLink(from: pageURL, to: PickerData.path)
        compareURL = ContentPath.relativeLink(from: pageURL, to: URLs.compare)
        self.updatesAddress = updatesAddress
    }

    package static let fields = ViewFields<Self>(
        "comparison picker",
        [
            .text("role", "The slug of the role picked first (the role page's own; empty on /compare/)") { $0.role ?? "" },
            .text("roleTitle", "That role's title (empty on /compare/)") { $0.roleTitle ?? "" },
            .text("dataURL", "The picker's manifest (compare/compare-data.js), relative to the page") { $0.dataURL },
            .text("compareURL", "The comparison hub, relative to the page") { $0.compareURL },
            .text("pairsURL", "The hub's list of pair pages, relative to the page") { $0.compareURL + "#pairs" },
            .flag("updatesAddress", "Whether the page's address keeps the picked pair (?a=…&b=…)") { $0.updatesAddress },
        ])
}
