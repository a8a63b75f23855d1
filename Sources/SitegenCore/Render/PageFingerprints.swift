import Foundation

/// The digest of everything a page shows, computed without rendering it: a page whose
/// fingerprint equals the one recorded by the last build is the same page, and is neither
/// rendered nor written again (the page cache, `BuildPipeline+Incremental`).
///
/// Each page kind lists its inputs here, next to the others, so a new field a view shows is
/// added in one place. What is covered:
/// - `site`: sitegen's own binary, the options, `sitegen.yml` and every theme file;
/// - a role's stamp: every byte of its file (front matter and body), so every field of it;
/// - a role's card: what other pages show of it (title, summary, department, media);
/// - the listings: what the pages that list the whole site show of every role, pair and
///   skill (so editing a role's body leaves them alone, editing its title does not).
/// The incremental tests build a site, edit it in each of these ways, and compare the result
/// with a clean build byte for byte.
struct PageFingerprints: Sendable {
    /// Everything every page depends on.
    let site: Digest
    /// The stamp of each content file (`roles/producer.md`), from the loader.
    let stamps: [String: Digest]
    /// What a link or card to a role shows, by role slug.
    let cards: [String: Digest]
    /// Everything the site-wide lists show (home, roles, comparison hub, skills, search).
    let listings: Digest

    init(site: Site, theme: Theme, stamps: [String: Digest], includeDrafts: Bool) {
        var hasher = DigestHasher()
        hasher.combine(Self.executable)
        hasher.combine(theme.digest)
        hasher.combine(includeDrafts ? 1 : 0)
        let config = site.config
        hasher.combine([config.title, config.description, config.baseURL, config.language])
        for item in config.navigation { hasher.combine([item.title, item.url]) }
        for dimension in config.dimensions {
            hasher.combine([dimension.key, dimension.label])
            hasher.combine(dimension.help)
            hasher.combine(dimension.order)
        }
        self.site = hasher.finalize()
        self.stamps = stamps
        // Per role, on every core: its card, and what the site-wide lists show of it.
        let perRole = site.roles.parallelMap { role -> (card: Digest, listed: Digest) in
            var card = DigestHasher()
            card.combine([role.title, role.summary])
            card.combine(role.department)
            card.combine(role.media)
            let cardDigest = card.finalize()
            var listed = DigestHasher()
            listed.combine(role.slug)
            listed.combine(cardDigest)
            for key in role.attributes.keys.sorted() { listed.combine([key, role.attributes[key] ?? ""]) }
            listed.combine(role.skills.map(\.value))
            listed.combine(role.duties)
            listed.combine(role.alternateTitles)
            return (cardDigest, listed.finalize())
        }
        var cards: [String: Digest] = [:]
        cards.reserveCapacity(site.roles.count)
        var listings = DigestHasher()
        listings.combine(self.site)
        for (role, digests) in zip(site.roles, perRole) {
            cards[role.slug] = digests.card
            listings.combine(digests.listed)
        }
        self.cards = cards
        for pair in site.pairs {
            listings.combine([pair.first, pair.second])
            listings.combine(pair.prose?.title)
            listings.combine(pair.prose?.weight ?? (pair.prose == nil ? -1 : Int.min))
        }
        for skill in site.skills {
            listings.combine([skill.name, skill.slug])
            listings.combine(skill.roleSlugs)
        }
        self.listings = listings.finalize()
    }

    /// A page that lists the whole site, and shows the content file `contentPath` if given.
    func listing(showing contentPath: String? = nil) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(listings)
        hasher.combine(contentPath.map { stamps[$0] ?? .zero } ?? .zero)
        return hasher.finalize()
    }

    /// A page that shows only the content file `contentPath` (a plain page), or nothing but the
    /// site's settings and theme (the 404 page).
    func page(showing contentPath: String?) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(site)
        hasher.combine(contentPath.map { stamps[$0] ?? .zero } ?? .zero)
        return hasher.finalize()
    }

    /// The role page and the job-duty page of a role (`RoleView`).
    func role(_ role: Role, in site: Site) -> Digest {
        var hasher = start(role.contentPath)
        for references in [role.reportsTo, role.supervises, role.worksWith, role.related] {
            combineCards(references.map(\.value), into: &hasher)
        }
        for pair in site.pairs(including: role.slug) {
            hasher.combine(pair.slug)
            combineCards([pair.first, pair.second], into: &hasher)
        }
        return hasher.finalize()
    }

    /// A comparison page (`ComparisonPages.pairPage`).
    func pair(_ pair: ComparisonPair, _ first: Role, _ second: Role) -> Digest {
        var hasher = start(first.contentPath)
        hasher.combine(stamps[second.contentPath] ?? .zero)
        hasher.combine(pair.prose.map { stamps[$0.contentPath] ?? .zero } ?? .zero)
        for role in [first, second] {
            combineCards(role.reportsTo.map(\.value), into: &hasher)
            combineCards(role.supervises.map(\.value), into: &hasher)
        }
        return hasher.finalize()
    }

    /// A skill page (`SkillPages.page`).
    func skill(_ skill: Skill) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(site)
        hasher.combine([skill.name, skill.slug])
        combineCards(skill.roleSlugs, into: &hasher)
        return hasher.finalize()
    }

    private func start(_ contentPath: String) -> DigestHasher {
        var hasher = DigestHasher()
        hasher.combine(site)
        hasher.combine(stamps[contentPath] ?? .zero)
        return hasher
    }

    /// The cards of roles in order; a role that is not in the site (a draft) counts as absent.
    private func combineCards(_ slugs: [String], into hasher: inout DigestHasher) {
        hasher.combine(slugs.count)
        for slug in slugs { hasher.combine(cards[slug] ?? .zero) }
    }

    /// sitegen's own binary (its size, modification time and inode): a rebuilt sitegen may
    /// render differently, so it never reuses pages or parses cached by another build of it.
    static let executable: Digest = {
        var hasher = DigestHasher()
        var info = stat()
        if stat("/proc/self/exe", &info) == 0 {
            hasher.combine(Int(info.st_size))
            hasher.combine(Int(info.st_mtim.tv_sec))
            hasher.combine(Int(info.st_mtim.tv_nsec))
            hasher.combine(Int(info.st_ino))
        } else {
            hasher.combine(CommandLine.arguments.first ?? "")
        }
        return hasher.finalize()
    }()
}
