import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

/// The slug `sitegen new` gives a title: `Site Engineer` → `site-engineer`.
public func slug(for title: String) -> String { Slug.make(title) }

/// The schema of the site at `siteRoot` (its `sitegen.yml`, or the schema file it names), or
/// nil when the config cannot be read or does not parse.
package func schema(ofSiteAt siteRoot: URL) -> Schema? {
    var problems: [Diagnostic] = []
    return ContentLoader(root: siteRoot, displayPrefix: "").loadConfig(into: &problems)?.0?.schema
}
