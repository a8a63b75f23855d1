import SitegenSupport
import Synchronization

/// One thing a page's view read of what the site makes from its roles: a role, the pairs of
/// a role, the slug of a term. A page records what its view read (`SiteReads`); the next
/// build digests each read on its own site (`Site.digest(of:)`), and a page whose reads
/// digest as they did is made from what it was made from. So a role's new title makes again
/// the pages that show that role, not the site's 35k pages. Reading a whole list (`roles`)
/// is one read of all of it.
package enum SiteRead: Hashable, Sendable {
    /// Every role, in order (`Site.roles`, `Site.rolesBySlug`).
    case roles
    /// How many roles there are.
    case roleCount
    /// The role with this slug (or that there is none).
    case role(String)
    /// Every comparison pair.
    case pairs
    /// The pairs that include the role with this slug.
    case pairsOf(String)
    /// Every taxonomy.
    case taxonomies
    /// The taxonomy of one field, its terms included.
    case taxonomy(String)
    /// The URL folder of the taxonomy of a field.
    case taxonomyFolder(String)
    /// The slug of a term as written (field, name).
    case termSlug(String, String)
    /// One term of a field's taxonomy, its roles included (field, slug).
    case term(String, String)
    /// Every reporting line.
    case lines
    /// The neighbours of one role in the reporting lines.
    case neighbours(of: String)

    /// The read in a few bytes, for the page manifest.
    package func write(to writer: inout ByteWriter) { encode(into: &writer) }

    /// The read itself (not what it reads), digested.
    package func combine(into hasher: inout DigestHasher) { encode(into: &hasher) }

    /// The read as a tag and its texts, the one layout of `write(to:)` and `combine(into:)`.
    private func encode(into encoder: inout some ReadEncoder) {
        switch self {
        case .roles: encoder.add(0)
        case .roleCount: encoder.add(1)
        case .role(let slug): encoder.add(2, slug)
        case .pairs: encoder.add(3)
        case .pairsOf(let slug): encoder.add(4, slug)
        case .taxonomies: encoder.add(5)
        case .taxonomy(let key): encoder.add(6, key)
        case .taxonomyFolder(let key): encoder.add(7, key)
        case .termSlug(let key, let name): encoder.add(8, key, name)
        case .lines: encoder.add(9)
        case .neighbours(let slug): encoder.add(10, slug)
        case .term(let key, let slug): encoder.add(11, key, slug)
        }
    }

    /// The read `write(to:)` wrote, nil for bytes it cannot have written.
    package static func read(from reader: inout ByteReader) -> SiteRead? {
        let read: SiteRead?
        switch reader.int() {
        case 0: read = .roles
        case 1: read = .roleCount
        case 2: read = .role(reader.string())
        case 3: read = .pairs
        case 4: read = .pairsOf(reader.string())
        case 5: read = .taxonomies
        case 6: read = .taxonomy(reader.string())
        case 7: read = .taxonomyFolder(reader.string())
        case 8: read = .termSlug(reader.string(), reader.string())
        case 9: read = .lines
        case 10: read = .neighbours(of: reader.string())
        case 11: read = .term(reader.string(), reader.string())
        default: read = nil
        }
        return reader.failed ? nil : read
    }
}

/// Where a read is encoded: the manifest's bytes or a digest (both length-prefix their texts).
private protocol ReadEncoder {
    mutating func add(_ tag: Int)
    mutating func add(_ text: String)
}

extension ReadEncoder {
    mutating func add(_ tag: Int, _ text: String) {
        add(tag)
        add(text)
    }

    mutating func add(_ tag: Int, _ first: String, _ second: String) {
        add(tag, first)
        add(second)
    }
}

extension ByteWriter: ReadEncoder {
    fileprivate mutating func add(_ tag: Int) { write(tag) }
    fileprivate mutating func add(_ text: String) { write(text) }
}

extension DigestHasher: ReadEncoder {
    fileprivate mutating func add(_ tag: Int) { combine(tag) }
    fileprivate mutating func add(_ text: String) { combine(text) }
}

/// The reads of one view being built, collected from every copy of the site it holds.
package final class SiteReads: Sendable {
    private let found = Mutex<Set<SiteRead>>([])

    package init() {}

    package func note(_ read: SiteRead) { _ = found.withLock { $0.insert(read) } }

    /// Every read so far, once each.
    package var all: Set<SiteRead> { found.withLock { $0 } }
}

extension Site {
    /// What `read` reads on this site, digested: equal on two sites exactly when the read
    /// gives the same value on both (a role by its front matter's digest, which covers every
    /// field of it; the body is a document of its own).
    package func digest(of read: SiteRead) -> Digest {
        var hasher = DigestHasher()
        combine(read, into: &hasher)
        return hasher.finalize()
    }

    /// What `read` reads on this site, into `hasher` (what `digest(of:)` digests).
    package func combine(_ read: SiteRead, into hasher: inout DigestHasher) {
        switch read {
        case .roles:
            hasher.combine(allRoles.count)
            for role in allRoles { Self.combine(role, into: &hasher) }
        case .roleCount: hasher.combine(allRoles.count)
        case .role(let slug):
            if let role = bySlug[slug] { Self.combine(role, into: &hasher) } else { hasher.combine(-1) }
        case .pairs:
            hasher.combine(allPairs.count)
            for pair in allPairs { Self.combine(pair, into: &hasher) }
        case .pairsOf(let slug):
            let indexes = pairsBySlug[slug] ?? []
            hasher.combine(indexes.count)
            for index in indexes { Self.combine(allPairs[index], into: &hasher) }
        case .taxonomies:
            hasher.combine(allTaxonomies.count)
            for taxonomy in allTaxonomies { Self.combine(taxonomy, into: &hasher) }
        case .taxonomy(let key):
            if let taxonomy = allTaxonomies.first(where: { $0.key == key }) { Self.combine(taxonomy, into: &hasher) } else { hasher.combine(-1) }
        case .taxonomyFolder(let key): hasher.combine(allTaxonomies.first { $0.key == key }?.url)
        case .termSlug(let key, let name): hasher.combine(allTaxonomies.first { $0.key == key }?.slug(of: name))
        case .lines:
            for slug in allLines.neighbours.keys.sorted() { Self.combine(allLines.neighbours[slug]!, of: slug, into: &hasher) }
            hasher.combine(-1)
            for slug in allLines.chartReports.keys.sorted() {
                hasher.combine(slug)
                hasher.combine(allLines.chartReports[slug]!)
            }
        case .neighbours(let slug): Self.combine(allLines.neighbours(of: slug), of: slug, into: &hasher)
        case .term(let key, let slug):
            if let term = allTaxonomies.first(where: { $0.key == key })?.terms.first(where: { $0.slug == slug }) {
                Self.combine(term, into: &hasher)
            } else {
                hasher.combine(-1)
            }
        }
    }

    private static func combine(_ role: Role, into hasher: inout DigestHasher) {
        // Each string length-prefixed: no list to allocate (35k pages' reads are digested per build).
        hasher.combine(role.slug)
        hasher.combine(role.contentPath)
        hasher.combine(role.digests.withoutBody)
    }

    private static func combine(_ pair: ComparisonPair, into hasher: inout DigestHasher) {
        // The prose's own fields are the site's (every page's digest has them); which pair has it is here.
        hasher.combine(pair.first)
        hasher.combine(pair.second)
        hasher.combine(pair.prose?.contentPath)
    }

    private static func combine(_ taxonomy: Taxonomy, into hasher: inout DigestHasher) {
        hasher.combine([taxonomy.key, taxonomy.url])
        hasher.combine(taxonomy.label)
        hasher.combine(taxonomy.help)
        hasher.combine(taxonomy.terms.count)
        for term in taxonomy.terms { combine(term, into: &hasher) }
        for name in taxonomy.slugs.keys.sorted() { hasher.combine([name, taxonomy.slugs[name]!]) }
    }

    private static func combine(_ term: Term, into hasher: inout DigestHasher) {
        hasher.combine([term.name, term.slug])
        hasher.combine(term.roleSlugs)
    }

    private static func combine(_ neighbours: ReportingLines.Neighbours, of slug: String, into hasher: inout DigestHasher) {
        hasher.combine(slug)
        for list in [neighbours.managers, neighbours.reports, neighbours.peers] { hasher.combine(list) }
    }
}
