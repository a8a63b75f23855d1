import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

/// The slug `sitegen new` gives a title: `Site Engineer` → `site-engineer`.
public func slug(for title: String) -> String { Slug.make(title) }

/// The schema declared in the text of a `sitegen.yml`, or nil when it does not parse. A
/// schema kept in its own file (`schema: schema.yml`) is read from `siteRoot`.
package func schema(inConfig text: String, siteRoot: URL) -> Schema? {
    guard let config = SiteConfig.parse(text, file: SiteConfig.fileName).0 else { return nil }
    guard let named = config.schemaFile else { return config.schema }
    guard let schemaText = try? String(contentsOf: siteRoot.appendingPathComponent(named.value), encoding: .utf8) else { return nil }
    var fields = YAMLFields(file: named.value, firstLine: 1)
    return fields.compose(schemaText).map { Schema.parse($0, fields: &fields) }
}
