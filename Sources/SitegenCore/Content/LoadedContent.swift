/// Everything read from a site folder, parsed but not yet cross-checked.
public struct LoadedContent: Sendable {
    /// `sitegen.yml`.
    public var config: SiteConfig
    /// `Content/index.md`, if present.
    public var home: Page?
    /// `Content/roles/**/*.md`, sorted by path.
    public var roles: [Role]
    /// `Content/compare/*.md`, sorted by path.
    public var comparisonProse: [Page]
    /// Every other Markdown page, sorted by path.
    public var pages: [Page]
    /// Non-Markdown files under `Content/` (images…), relative to `Content/`, to copy as they are.
    public var assets: [String]
    /// Slugs of role files left out (drafts) or that failed to parse: references to them are
    /// not reported as unknown roles.
    public var unavailableRoleSlugs: Set<String> = []
}
