import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenSupport
import Synchronization

/// The client-side full-text search index of every page a reader looks for: roles, duty pages,
/// comparisons (with their prose), taxonomy pages and plain pages. Written as script files
/// that assign globals, so it works from any static host, under a sub-path and from
/// `file://` (no `fetch`), and split so that a query loads only what it needs. Two parts:
/// the records, from the pages' fields, and the terms, from their texts too. Every file but
/// the two manifests is named by a digest of its own content (`contentName`) and fills the
/// slot of that name (`SITEGEN_SEARCH.chunks["<name>"] = …`): an edit renames and rewrites
/// only the files it changes, and a browser never mixes a new manifest with an old file.
///
/// - `search/search-index.js`, the manifest of what results show: `SITEGEN_SEARCH.index =
///   {version, count, kinds: [[kind, first id, records per file, first file]…], docs: [name
///   list file…], docsPerList, labels, facets: [{key, values, file}…], words}`.
/// - Name lists `search/n.<name>.js`: the names of `docsPerList` record files each, in file
///   order (so the manifest a query loads first stays small at any size).
/// - Page records `search/d.<name>.js`, consecutive ids of one kind: `[title, url,
///   summary, card fields, duties, skills, other titles, label]` (the card fields and lists for
///   roles only; a label where the kind's is not shown), what a result shows.
/// - Facet files `search/f.<name>.js`, one per facet: the role ids of each value, as gaps.
/// - `search/search-terms.js`, the manifest of what finds them: `SITEGEN_SEARCH.terms =
///   {chunks: [first term…], chunkFiles: [name…], dicts: [first prefix…], dictFiles: [name…]}`.
/// - Term chunks `search/t.<name>.js`, the terms in byte order (`SearchText` makes them):
///   `{term: postings…}`. A posting is one number per page, `gap × 32 + title words × 4 +
///   field`, in page order: `gap` from the previous page's id, `field` the best field the
///   term is in (3 title, 2 headings, summary and other titles, 1 duties, skills and facet
///   values, 0 text), `title words` the count of the title's distinct words (up to 7), for
///   ranking a page whose title is all the query first. A term on few pages whose text alone
///   holds it carries excerpts: `{p: postings, x: [excerpt…]}`.
/// - Word lists `search/w.<name>.js` by the first two letters of the terms, with how many
///   pages have each (`[[term, pages]…]`): for prefixes as you type and one typo.
///
/// Ids follow the kinds: roles, comparisons, duty pages, taxonomy pages, plain pages, so a
/// page's kind is its id's range; within a kind, pages are in the order of their paths, so
/// that an edit (a new title) moves no other page's id and changes the terms of the runs of
/// the pages it changes only.
package struct SearchIndex: Sendable {
    /// What one page contributes: its record, and its weighted texts, made only when its
    /// run's terms are read (`termPages`).
    package struct Document: Sendable {
        package enum Kind: Int, CaseIterable, Sendable {
            case role, comparison, duties, taxonomy, page
        }

        /// A page's texts: each with its field (3 title, 2 headings and other titles, 1 duties
        /// and skills, 0 text; 4 a name counted as the title but not among its words), and its
        /// plain text, for excerpts.
        package typealias Texts = (fields: [(text: String, field: Int)], body: String)

        /// What a result shows of the page.
        package struct Record: Sendable {
            var title: String
            var url: String
            var summary: String
            /// The card fields, as one line (`Nursing · Ward, Clinic`).
            var meta: String = ""
            var duties: [String] = []
            var skills: [String] = []
            var alternateTitles: [String] = []
            /// The values of each facet (roles only), in the schema's order of facets.
            var facets: [[String]] = []
            /// What the result shows as its kind, when not the kind's label (a term's taxonomy).
            var label: String? = nil

            /// The record as a page of `kind` has it in its file: `[title, url, summary]`, then
            /// for a role the card fields and lists, for another kind with a label of its own
            /// empty ones and the label.
            func entry(of kind: Kind) -> Entry {
                var fields: [JSONValue] = [.string(SearchIndex.trimmed(title)), .string(url), .string(SearchIndex.trimmed(summary))]
                if kind == .role {
                    let trimmed = { (texts: [String]) in JSONValue.strings(SearchIndex.trimmed(texts)) }
                    fields += [.string(SearchIndex.trimmed(meta)), trimmed(duties), trimmed(skills), trimmed(alternateTitles)]
                } else if let label {
                    fields += [.string(""), .strings([]), .strings([]), .strings([]), .string(label)]
                }
                return Entry(json: JSONValue.array(fields).text, facets: facets)
            }
        }

        /// A record as the index holds it: its JSON text, and the values of each facet.
        package struct Entry: Sendable {
            var json: String
            var facets: [[String]]
        }

        var kind: Kind
        /// The digest of what `texts` is made from but what every page's texts are
        /// (`SearchIndex.sharedKey`): the page's own values and body. A run of pages whose
        /// keys are the last build's keeps its terms, so a kind must key every value its
        /// texts read.
        var textsKey: Digest
        /// Makes the record (only when the site's fields changed).
        var entry: @Sendable () -> Entry
        /// Makes the texts (only for the runs of pages whose bodies changed).
        var texts: @Sendable () -> Texts

        init(kind: Kind, textsKey: Digest, entry: @escaping @Sendable () -> Entry, texts: @escaping @Sendable () -> Texts) {
            (self.kind, self.textsKey, self.entry, self.texts) = (kind, textsKey, entry, texts)
        }

        /// A document whose record `record` makes.
        package init(kind: Kind, textsKey: Digest, record: @escaping @Sendable () -> Record, texts: @escaping @Sendable () -> Texts) {
            self.init(kind: kind, textsKey: textsKey, entry: { record().entry(of: kind) }, texts: texts)
        }
    }

    /// The folder the index is written to, relative to the site root.
    package static let folder = "search/"
    /// The manifest's file name.
    package static let manifestName = "search-index.js"
    /// The term manifest's file name.
    package static let termsName = "search-terms.js"
    /// The layout of the files, in the manifest and in their names' digests.
    package static let format = 4
    /// Most bytes of one term chunk (a term with more postings has a chunk of its own).
    package static let chunkLimit = 16_000
    /// Bytes after which a chunk may end (before a term `endsChunk` picks).
    package static let chunkTarget = 12_000
    /// Record file names per name list.
    package static let recordNamesPerList = 256
    /// Most bytes of one file of page records or words.
    package static let recordLimit = 4_000
    /// Longest text kept for a title, summary, duty or skill in a record; longer values are cut.
    /// A result shows one or two lines of it (a query loads the records of the results shown).
    package static let maxTextLength = 200
    /// Most duties, skills or other titles kept per record.
    package static let maxListLength = 8
    /// Terms on at most this many pages carry an excerpt for pages whose text alone has them.
    package static let excerptTerms = 8

    package var documents: [Document]
    /// The facets' fields (`department`, `skills`), in the schema's order.
    package var facetKeys: [String]
    /// The label of each kind, in `Kind` order.
    package var kindLabels: [String]
    package var text: SearchText
    /// The digest of what every page's texts are made from besides its own values (each
    /// document's `textsKey`): the site's words and the schema's facets and Markdown fields.
    package var sharedKey: Digest

    /// The index of the pages planned for a site (`specs`): each page's document
    /// (`PageSpec.search`), in kind order, each kind's in the order of the pages' paths; the
    /// facets, kind labels and words from `context`'s schema and language.
    package init(pages specs: [PageSpec], context: RenderContext) {
        var byKind = Array(repeating: [(path: String, document: Document)](), count: Document.Kind.allCases.count)
        for spec in specs { if let document = spec.search { byKind[document.kind.rawValue].append((spec.path, document)) } }
        // Each kind's pages in the byte order of their paths; indexes sorted, not the records.
        let documents = byKind.flatMap { pages in pages.indices.sorted { pages[$0].path.precedesInBytes(pages[$1].path) }.map { pages[$0].document } }
        let labels = ["search_kind_role", "search_kind_comparison", "search_kind_duties", "search_kind_taxonomy", "search_kind_page"].map { context.words[$0] }
        let schema = context.site.config.schema
        var shared = DigestHasher()
        shared.combine(context.words.digest)
        shared.combine(schema.facets)
        shared.combine(schema.markdownKeys)
        self.init(
            facetKeys: schema.facets, documents: documents, kindLabels: labels, text: SearchText(words: context.words), sharedKey: shared.finalize())
    }

    /// An index of the given documents (in kind order); the facet tables are their sorted
    /// distinct values.
    package init(facetKeys: [String], documents: [Document], kindLabels: [String], text: SearchText, sharedKey: Digest = .zero) {
        self.documents = documents
        self.facetKeys = facetKeys
        self.kindLabels = kindLabels
        self.text = text
        self.sharedKey = sharedKey
    }

    // MARK: Files

    /// The index as output files under `search/`: `recordFiles` and `termFiles` together.
    package func files(
        words: [(key: String, text: String)] = [], cached: @Sendable (_ slot: String, _ key: Digest, _ make: () -> [UInt8]) -> [UInt8] = { $2() }
    ) -> [OutputFile] {
        recordFiles(words: words) + termFiles(cached: cached)
    }

    /// A file of the index named by its content: `search/<prefix>.<name>.js`, filling the
    /// slot `name` of `SITEGEN_SEARCH.<global>` with `json`.
    static func contentFile(_ prefix: String, _ global: String, json: [UInt8]) -> OutputFile {
        let name = String(Digest.of(json).description.prefix(12))
        var bytes = Array((preamble + "SITEGEN_SEARCH.\(global)[\"\(name)\"]=").utf8)
        bytes += json
        bytes += Array(";\n".utf8)
        return OutputFile(path: folder + "\(prefix).\(name).js", data: Data(bytes))
    }

    /// `contentFile` of JSON text.
    static func contentFile(_ prefix: String, _ global: String, json: String) -> OutputFile { contentFile(prefix, global, json: Array(json.utf8)) }

    /// The name of a file `contentFile` made.
    static func contentName(of file: OutputFile) -> String {
        String(file.path.dropFirst(folder.count + 2).dropLast(3))
    }

    /// Whether `path` is one of the two manifests (the files named by content are found only
    /// through them).
    package static func isManifest(_ path: String) -> Bool { path == folder + manifestName || path == folder + termsName }

    /// What every result shows, from the pages' fields (no body): `search/search-index.js`
    /// (with `words`, the search script's texts in the site's language), the page records and
    /// the facet files. A body edit changes none of them.
    package func recordFiles(words: [(key: String, text: String)] = []) -> [OutputFile] {
        var files: [OutputFile] = []
        // Records in files of a fixed count per kind (so the manifest needs only their
        // names): as many as fit the limit on average, rounded down to a multiple of four so
        // that an edit rarely changes it.
        let made = documents.parallelMap { $0.entry() }
        let records = made.map(\.json)
        // Each facet's values: the sorted distinct values of the roles.
        let facetValues = facetKeys.indices.map { position in
            Array(Set(made.flatMap { $0.facets.indices.contains(position) ? $0.facets[position] : [] })).sorted()
        }
        var kinds: [JSONValue] = []
        var fileCount = 0
        var start = 0
        while start < documents.count {
            let kind = documents[start].kind
            let end = documents[start...].firstIndex { $0.kind != kind } ?? documents.count
            let bytes = records[start..<end].reduce(0) { $0 + $1.utf8.count + 1 }
            let fitting = max(1, Self.recordLimit * (end - start) / max(1, bytes))
            let perFile = fitting < 8 ? fitting : fitting / 4 * 4
            kinds.append(.ints([kind.rawValue, start, perFile, fileCount]))
            for first in stride(from: start, to: end, by: perFile) {
                files.append(Self.contentFile("d", "docs", json: "[" + records[first..<min(first + perFile, end)].joined(separator: ",") + "]"))
                fileCount += 1
            }
            start = end
        }

        // Facets: each value's role ids, as gaps.
        var facets: [JSONValue] = []
        for (position, key) in facetKeys.enumerated() {
            let values = facetValues[position]
            let number = Dictionary(values.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            var ids: [[Int]] = Array(repeating: [], count: values.count)
            for (id, record) in made.enumerated() where documents[id].kind == .role && record.facets.indices.contains(position) {
                // Most fields hold one value: no set to make for it.
                let given = record.facets[position]
                for value in given.count == 1 ? given : Array(Set(given)) { if let n = number[value] { ids[n].append(id) } }
            }
            let gaps = ids.map { list in JSONValue.ints(zip(list, [0] + list).map { $0 - $1 }) }
            let file = Self.contentFile("f", "facets", json: JSONValue.array(gaps).text)
            files.append(file)
            facets.append(.object([("key", .string(key)), ("values", .strings(values)), ("file", .string(Self.contentName(of: file)))]))
        }

        let recordNames = files.prefix(fileCount).map(Self.contentName(of:))
        let nameLists = stride(from: 0, to: recordNames.count, by: Self.recordNamesPerList).map { first in
            Self.contentFile("n", "names", json: JSONValue.strings(Array(recordNames[first..<min(first + Self.recordNamesPerList, recordNames.count)])).text)
        }
        files += nameLists
        let manifest = JSONValue.object([
            ("version", .int(Self.format)),
            ("count", .int(documents.count)),
            ("kinds", .array(kinds)),
            ("docs", .strings(nameLists.map(Self.contentName(of:)))),
            ("docsPerList", .int(Self.recordNamesPerList)),
            ("labels", .strings(kindLabels)),
            ("facets", .array(facets)),
            ("words", .object(words.map { ($0.key, JSONValue.string($0.text)) })),
        ])
        let manifestFile = OutputFile(path: Self.folder + Self.manifestName, text: Self.preamble + "SITEGEN_SEARCH.index=\(manifest.text);\n")
        return [manifestFile] + files
    }

    /// What every index file begins with: the one global they fill.
    static let preamble =
        "var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{},names:{}};"

    /// The first two characters (Unicode scalars) of a term: its word list.
    static func prefix(_ term: String) -> String { String(String.UnicodeScalarView(term.unicodeScalars.prefix(2))) }

    /// A value cut to `maxTextLength` characters, ending in "…" when cut.
    package static func trimmed(_ text: String) -> String {
        // No more bytes than the limit means no more characters: no need to count them.
        text.utf8.count <= maxTextLength || text.count <= maxTextLength ? text : String(text.prefix(maxTextLength - 1)) + "…"
    }

    /// The first `maxListLength` values, each trimmed.
    package static func trimmed(_ texts: [String]) -> [String] {
        texts.prefix(maxListLength).map { trimmed($0) }
    }
}
