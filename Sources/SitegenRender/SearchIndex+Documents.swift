import SitegenContent
import SitegenMarkdown
import SitegenSupport

extension SearchIndex {
    /// The context the documents of a kind's pages are made from, held once: each document's
    /// closures keep a reference to it, where a copy of the context in each was 1–1.3 KB per
    /// document (55 MB of a 10k-role build's heap, for 35k documents).
    package final class Shared: Sendable {
        private let context: RenderContext
        var words: Words { context.words }
        var schema: Schema { context.site.config.schema }

        package init(_ context: RenderContext) { self.context = context }

        /// `RenderContext.memoized` of the context.
        func memoized<Value: Sendable>(_ name: String, _ make: (Site) -> Value) -> Value { context.memoized(name, make) }
    }
}

/// What each kind of page gives the search index. A page kind attaches a document to the
/// specs of the pages a reader may look for (`PageSpec.search`); the index is made from the
/// planned specs (`SearchIndex(pages:context:contentKey:)`), so a new kind's pages are
/// searchable by giving their specs a document, with no change here.
extension SearchIndex.Document {
    /// A role page: its fields, its other titles, its body's headings and text. Its record
    /// is kept by a session under what it reads of the site (`RenderContext.memoized`).
    static func role(_ role: Role, shared context: SearchIndex.Shared) -> Self {
        // Markdown fields a role declares are part of its text.
        let markdownFields = context.schema.markdownKeys
        // A skill is shown as written: a site that spells one skill two ways does not build.
        let skills = role.skills.map(\.value)
        let slug = role.slug
        return Self(
            kind: .role,
            textsKey: key("role") { hasher in
                hasher.combine(role.digests.withoutBody)
                hasher.combine(role.digests.body)
            },
            entry: {
                context.memoized("search-record\u{0}" + URLs.role(slug)) { site in
                    let role = site.role(slug)!
                    let skills = role.skills.map(\.value)
                    return Record(
                        title: role.title, url: URLs.role(role.slug), summary: role.summary,
                        meta: context.schema.cards.compactMap { FieldValues.text($0, of: role, site: site) }.joined(separator: " · "), duties: role.duties,
                        skills: skills, alternateTitles: role.alternateTitles,
                        facets: context.schema.facets.map { $0 == Schema.skillsKey ? skills : role.values($0) }
                    ).entry(of: .role)
                }
            },
            texts: {
                let facets = context.schema.facets.filter { $0 != Schema.skillsKey }.flatMap { role.values($0) }
                let body = SearchText.plainText(ofMarkdown: ([role.body] + markdownFields.compactMap { role.value($0) }).joined(separator: "\n\n"))
                var texts: [(String, Int)] = [(role.title, 3), (role.summary, 2)]
                texts += role.alternateTitles.map { ($0, 2) } + body.headings.map { ($0, 2) }
                texts += role.duties.map { ($0, 1) } + skills.map { ($0, 1) } + facets.map { ($0, 1) }
                texts.append((body.text, 0))
                return (texts, body.text)
            })
    }

    /// A role's duty page: its title and duties.
    static func duties(_ role: Role, shared context: SearchIndex.Shared) -> Self {
        let slug = role.slug
        return Self(
            kind: .duties, textsKey: key("duties") { $0.combine(role.digests.withoutBody) },
            entry: {
                context.memoized("search-record\u{0}" + URLs.duties(slug)) { site in
                    let role = site.role(slug)!
                    return Record(
                        title: context.words.format("duties_title", ["a": context.words.article(for: role), "title": role.title]),
                        url: URLs.duties(role.slug),
                        summary: "", duties: role.duties
                    ).entry(of: .duties)
                }
            },
            texts: { ([(role.title, 3)] + role.duties.map { ($0, 1) }, "") })
    }

    /// A pair page: both titles, the prose, and both roles' other titles (which name the pair
    /// as its title does).
    static func pair(_ pair: ComparisonPair, _ first: Role, _ second: Role, shared context: SearchIndex.Shared) -> Self {
        let summary = { @Sendable (first: Role, second: Role) in
            pair.prose?.summary ?? context.words.format("pair_summary", ["first": first.title, "second": second.title])
        }
        return Self(
            kind: .comparison,
            textsKey: key("pair") { hasher in
                hasher.combine(first.digests.withoutBody)
                hasher.combine(second.digests.withoutBody)
                for text in [pair.prose?.title, pair.prose?.summary, pair.prose?.body] { hasher.combine(text) }
            },
            entry: {
                // The prose's front matter is the frame's (`ReadMemo`); the roles are read.
                context.memoized("search-record\u{0}" + URLs.pair(pair)) { site in
                    let (first, second) = (site.role(pair.first)!, site.role(pair.second)!)
                    let title = pair.prose?.title ?? context.words.format("pair_title", ["first": first.title, "second": second.title])
                    return Record(title: title, url: URLs.pair(pair), summary: summary(first, second)).entry(of: .comparison)
                }
            },
            texts: {
                let prose = pair.prose.map { SearchText.plainText(ofMarkdown: $0.body) } ?? (text: "", headings: [])
                // Field 4: a title word that does not count among the title's words.
                var texts: [(String, Int)] = [(first.title + " " + second.title, 3), (summary(first, second), 2)]
                texts += (first.alternateTitles + second.alternateTitles).map { ($0, 4) } + prose.headings.map { ($0, 2) }
                texts.append((prose.text, 0))
                return (texts, prose.text)
            })
    }

    /// A taxonomy's page, by its title.
    static func taxonomy(_ taxonomy: Taxonomy, words: Words) -> Self {
        let name = TaxonomyPages.title(taxonomy, words: words)
        return Self(
            kind: .taxonomy, textsKey: key("taxonomy") { $0.combine(name) }, record: { Record(title: name, url: URLs.taxonomy(taxonomy), summary: "") },
            texts: { ([(name, 3)], "") })
    }

    /// A term's page (its first, when it has several): the term, labelled with its taxonomy.
    static func term(_ term: Term, of taxonomy: Taxonomy, words: Words) -> Self {
        let name = TaxonomyPages.title(taxonomy, words: words)
        return Self(
            kind: .taxonomy, textsKey: key("term") { $0.combine([term.name, name]) },
            record: {
                Record(title: term.name, url: URLs.term(term.slug, in: taxonomy), summary: words.count("term_roles", term.roleSlugs.count), label: name)
            },
            texts: { ([(term.name, 3), (name, 1)], "") })
    }

    /// A plain page (or a folder's `_index.md`) at `url`: its title, summary, headings and text.
    static func page(_ page: Page, url: String) -> Self {
        let title = page.title ?? Slug.fileStem(of: page.contentPath)
        return Self(
            kind: .page, textsKey: key("page") { $0.combine([title, page.summary ?? "", page.body]) },
            record: { Record(title: title, url: url, summary: page.summary ?? "") },
            texts: {
                let body = SearchText.plainText(ofMarkdown: page.body)
                var texts: [(String, Int)] = [(title, 3), (page.summary ?? "", 2)]
                texts += body.headings.map { ($0, 2) }
                texts.append((body.text, 0))
                return (texts, body.text)
            })
    }

    /// The digest of the values a document's texts are made from (`textsKey`).
    private static func key(_ kind: String, _ values: (inout DigestHasher) -> Void) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(kind)
        values(&hasher)
        return hasher.finalize()
    }
}
