import SitegenContent
import SitegenMarkdown
import SitegenSupport
import SitegenTemplates

/// The client-side search index: script files that assign globals, so the search works from
/// any static host and from `file://` (no `fetch`).
///
/// `search/search-index.js` (the manifest) sets `window.SITEGEN_SEARCH_INDEX` to
/// `{"version":2,"count":N,"facets":[{"key":…,"values":[…]},…],"skills":[…],"shards":[…],"words":{…}}`;
/// each shard `search/search-index-<n>.<hash>.js` sets `window.SITEGEN_SEARCH_SHARDS[n]` to
/// `{"duties":[…],"docs":[…]}`. A doc is an array:
/// `[title, url, summary, meta, [[facet values]…], [skills], [duties], [alternate titles]]` where
/// `url` is relative to the site root, `meta` is the role's card fields as one line, each list
/// of facet values (one per facet of the schema, in order) indexes that facet's `values`,
/// `skills` index the manifest's `skills` and `duties` index the shard's own `duties` table
/// (duties repeat across roles, so each is written once per shard).
/// Shards are filled in role order up to `shardLimit` bytes; long values are trimmed so that
/// no single role can outgrow a shard.
package struct SearchIndex: Sendable {
    /// One role as the search sees it. Its fields are what the index files are made from
    /// (and digested to tell whether the last build's files can be kept); a test checks that
    /// they name every stored property.
    package struct Document: Sendable, Hashable, FieldedView {
        var title: String
        var url: String
        var summary: String
        /// The card fields, as one line (`Nursing · Ward, Clinic`).
        var meta: String
        /// The values of each search facet, in the schema's order of facets.
        var facets: [[String]]
        var skills: [String]
        var duties: [String]
        var alternateTitles: [String]

        package static let fields = ViewFields<Self>(
            "search document",
            [
                .text("title", "The role's title") { $0.title },
                .text("url", "The role page, relative to the site root") { $0.url },
                .text("summary", "The role's summary") { $0.summary },
                .text("meta", "The role's card fields") { $0.meta },
                .views("facets", "The role's values of each facet") { $0.facets.map { FacetValues(values: $0) } },
                .texts("skills", "The role's skills") { $0.skills },
                .texts("duties", "The role's duties") { $0.duties },
                .texts("alternateTitles", "Other titles of the role") { $0.alternateTitles },
            ])
    }

    /// The folder the index is written to, relative to the site root.
    package static let folder = "search/"
    /// The manifest's file name.
    package static let manifestName = "search-index.js"
    /// Default budget for one shard file, half the 2 MB a single loaded file may take.
    package static let defaultShardLimit = 1_000_000
    /// Longest text kept for a title, summary, duty or skill; longer values are cut.
    package static let maxTextLength = 400
    /// Most duties, skills or alternate titles kept per role.
    package static let maxListLength = 40

    /// The values of one facet of one role (a list in a fingerprinted view).
    package struct FacetValues: FieldedView {
        var values: [String]

        package static let fields = ViewFields<Self>("facet values", [.texts("values", "The values") { $0.values }])
    }

    package var documents: [Document]
    /// The facets' fields (`department`, `skills`), in the schema's order.
    package var facetKeys: [String]
    /// Each facet's values: sorted distinct values of the documents.
    package var facetValues: [[String]]
    package var skills: [String]

    /// The index of a resolved site: every role, in the site's order.
    package init(site: Site) {
        let skillNames = Dictionary(site.skills.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        let schema = site.config.schema
        let documents = site.roles.map { role in
            let skills = role.skills.map { skillNames[site.skillSlug($0.value)] ?? $0.value }
            return Document(
                title: role.title, url: URLs.role(role.slug), summary: role.summary,
                meta: schema.cards.compactMap { FieldValues.text($0, of: role, site: site) }.joined(separator: " · "),
                facets: schema.facets.map { $0 == Schema.skillsKey ? skills : role.values($0) },
                skills: skills, duties: role.duties, alternateTitles: role.alternateTitles)
        }
        self.init(facetKeys: schema.facets, documents: documents)
    }

    /// An index of the given documents; the facet tables are their sorted distinct values.
    package init(facetKeys: [String], documents: [Document]) {
        self.documents = documents
        self.facetKeys = facetKeys
        facetValues = facetKeys.indices.map { position in
            Array(Set(documents.flatMap { $0.facets.indices.contains(position) ? $0.facets[position] : [] })).sorted()
        }
        skills = Array(Set(documents.flatMap(\.skills))).sorted()
    }

    /// The manifest and the shards, as output files under `search/`; the manifest carries
    /// `words`, the search script's texts in the site's language.
    package func files(shardLimit: Int = defaultShardLimit, words: [(key: String, text: String)] = []) -> [OutputFile] {
        let shardTexts = shards(limit: shardLimit).enumerated().map { index, shard in
            "window.SITEGEN_SEARCH_SHARDS=window.SITEGEN_SEARCH_SHARDS||{};window.SITEGEN_SEARCH_SHARDS[\(index)]=\(shard.text);\n"
        }
        let names = shardTexts.enumerated().map { index, text in "search-index-\(index).\(Self.hash(text)).js" }
        let manifest = JSONValue.object([
            ("version", .int(2)),
            ("count", .int(documents.count)),
            ("facets", .array(zip(facetKeys, facetValues).map { JSONValue.object([("key", .string($0)), ("values", .strings($1))]) })),
            ("skills", .strings(skills)),
            ("shards", .strings(names)),
            ("words", .object(words.map { ($0.key, JSONValue.string($0.text)) })),
        ])
        var files = [OutputFile(path: Self.folder + Self.manifestName, text: "window.SITEGEN_SEARCH_INDEX=\(manifest.text);\n")]
        for (name, text) in zip(names, shardTexts) {
            files.append(OutputFile(path: Self.folder + name, text: text))
        }
        return files
    }

    /// The shard objects, each at most `limit` bytes of JSON unless one role alone is larger.
    package func shards(limit: Int) -> [JSONValue] {
        let tables = (facets: facetValues.map(Self.positions), skills: Self.positions(skills))
        let overhead = #"{"duties":[],"docs":[]}"#.utf8.count
        var result: [JSONValue] = []
        var duties: [String] = []
        var dutyIndex: [String: Int] = [:]
        var docs: [JSONValue] = []
        var size = overhead

        /// The document as it would be added to the current shard, with the duties it adds.
        func candidate(_ document: Document) -> (doc: JSONValue, newDuties: [String], bytes: Int) {
            var newDuties: [String] = []
            var positions: [Int] = []
            for duty in Self.trimmed(document.duties) {
                if let known = dutyIndex[duty] {
                    positions.append(known)
                } else if let pending = newDuties.firstIndex(of: duty) {
                    positions.append(duties.count + pending)
                } else {
                    positions.append(duties.count + newDuties.count)
                    newDuties.append(duty)
                }
            }
            // Written once: measured here, copied as it is into the shard.
            let doc = encode(document, dutyPositions: positions, tables: tables).text
            let bytes = newDuties.reduce(doc.utf8.count + 1) { $0 + JSONValue.quoted($1).utf8.count + 1 }
            return (.written(doc), newDuties, bytes)
        }

        for document in documents {
            var next = candidate(document)
            if !docs.isEmpty, size + next.bytes > limit {
                result.append(Self.shard(duties: duties, docs: docs))
                (duties, dutyIndex, docs, size) = ([], [:], [], overhead)
                next = candidate(document)
            }
            for duty in next.newDuties {
                dutyIndex[duty] = duties.count
                duties.append(duty)
            }
            docs.append(next.doc)
            size += next.bytes
        }
        if !docs.isEmpty || result.isEmpty { result.append(Self.shard(duties: duties, docs: docs)) }
        return result
    }

    // MARK: Encoding

    private func encode(
        _ document: Document, dutyPositions: [Int],
        tables: (facets: [[String: Int]], skills: [String: Int])
    ) -> JSONValue {
        .array([
            .string(Self.trimmed(document.title)),
            .string(document.url),
            .string(Self.trimmed(document.summary)),
            .string(Self.trimmed(document.meta)),
            .array(zip(document.facets, tables.facets).map { values, table in .ints(values.prefix(Self.maxListLength).compactMap { table[$0] }) }),
            .ints(document.skills.prefix(Self.maxListLength).compactMap { tables.skills[$0] }),
            .ints(dutyPositions),
            .strings(Self.trimmed(document.alternateTitles)),
        ])
    }

    private static func shard(duties: [String], docs: [JSONValue]) -> JSONValue {
        .object([("duties", .strings(duties)), ("docs", .array(docs))])
    }

    private static func positions(_ values: [String]) -> [String: Int] {
        Dictionary(values.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A value cut to `maxTextLength` characters, ending in "…" when cut.
    package static func trimmed(_ text: String) -> String {
        // No more bytes than the limit means no more characters: no need to count them.
        text.utf8.count <= maxTextLength || text.count <= maxTextLength ? text : String(text.prefix(maxTextLength - 1)) + "…"
    }

    /// The first `maxListLength` values, each trimmed.
    package static func trimmed(_ texts: [String]) -> [String] {
        texts.prefix(maxListLength).map { trimmed($0) }
    }

    /// The first eight hex digits of the text's digest: changes whenever a shard does, so a
    /// browser never mixes a new manifest with a cached old shard.
    package static func hash(_ text: String) -> String {
        String(Digest.of(Array(text.utf8)).description.prefix(8))
    }
}
