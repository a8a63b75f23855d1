import SitegenSupport

extension Site {
    /// This site, resolved from `last`, made the site of `content` when the two differ in
    /// nothing but the bodies of roles (the edit `sitegen serve` sees most): resolving reads
    /// no role's body, so the site is this one with the new roles in place. Nil when anything
    /// else differs. At 10k roles this is a few milliseconds; resolving again is 150.
    package func reused(from last: LoadedContent, for content: LoadedContent) -> Site? {
        guard content.roles.count == last.roles.count, content.config == last.config, content.home == last.home,
            content.unavailableRoleSlugs == last.unavailableRoleSlugs, content.assets == last.assets,
            content.comparisonProse == last.comparisonProse, content.pages == last.pages
        else { return nil }
        // The same files with the same front matter: each role's digest less its body (kept
        // with its parse) says so.
        for (new, old) in zip(content.roles, last.roles) {
            guard new.contentPath == old.contentPath, new.digests.withoutBody == old.digests.withoutBody else { return nil }
        }
        var site = self
        var bySlug: [String: Role] = [:]
        bySlug.reserveCapacity(content.roles.count)
        for role in content.roles { bySlug[role.slug] = role }
        guard bySlug.count == rolesBySlug.count else { return nil }
        site.roles = roles.map { bySlug[$0.slug]! }
        site.rolesBySlug = bySlug
        return site
    }
}
