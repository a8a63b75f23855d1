import SitegenContent

/// `feed.xml`: an Atom feed (RFC 4287) of the roles and comparisons most recently updated, for
/// a site that asks for one (`feed: true`) and has a `base_url` (a feed's addresses must be
/// absolute; without one the build warns and writes none). Pages name it in their head.
package enum FeedPages: PageKind {
    /// Where the feed goes.
    package static let path = "feed.xml"
    /// The most entries the feed holds, newest first.
    package static let entryLimit = 50

    package static func pages(_ context: RenderContext) -> [PageSpec] {
        guard url(context.site.config) != nil else { return [] }
        return [.data(path: path) { atom($0) }]
    }

    /// The feed's absolute address, when the site has one.
    package static func url(_ config: SiteConfig) -> String? {
        config.feed != nil && !config.baseURL.isEmpty ? config.baseURL + path : nil
    }

    /// One entry: a page, its title and summary, and the day it was last updated.
    struct Entry {
        var url: String
        var title: String
        var summary: String
        var updated: String
    }

    /// The roles with an `updated:` date and the comparisons of two such roles (updated when the
    /// later of them was), newest first, then by address.
    static func entries(_ context: RenderContext) -> [Entry] {
        let site = context.site
        var entries = site.roles.compactMap { role in
            role.updated.map { Entry(url: URLs.role(role.slug), title: role.title, summary: role.summary, updated: $0) }
        }
        for pair in site.pairs {
            guard let first = site.role(pair.first), let second = site.role(pair.second), let one = first.updated, let other = second.updated
            else { continue }
            let title = context.words.format("pair_title", ["first": first.title, "second": second.title])
            entries.append(Entry(url: URLs.pair(pair), title: title, summary: pair.prose?.summary ?? title, updated: max(one, other)))
        }
        entries.sort { ($0.updated, $1.url) > ($1.updated, $0.url) }
        return Array(entries.prefix(entryLimit))
    }

    /// The feed's XML.
    static func atom(_ context: RenderContext) -> OutputFile {
        let config = context.site.config
        let base = config.baseURL
        let entries = entries(context)
        let escape = SiteFiles.escapeXML
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(config.language))\">\n"
        xml += "  <title>\(escape(config.title))</title>\n"
        if !config.description.isEmpty { xml += "  <subtitle>\(escape(config.description))</subtitle>\n" }
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(base + path))\"/>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(base))\"/>\n"
        xml += "  <id>\(escape(base))</id>\n"
        xml += "  <updated>\(timestamp(entries.first?.updated ?? "1970-01-01"))</updated>\n"
        xml += "  <author><name>\(escape(config.title))</name></author>\n"
        xml += "  <generator>sitegen</generator>\n"
        for entry in entries {
            xml += "  <entry>\n"
            xml += "    <title>\(escape(entry.title))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(base + entry.url))\"/>\n"
            xml += "    <id>\(escape(base + entry.url))</id>\n"
            xml += "    <updated>\(timestamp(entry.updated))</updated>\n"
            xml += "    <summary>\(escape(entry.summary))</summary>\n"
            xml += "  </entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: path, text: xml)
    }

    /// An RFC 3339 timestamp for a day (`2026-12-01` → `2026-12-01T00:00:00Z`).
    static func timestamp(_ day: String) -> String { day + "T00:00:00Z" }
}
