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

    func value(for name: String) -> TemplateValue {
        switch name {
        case "siteTitle": TemplateValue(site.title)
        case "siteDescription": TemplateValue(site.description)
        case "language": TemplateValue(site.language)
        case "documentTitle": TemplateValue(documentTitle)
        case "description": TemplateValue(description)
        case "canonical": TemplateValue(canonical ?? "")
        case "hasCanonical": TemplateValue(canonical != nil)
        case "root": TemplateValue(root)
        case "stylesheet": TemplateValue(root + URLs.stylesheet)
        case "homeURL": TemplateValue(root)
        case "navigation": TemplateValue(navigation)
        case "searchURL": TemplateValue(root + URLs.roles)
        case "searchPageURL": TemplateValue(root + SearchPages.url)
        case "searchScript": TemplateValue(root + "assets/search.js")
        case "ogTitle": TemplateValue(ogTitle)
        default: content.value(for: name)
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
