/// Everything read from a site folder, parsed but not yet cross-checked.
package struct LoadedContent: Sendable {
    /// `sitegen.yml`.
    package var config: SiteConfig
    /// `Content/index.md`, if present.
    package var home: Page?
    /// `Content/roles/**/*.md`, sorted by path.
    package var roles: [Role]
    /// `Content/compare/*.md`, sorted by path.
    package var comparisonProse: [Page]
    /// Every other Markdown page, sorted by path.
    package var pages: [Page]
    /// Non-Markdown files under `Content/` (images…), relative to `Content/`, to copy as they
    /// are (another language's own files start with its folder, `de/`).
    package var assets: [String]
    /// Slugs of role files left out (drafts) or that failed to parse: references to them are
    /// not reported as unknown roles.
    package var unavailableRoleSlugs: Set<String> = []
    /// The content of each other language of a multilingual site (`Content/de/`, `*.de.md`),
    /// each with its settings (`SiteConfig.inLanguage`); paths are those in its language.
    package var translations: [LoadedContent] = []
}
