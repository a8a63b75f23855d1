import SitegenMarkdown
import SitegenTemplates

/// The view every layout renders: site-wide values, the page's own head values, and the
/// page kind's view model (looked up last).
struct PageView: ViewModel {
    var site: SiteConfig
    /// Site-root-relative URL of this page.
    var url: String
    /// The `<title>` text.
    var documentTitle: String
    /// `<meta name="description">`.
    var description: String
    /// Absolute URL, when the site has a base URL.
    var canonical: String?
    /// The prefix back to the site root (`../../`); root-absolute for the 404 page.
    var root: String
    /// The page kind's view model.
    var content: any ViewModel

    func child(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "siteTitle": site.title
        case "siteDescription": site.description
        case "language": site.language
        case "documentTitle": documentTitle
        case "description": description
        case "canonical": canonical ?? ""
        case "hasCanonical": canonical != nil
        case "root": root
        case "stylesheet": root + URLs.stylesheet
        case "homeURL": root
        case "navigation": navigation
        case "searchURL": root + URLs.roles
        case "searchPageURL": root + SearchPages.url
        case "searchScript": root + "assets/search.js"
        case "ogTitle": ogTitle
        default: content.child(named: name)
        }
    }

    /// The page's own title when its view has one, else the document title.
    private var ogTitle: String {
        if case .text(let title) = content.value(for: "title") { return title }
        return documentTitle
    }

    private var navigation: [LinkView] {
        site.navigation.map { item in
            let external = item.url.contains(":")
            let target = external ? item.url : root + item.url
            let current = !external && (url == item.url || (item.url.hasSuffix("/") && !item.url.isEmpty && url.hasPrefix(item.url)))
            return LinkView(title: item.title, url: target, current: current)
        }
    }
}
