import SitegenContent
import SitegenMarkdown

/// Per taxonomy (skills, and every declared `term`/`terms` field): `/<taxonomy>/`, listing its
/// terms with how many roles have each, and `/<taxonomy>/<term>/` with those roles (in pages of
/// `page_size`, `/<taxonomy>/<term>/page/2/` …, when there are more).
package enum TaxonomyPages: PageKind {
    package static func pages(_ context: RenderContext) -> [PageSpec] {
        let size = context.site.config.pageSize ?? Pagination.defaultPageSize
        return context.site.taxonomies.flatMap { taxonomy in
            [PageSpec.page(url: URLs.taxonomy(taxonomy), layout: "taxonomy", search: .taxonomy(taxonomy, words: context.words)) { index(taxonomy, $0) }]
                + taxonomy.terms.flatMap { term in
                    // The view looks the term up (`tracksReads`); of the taxonomy it keeps what
                    // the schema says (not the terms, which the roles make), which every key holds.
                    var described = taxonomy
                    (described.terms, described.slugs) = ([], [:])
                    let (schemaTaxonomy, slug) = (described, term.slug)
                    return Pagination.split(term.roleSlugs, size: size).indices.map { offset in
                        // The first page of a term is the one search finds.
                        PageSpec.page(
                            url: Pagination.url(URLs.term(term.slug, in: taxonomy), page: offset + 1), layout: "term",
                            search: offset == 0 ? .term(term, of: taxonomy, words: context.words) : nil, tracksReads: true
                        ) { context in
                            let term = context.site.term(slug, in: schemaTaxonomy.key)!
                            let chunks = Pagination.split(term.roleSlugs, size: size)
                            return view(term, chunks[offset], page: offset + 1, of: chunks.count, of: schemaTaxonomy, context)
                        }
                    }
                }
        }
    }

    /// The taxonomy's title: the theme's word for skills, the schema's label for the others.
    static func title(_ taxonomy: Taxonomy, words: Words) -> String { taxonomy.label ?? words["skills_title"] }

    private static func index(_ taxonomy: Taxonomy, _ context: RenderContext) -> PageView {
        let url = URLs.taxonomy(taxonomy)
        let words = context.words
        let links = taxonomy.terms.map { term in
            LinkView(
                title: term.name, url: ContentPath.relativeLink(from: url, to: URLs.term(term.slug, in: taxonomy)),
                detail: words.count("term_roles", term.roleSlugs.count))
        }
        let title = title(taxonomy, words: words)
        let isSkills = taxonomy.key == Schema.skillsKey
        let summary = taxonomy.help ?? (isSkills ? words["skills_summary"] : words.format("taxonomy_summary", ["field": title]))
        let view = ListView(title: title, summary: summary, values: ["terms": links, "taxonomy": taxonomy.key])
        return context.view(url: url, title: title, description: summary, content: view)
    }

    private static func view(
        _ term: Term, _ slugs: ArraySlice<String>, page number: Int, of count: Int, of taxonomy: Taxonomy, _ context: RenderContext
    ) -> PageView {
        let base = URLs.term(term.slug, in: taxonomy)
        let url = Pagination.url(base, page: number)
        let words = context.words
        let roles = slugs.compactMap { context.site.role($0) }
        let title = title(taxonomy, words: words)
        let total = term.roleSlugs.count
        let summary =
            taxonomy.key == Schema.skillsKey
            ? words.count("skill_summary", total, ["skill": term.name])
            : words.count("term_summary", total, ["field": title, "term": term.name])
        let pageTitle = Pagination.title(term.name, page: number, of: count, words: words)
        let view = ListView(
            title: pageTitle, summary: summary,
            values: [
                "roles": roles.map { RoleCardView($0, from: url, context: context) },
                "taxonomy": taxonomy.key,
                "taxonomyTitle": title,
                "taxonomyURL": ContentPath.relativeLink(from: url, to: URLs.taxonomy(taxonomy)),
                "pager": Pagination.pager(base, page: number, of: count, words: words),
            ])
        return context.view(url: url, title: pageTitle, description: summary, content: view)
    }
}
