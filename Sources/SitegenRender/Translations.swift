import SitegenContent

/// The languages of a multilingual site, as each page's language switcher and `hreflang`
/// links need them: every language's site is planned first, so a page knows which of the
/// others have a page at its address (a role's translation has its file's name, so its slug).
package struct Translations: Sendable {
    /// One language's site.
    package struct Language: Sendable {
        package var code: String
        /// How the switcher names it.
        package var name: String
        /// Where its site sits in the output (`""`, `de/`).
        package var prefix: String
        /// The addresses of its pages, relative to its own root (`roles/engineer/`).
        package var pages: Set<String>

        package init(code: String, name: String, prefix: String, pages: Set<String>) {
            (self.code, self.name, self.prefix, self.pages) = (code, name, prefix, pages)
        }
    }

    package var languages: [Language]
    /// The language whose pages are being made.
    package var current: Int
    /// The site's base URL (the default language's), or empty.
    package var baseURL: String

    package init(languages: [Language], current: Int, baseURL: String) {
        (self.languages, self.current, self.baseURL) = (languages, current, baseURL)
    }

    /// Links from the page at `url` (relative to its language's root, reached by `root`) to
    /// the same page in every language, the current one included; a language without that
    /// page is linked at its home page.
    package func links(for url: String, root: String) -> [LanguageLinkView] {
        // From this language's root to the site's root (`de/` → `../`).
        let up = SiteConfig.upToSiteRoot(from: languages[current].prefix)
        return languages.indices.map { index in
            let language = languages[index]
            let translated = language.pages.contains(url)
            let target = language.prefix + (translated ? url : "")
            return LanguageLinkView(
                code: language.code, name: language.name, url: root + up + target, absoluteURL: baseURL.isEmpty ? nil : baseURL + target,
                current: index == current, translated: translated)
        }
    }
}

/// A link to a page in one of the site's languages (the language switcher, `hreflang`).
package struct LanguageLinkView: FieldedView {
    package var code: String
    package var name: String
    package var url: String
    package var absoluteURL: String?
    package var current: Bool
    package var translated: Bool

    package static let fields = ViewFields<Self>(
        "language link",
        [
            .text("code", "The language's code (sitegen.yml languages)") { $0.code },
            .text("name", "The language's name (languages: <code>: name, else the theme's language_name)") { $0.name },
            .text("url", "The page in that language, relative to this page (its home page when it has none)") { $0.url },
            .text("href", "The page in that language, absolute when the site has a base URL (for hreflang)") { $0.absoluteURL ?? $0.url },
            .flag("current", "Whether it is the language of the page being shown") { $0.current },
            .flag("translated", "Whether the page exists in that language") { $0.translated },
        ])
}
