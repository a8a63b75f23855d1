import SitegenContent
import SitegenMarkdown
import SitegenSupport
import SitegenTemplates

/// The view every layout renders: site-wide values, the page's own head values, and the
/// page kind's view model (looked up last).
package struct PageView: ViewModel {
    package var site: SiteConfig
    /// Site-root-relative URL of this page.
    package var url: String
    /// The `<title>` text.
    package var documentTitle: String
    /// `<meta name="description">`.
    package var description: String
    /// Absolute URL, when the site has a base URL.
    package var canonical: String?
    /// The prefix back to the site root (`../../`); root-absolute for the 404 page.
    package var root: String
    /// The theme's words.
    package var words: Words
    /// The page kind's view model.
    package var content: any ViewModel
    /// The same page in each of the site's languages (none for a site in one language).
    package var languages: [LanguageLinkView] = []

    package static let fields = ViewFields<Self>(
        "page",
        [
            .text("siteTitle", "The site's title (sitegen.yml title)") { $0.site.title },
            .text("siteDescription", "The site's description (sitegen.yml description)") { $0.site.description },
            .text("language", "The site's language code (sitegen.yml language)") { $0.site.language },
            .text("documentTitle", "The text of the page's <title>") { $0.documentTitle },
            .text("description", "The page's meta description") { $0.description },
            .text("canonical", "The page's absolute URL, when the site has a base URL") { $0.canonical },
            .flag("hasCanonical", "Whether the page has an absolute URL") { $0.canonical != nil },
            .text("root", "The way back to the site root from this page (../../)") { $0.root },
            .text("stylesheet", "The stylesheet, relative to the page") { $0.root + URLs.stylesheet },
            .text("homeURL", "The home page, relative to the page") { $0.root },
            .views("navigation", "The site's navigation links (sitegen.yml navigation)") { $0.navigation },
            .text("searchURL", "Where the header's search box sends a query without script") { $0.root + URLs.roles },
            .text("searchPageURL", "The search page, relative to the page") { $0.root + SearchPages.url },
            .text("skillsURL", "The skills page, relative to the page") { $0.root + ($0.site.schema.skills?.url ?? Schema.skillsKey) + "/" },
            .text("skillsTitle", "The skills page's title (schema: fields: skills: label, else the theme's word)") {
                $0.site.schema.skills?.label ?? $0.words["skills_title"]
            },
            .text("searchScript", "The search script, relative to the page") { $0.root + "assets/search.js" },
            .text("sitemapURL", "The sitemap, relative to the page; none without a base URL (a sitemap needs absolute addresses)") {
                $0.site.baseURL.isEmpty ? nil : $0.siteRoot + SiteFiles.sitemapPath
            },
            .text("feedURL", "The Atom feed's absolute address, when the site has one (feed: true and base_url)") { FeedPages.url($0.site) },
            .text("ogTitle", "The page's own title for social cards") { $0.ogTitle },
            .views("languages", "The page in each of the site's languages, for the language switcher and hreflang (none in one language)") {
                $0.languages
            },
            .flag("hasLanguages", "Whether the site has more than one language") { !$0.languages.isEmpty },
            .view("t", "The theme's words in the site's language (Templates/i18n/<language>.yml): {{t.key}}") { WordsView(words: $0.words) },
        ])

    package func value(for name: String) -> TemplateValue {
        let value = Self.fields.value(of: self, for: name)
        if case .none = value { return content.value(for: name) }
        return value
    }

    package func combine(into hasher: inout DigestHasher) {
        Self.fields.combine(self, into: &hasher)
        content.combine(into: &hasher)
    }

    /// The page's own names, then its content's (looked up in that order), named after the content.
    package var templateType: TemplateType {
        guard case .object(let content) = content.templateType else { return .any }
        return .object(TemplateShape(content.name, fields: Self.fields.shape(of: self).fields + content.fields))
    }

    /// The way back to the root of the whole site: another language's root is a folder of it.
    private var siteRoot: String { root + SiteConfig.upToSiteRoot(from: site.outputPrefix) }

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
