import SitegenContent
import SitegenRender
import SitegenSupport

/// The slug `sitegen new` gives a title: `Line Producer` → `line-producer`.
public func slug(for title: String) -> String { Slug.make(title) }

/// The comparison dimensions declared in the text of a `sitegen.yml`, or nil when it does not parse.
public func dimensions(inConfig text: String) -> [SiteConfig.Dimension]? {
    SiteConfig.parse(text, file: SiteConfig.fileName).0?.dimensions
}
