import Foundation
import SitegenContent
import SitegenMarkdown

/// The files static hosts expect beside the pages: `404.html`, `sitemap.xml`, `robots.txt`,
/// and the theme's assets.
package enum SiteFiles: PageKind {
    /// `404.html`, the theme's assets, `robots.txt` and `sitemap.xml` (listing the pages of
    /// every kind before this one).
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        // `404.html` and `robots.txt` only at the site's root, where hosts look for them:
        // another language's site is a folder of it.
        let assets = assets(context.theme).map { PageSpec.file($0) }
        guard context.site.config.outputPrefix.isEmpty else { return assets }
        return [notFound(context)] + assets + [.file(robots(baseURL: context.site.config.baseURL))]
    }

    /// `404.html`. Hosts serve it at any missing address, at any depth, so its links are
    /// root-absolute: under the base URL's path when there is one, else under `/`. Without a
    /// base URL the site may still be published under a sub-path (`example.org/handbook/`):
    /// the page carries the stylesheet inline, and its script finds the root from its own
    /// address (the first segment that is one of `sections`, the site's top folders) and
    /// rewrites the links to it.
    package static func notFound(_ context: RenderContext) -> PageSpec {
        .page(url: "404.html", layout: "404", listed: false) { context in
            let site = context.site
            let urls =
                [URLs.roles, URLs.compare, URLs.charts, SearchPages.url, "assets/"] + site.taxonomies.map(\.url)
                + site.pages.map { ContentPath.pageURL(forContentFile: $0.contentPath) } + site.folders.map(\.path)
            let sections = Set(urls.map { String($0.prefix { $0 != "/" }) }).subtracting([""])
            // The stylesheet inside <style>: a `</` would end the element (`<\/` is the same in CSS).
            let css = context.theme.assets["site.css"].map { String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "</", with: "<\\/") } ?? ""
            // The icon as a data: address: the browser may ask for it before the script below
            // has found the site's root.
            let icon = context.theme.assets["favicon.svg"].map { "data:image/svg+xml;base64," + Data($0).base64EncodedString() } ?? ""
            return context.view(
                url: "404.html", title: context.words["not_found_title"], description: context.words["not_found_summary"],
                content: ListView(
                    title: context.words["not_found_title"], summary: "",
                    values: ["inlineStyle": css, "inlineIcon": icon, "sections": sections.sorted().joined(separator: " ")]),
                rootOverride: basePath(context.site.config.baseURL))
        }
    }

    /// `/handbook/` for `https://example.org/handbook/`, `/` without a base URL.
    package static func basePath(_ baseURL: String) -> String {
        guard let url = URL(string: baseURL), !url.path.isEmpty else { return "/" }
        return url.path.hasSuffix("/") ? url.path : url.path + "/"
    }

    /// Where the sitemap goes (the index of the parts, when there are parts).
    package static let sitemapPath = "sitemap.xml"
    /// Most URLs in one sitemap file (the sitemaps.org protocol allows 50,000).
    package static let sitemapLimit = 50_000

    /// The sitemap files for `count` listed pages: `sitemap.xml` alone, or, past `limit`,
    /// `sitemap.xml` as the index of `sitemap-1.xml`, `sitemap-2.xml`, ….
    package static func sitemapPaths(count: Int, limit: Int = sitemapLimit) -> [String] {
        guard count > limit else { return [sitemapPath] }
        return [sitemapPath] + (1...((count + limit - 1) / limit)).map { "sitemap-\($0).xml" }
    }

    /// File `part` of the sitemap of `pages` (output paths, in order), as `sitemapPaths` names
    /// them: the one `urlset`, or past `limit` the index (part 0) and the parts' `urlset`s.
    /// Absolute URLs with a base URL, root-relative paths without one.
    package static func sitemap(part: Int, pages: [String], baseURL: String, limit: Int = sitemapLimit) -> OutputFile {
        let paths = sitemapPaths(count: pages.count, limit: limit)
        let prefix = baseURL.isEmpty ? "/" : baseURL
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        if paths.count > 1 && part == 0 {
            xml += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for path in paths.dropFirst() { xml += "  <sitemap><loc>\(escapeXML(prefix + path))</loc></sitemap>\n" }
            xml += "</sitemapindex>\n"
            return OutputFile(path: paths[0], text: xml)
        }
        let range = paths.count == 1 ? pages.indices : ((part - 1) * limit)..<min(part * limit, pages.count)
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        xml.reserveCapacity(range.count * (prefix.utf8.count + 40))
        for path in pages[range] {
            let url = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
            xml += "  <url><loc>\(escapeXML(prefix + url))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return OutputFile(path: paths[part], text: xml)
    }

    /// `robots.txt` allowing everything and naming the sitemap when the base URL is known.
    package static func robots(baseURL: String) -> OutputFile {
        var text = "User-agent: *\nAllow: /\n"
        if !baseURL.isEmpty { text += "\nSitemap: \(baseURL)sitemap.xml\n" }
        return OutputFile(path: "robots.txt", text: text)
    }

    /// The theme's assets under `assets/`.
    package static func assets(_ theme: Theme) -> [OutputFile] {
        theme.assets.keys.sorted().map { OutputFile(path: "assets/\($0)", data: theme.assets[$0]!) }
    }

    package static func escapeXML(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") })
        else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
