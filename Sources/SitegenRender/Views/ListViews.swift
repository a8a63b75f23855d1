import SitegenContent
import SitegenMarkdown
import SitegenSupport
import SitegenTemplates

/// A page with a title, summary and a body of Markdown (home, plain pages).
package struct ProseView: OpenView {
    package var title: String
    package var summary: String?
    package var bodyHTML: String
    package var toc: [TOCEntryView]
    /// Extra values a particular layout reads (the home page's groups).
    package var extra: [String: any ViewValue] = [:]

    package static let fields = ViewFields<Self>(
        "prose page",
        [
            .text("title", "The page's title") { $0.title },
            .text("summary", "The page's summary") { $0.summary },
            .flag("hasSummary", "Whether the page has a summary") { $0.summary != nil },
            .text("bodyHTML", "The page's Markdown body, as HTML (use {{{bodyHTML}}})") { $0.bodyHTML },
            .text("introHTML", "The same as bodyHTML") { $0.bodyHTML },
            .flag("hasIntro", "Whether the body has any text") { !$0.bodyHTML.isEmpty },
            .views("toc", "The body's ## and ### headings") { $0.toc },
            .flag("hasToc", "Whether the body has more than one heading") { $0.toc.count > 1 },
        ])

    package var moreValues: [String: any ViewValue] { extra }
}

/// A page that lists things (roles index, skills, skill pages, comparison hub).
package struct ListView: OpenView {
    package var title: String
    package var summary: String
    /// The values a particular layout reads (the roles of a skill page).
    package var values: [String: any ViewValue]

    package static let fields = ViewFields<Self>(
        "list page",
        [
            .text("title", "The page's title") { $0.title },
            .text("summary", "The page's summary") { $0.summary },
        ])

    package var moreValues: [String: any ViewValue] { values }
}

/// A folder's list page: its `_index.md` (when it has one) and its pages.
package struct FolderView: FieldedView {
    package var title: String
    package var summary: String?
    package var bodyHTML: String
    package var toc: [TOCEntryView]
    package var pages: [PageCardView]

    package static let fields = ViewFields<Self>(
        "folder page",
        [
            .text("title", "The folder's title (its _index.md title, else its name)") { $0.title },
            .text("summary", "The folder's summary (from its _index.md)") { $0.summary },
            .flag("hasSummary", "Whether the folder has a summary") { $0.summary != nil },
            .text("bodyHTML", "The _index.md body, as HTML (use {{{bodyHTML}}})") { $0.bodyHTML },
            .flag("hasBody", "Whether the _index.md has a body") { !$0.bodyHTML.isEmpty },
            .views("toc", "The body's ## and ### headings") { $0.toc },
            .flag("hasToc", "Whether the body has more than one heading") { $0.toc.count > 1 },
            .views("pages", "The folder's pages, by weight, then title") { $0.pages },
        ])
}

/// A plain page as an entry of a list: title, link and summary.
package struct PageCardView: FieldedView {
    package var title: String
    package var url: String
    package var summary: String?

    package static let fields = ViewFields<Self>(
        "page card",
        [
            .text("title", "The page's title") { $0.title },
            .text("url", "The page, relative to the list") { $0.url },
            .text("summary", "The page's summary") { $0.summary },
            .flag("hasSummary", "Whether the page has a summary") { $0.summary != nil },
        ])
}
