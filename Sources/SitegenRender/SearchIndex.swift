import Foundation
import SitegenContent
import SitegenMarkdown
import SitegenSupport
import Synchronization

/// The client-side full-text search index of every page a reader looks for: roles, duty pages,
/// comparisons (with their prose), taxonomy pages and plain pages. Written as script files
/// that assign globals, so it works from any static host, under a sub-path and from
/// `file://` (no `fetch`), and split so that a query loads only what it needs. Two parts,
/// each named by a digest of what it is made from (`Names`): the records, from the pages'
/// fields, and the terms, from their texts too (a body edit remakes only the terms).
///
/// - `search/search-index.js`, the manifest of what results show: `SITEGEN_SEARCH.index =
///   {version, hash, count, kinds: [[kind, first id, records per file, first file]…], labels,
///   facets: [{key, values}…], words}`.
/// - Page records `search/d<n>.<hash>.js`, consecutive ids of one kind: `[title, url,
///   summary, card fields, duties, skills, other titles, label]` (the card fields and lists for
///   roles only; a label where the kind's is not shown), what a result shows.
/// - Facet files `search/f<n>.<hash>.js`, one per facet: the role ids of each value, as gaps.
/// - `search/search-terms.js`, the manifest of what finds them: `SITEGEN_SEARCH.terms =
///   {hash, chunks: [first term…], dicts: [first prefix…]}`.
/// - Term chunks `search/t<n>.<hash>.js`, the terms in order (`SearchText` makes them):
///   `{term: postings…}`. A posting is one number per page, `gap × 32 + title words × 4 +
///   field`, in page order: `gap` from the previous page's id, `field` the best field the
///   term is in (3 title, 2 headings, summary and other titles, 1 duties, skills and facet
///   values, 0 text), `title words` the count of the title's distinct words (up to 7), for
///   ranking a page whose title is all the query first. A term on few pages whose text alone
///   holds it carries excerpts: `{p: postings, x: [excerpt…]}`.
/// - Word lists `search/w<n>.<hash>.js` by the first two letters of the terms, with how many
///   pages have each (`[[term, pages]…]`): for prefixes as you type and one typo.
///
/// Ids follow the kinds: roles (by title), comparisons, duty pages, taxonomy pages, plain
/// pages; so a page's kind is its id's range.
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
        }

        var kind: Kind
        /// The digest of what the texts are made from besides the site's fields: the body.
        var bodyKey: Digest = .zero
        /// Makes the record (only when the site's fields changed).
        var record: @Sendable () -> Record
        /// Makes the texts (only for the runs of pages whose bodies changed).
        var texts: @Sendable () -> Texts
    }

    /// The folder the index is written to, relative to the site root.
    package static let folder = "search/"
    /// The manifest's file name.
    package static let manifestName = "search-index.js"
    /// The term manifest's file name.
    package static let termsName = "search-terms.js"
    /// The layout of the files, in the manifest and in their names' digests.
    package static let format = 3
    /// Most bytes of one term chunk (a term with more postings has a chunk of its own).
    package static let chunkLimit = 16_000
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
    /// The digest of the site's fields the documents were made from (`init(site:words:contentKey:)`).
    package var contentKey: Digest

    /// The index of a resolved site and its rendering context's words. `contentKey` is the
    /// digest of the site's fields (not its bodies): with a page's `bodyKey`, what its texts
    /// are made from.
    package init(site: Site, words: Words, contentKey: Digest = .zero) {
        let schema = site.config.schema
        let skillNames = Dictionary(site.skills.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        // Markdown fields a role declares are part of its text.
        let markdownFields = schema.markdownKeys
        var documents = site.roles.map { role -> Document in
            let skills = { @Sendable in role.skills.map { skillNames[site.skillSlug($0.value)] ?? $0.value } }
            return Document(
                kind: .role, bodyKey: role.digests.body,
                record: {
                    let skills = skills()
                    return Document.Record(
                        title: role.title, url: URLs.role(role.slug), summary: role.summary,
                        meta: schema.cards.compactMap { FieldValues.text($0, of: role, site: site) }.joined(separator: " · "), duties: role.duties,
                        skills: skills,
                        alternateTitles: role.alternateTitles, facets: schema.facets.map { $0 == Schema.skillsKey ? skills : role.values($0) })
                },
                texts: {
                    let skills = skills()
                    let facets = schema.facets.filter { $0 != Schema.skillsKey }.flatMap { role.values($0) }
                    let body = SearchText.plainText(ofMarkdown: ([role.body] + markdownFields.compactMap { role.value($0) }).joined(separator: "\n\n"))
                    var texts: [(String, Int)] = [(role.title, 3), (role.summary, 2)]
                    texts += role.alternateTitles.map { ($0, 2) } + body.headings.map { ($0, 2) }
                    texts += role.duties.map { ($0, 1) } + skills.map { ($0, 1) } + facets.map { ($0, 1) }
                    texts.append((body.text, 0))
                    return (texts, body.text)
                })
        }
        documents += site.pairs.compactMap { pair -> Document? in
            guard let first = site.role(pair.first), let second = site.role(pair.second) else { return nil }
            let names = ["first": first.title, "second": second.title]
            let summary = { @Sendable in pair.prose?.summary ?? words.format("pair_summary", names) }
            return Document(
                kind: .comparison, bodyKey: pair.prose.map { Digest.of(text: $0.body) } ?? .zero,
                record: { Document.Record(title: pair.prose?.title ?? words.format("pair_title", names), url: URLs.pair(pair), summary: summary()) },
                texts: {
                    let prose = pair.prose.map { SearchText.plainText(ofMarkdown: $0.body) } ?? (text: "", headings: [])
                    // The two roles' other titles name the pair as its title does (field 4: a title
                    // word that does not count among the title's words).
                    var texts: [(String, Int)] = [(first.title + " " + second.title, 3), (summary(), 2)]
                    texts += (first.alternateTitles + second.alternateTitles).map { ($0, 4) } + prose.headings.map { ($0, 2) }
                    texts.append((prose.text, 0))
                    return (texts, prose.text)
                })
        }
        documents += site.roles.map { role in
            Document(
                kind: .duties,
                record: {
                    Document.Record(
                        title: words.format("duties_title", ["a": words.article(for: role), "title": role.title]), url: URLs.duties(role.slug), summary: "",
                        duties: role.duties)
                },
                texts: { ([(role.title, 3)] + role.duties.map { ($0, 1) }, "") })
        }
        for taxonomy in site.taxonomies {
            let name = TaxonomyPages.title(taxonomy, words: words)
            documents.append(
                Document(kind: .taxonomy, record: { Document.Record(title: name, url: URLs.taxonomy(taxonomy), summary: "") }, texts: { ([(name, 3)], "") }))
            for term in taxonomy.terms {
                documents.append(
                    Document(
                        kind: .taxonomy,
                        record: {
                            Document.Record(
                                title: term.name, url: URLs.term(term.slug, in: taxonomy), summary: words.count("term_roles", term.roleSlugs.count), label: name
                            )
                        },
                        texts: { ([(term.name, 3), (name, 1)], "") }))
            }
        }
        let plain =
            site.pages.map { ($0, ContentPath.pageURL(forContentFile: $0.contentPath)) }
            + site.folders.compactMap { folder in
                folder.index.map { ($0, folder.path + "/") }
            }
        for (page, url) in plain {
            let title = page.title ?? Slug.fileStem(of: page.contentPath)
            documents.append(
                Document(
                    kind: .page, bodyKey: Digest.of(text: page.body), record: { Document.Record(title: title, url: url, summary: page.summary ?? "") },
                    texts: {
                        let body = SearchText.plainText(ofMarkdown: page.body)
                        var texts: [(String, Int)] = [(title, 3), (page.summary ?? "", 2)]
                        texts += body.headings.map { ($0, 2) }
                        texts.append((body.text, 0))
                        return (texts, body.text)
                    }))
        }
        let labels = ["search_kind_role", "search_kind_comparison", "search_kind_duties", "search_kind_taxonomy", "search_kind_page"].map { words[$0] }
        self.init(facetKeys: schema.facets, documents: documents, kindLabels: labels, text: SearchText(words: words), contentKey: contentKey)
    }

    /// An index of the given documents (in kind order); the facet tables are their sorted
    /// distinct values.
    package init(facetKeys: [String], documents: [Document], kindLabels: [String], text: SearchText, contentKey: Digest = .zero) {
        self.documents = documents
        self.facetKeys = facetKeys
        self.kindLabels = kindLabels
        self.text = text
        self.contentKey = contentKey
    }

    // MARK: Postings

    /// One term's pages: their ids in order, and the best field the term is in on each.
    struct TermPages: Sendable {
        var term: String
        var ids: [Int]
        var fields: [Int]
    }

    /// Pages per run of `termPages`: runs of a fixed size, so a run's pages and their key stay
    /// the same while its pages do.
    static let runSize = 512

    /// Every term's pages, in term order, and each page's count of distinct title words.
    /// Pages are read in runs of `runSize` on every core, each with its own table of terms (one
    /// lookup per word of a text), and the runs' pages joined term by term. A run's terms are
    /// kept by `cached` under the digest of the site's fields, its pages' bodies and the
    /// language's rules, so a body edit reads the words of one run again, not of every page.
    func termPages(
        cached: @Sendable (_ slot: String, _ key: Digest, _ make: () -> [UInt8]) -> [UInt8] = { $2() }
    ) -> (
        terms: [TermPages], titleWords: [Int]
    ) {
        let runs = stride(from: 0, to: documents.count, by: Self.runSize).map { $0..<min($0 + Self.runSize, documents.count) }
        let rules = text.digest
        let found = Array(runs.enumerated()).parallelMap { number, run -> (pages: [TermPages], titleWords: [Int]) in
            var key = DigestHasher()
            key.combine(rules)
            key.combine(contentKey)
            key.combine(run.lowerBound)
            key.combine(run.count)
            for id in run { key.combine(documents[id].bodyKey) }
            let made = Mutex<(pages: [TermPages], titleWords: [Int])?>(nil)
            let bytes = cached("search-run-\(number)", key.finalize()) {
                let read = readRun(run)
                made.withLock { $0 = read }
                return Self.encode(read)
            }
            if let read = made.withLock({ $0 }) { return read }
            return Self.decode(bytes, run: run) ?? readRun(run)
        }
        // The runs in id order: each term's pages are its runs' pages one after the other.
        var numbers: [String: Int] = [:]
        var terms: [TermPages] = []
        for run in found {
            for page in run.pages {
                if let number = numbers[page.term] {
                    terms[number].ids += page.ids
                    terms[number].fields += page.fields
                } else {
                    numbers[page.term] = terms.count
                    terms.append(page)
                }
            }
        }
        terms.sort { $0.term < $1.term }
        return (terms, found.flatMap(\.titleWords))
    }

    /// The terms of the pages `run`, with a table of its own.
    private func readRun(_ run: Range<Int>) -> (pages: [TermPages], titleWords: [Int]) {
        var numbers: [String: Int] = [:]
        var pages: [TermPages] = []
        var titleWords: [Int] = []
        for id in run {
            var title: Set<String> = []
            for (content, given) in documents[id].texts().fields {
                let field = min(given, 3)
                text.forEachWord(content) { word in
                    if given == 3 { title.insert(word) }
                    let number: Int
                    if let known = numbers[word] {
                        number = known
                    } else {
                        number = pages.count
                        numbers[word] = number
                        pages.append(TermPages(term: word, ids: [], fields: []))
                    }
                    // The best field on this page: raised if the page has the term already.
                    if pages[number].ids.last == id {
                        pages[number].fields[pages[number].fields.count - 1].raise(to: field)
                    } else {
                        pages[number].ids.append(id)
                        pages[number].fields.append(field)
                    }
                }
            }
            titleWords.append(min(title.count, 7))
        }
        return (pages, titleWords)
    }

    /// A run's terms as cache bytes: the title word counts, then each term with its pages as
    /// `id × 4 + field`.
    private static func encode(_ run: (pages: [TermPages], titleWords: [Int])) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(run.titleWords.count)
        for count in run.titleWords { writer.write(count) }
        writer.write(run.pages.count)
        for page in run.pages {
            writer.write(page.term)
            writer.write(page.ids.count)
            for (id, field) in zip(page.ids, page.fields) { writer.write(id * 4 + field) }
        }
        return writer.bytes
    }

    /// The run's terms from cache bytes; nil when they are damaged or not of this run.
    private static func decode(_ bytes: [UInt8], run: Range<Int>) -> (pages: [TermPages], titleWords: [Int])? {
        bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            let titleWords = reader.list { $0.int() }
            guard titleWords.count == run.count else { return nil }
            let pages = reader.list { reader -> TermPages in
                let term = reader.string()
                let count = reader.int()
                guard count >= 0, count <= reader.remaining / 8 else { return TermPages(term: "", ids: [], fields: []) }
                var page = TermPages(term: term, ids: [], fields: [])
                page.ids.reserveCapacity(count)
                page.fields.reserveCapacity(count)
                for _ in 0..<count {
                    let value = reader.int()
                    page.ids.append(value >> 2)
                    page.fields.append(value & 3)
                }
                return page
            }
            guard !reader.failed, reader.isAtEnd, pages.allSatisfy({ page in page.ids.allSatisfy(run.contains) }) else { return nil }
            return (pages, titleWords)
        }
    }

    /// A term's postings: `gap × 32 + title words × 4 + field` for each page.
    static func postings(_ pages: TermPages, titleWords: [Int]) -> [Int] {
        var last = 0
        return zip(pages.ids, pages.fields).map { id, field in
            defer { last = id }
            return (id - last) * 32 + (field == 3 ? titleWords[id] : 0) * 4 + field
        }
    }

    /// Excerpts of the page `id`'s text around the first occurrence of each of `terms` (about
    /// 110 characters, cut at spaces, "…" where cut), by term: the text is read once.
    func excerpts(of id: Int, terms: Set<String>) -> [String: String] {
        let text = documents[id].texts().body
        var found: [String: Range<String.Index>] = [:]
        var searchFrom = text.startIndex
        while found.count < terms.count, searchFrom < text.endIndex {
            guard let start = text[searchFrom...].firstIndex(where: { $0.isLetter || $0.isNumber }) else { break }
            let end = text[start...].firstIndex(where: { !($0.isLetter || $0.isNumber) }) ?? text.endIndex
            self.text.forEachWord(String(text[start..<end])) { word in
                if terms.contains(word), found[word] == nil { found[word] = start..<end }
            }
            searchFrom = end
        }
        return found.mapValues { range in
            let before = text[..<range.lowerBound].suffix(45)
            let after = text[range.upperBound...].prefix(60)
            let head = before.count < 45 ? before : before.drop { $0 != " " }
            let tail = after.count < 60 ? after : after[..<(after.lastIndex(of: " ") ?? after.endIndex)]
            let start = head.startIndex == text.startIndex ? "" : "…"
            let end = tail.endIndex == text.endIndex ? "" : "…"
            return (start + head + text[range] + tail + end).replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
        }
    }

    // MARK: Files

    /// The names the files of each part carry (`t3.<terms>.js`): digests of what the part is
    /// made from, so a browser never mixes a new manifest with an old file.
    package struct Names: Sendable {
        package var records: String
        package var terms: String

        package init(records: String, terms: String) {
            self.records = records
            self.terms = terms
        }
    }

    /// How many files of each kind the index has.
    package struct Counts: Sendable, Equatable {
        package var records = 0, facets = 0, chunks = 0, dicts = 0
    }

    /// The index as output files under `search/`: `recordFiles` and `termFiles` together.
    package func files(
        words: [(key: String, text: String)] = [], names: Names = Names(records: "0", terms: "0"),
        cached: @Sendable (_ slot: String, _ key: Digest, _ make: () -> [UInt8]) -> [UInt8] = { $2() }
    ) -> [OutputFile] {
        recordFiles(words: words, name: names.records) + termFiles(name: names.terms, cached: cached)
    }

    /// The paths of an index with these counts and names: the two manifests first, then
    /// records, facets, chunks and word lists, each with whether it belongs to the terms part.
    package static func paths(_ counts: Counts, names: Names) -> [(path: String, isTerms: Bool)] {
        var paths = [(folder + manifestName, false), (folder + termsName, true)]
        paths += (0..<counts.records).map { (folder + "d\($0).\(names.records).js", false) }
        paths += (0..<counts.facets).map { (folder + "f\($0).\(names.records).js", false) }
        paths += (0..<counts.chunks).map { (folder + "t\($0).\(names.terms).js", true) }
        paths += (0..<counts.dicts).map { (folder + "w\($0).\(names.terms).js", true) }
        return paths
    }

    /// The counts of the files `files` made.
    package static func counts(of files: [OutputFile]) -> Counts {
        var counts = Counts()
        for file in files {
            let name = file.path.dropFirst(folder.count)
            switch name.first {
            case "d": counts.records += 1
            case "f": counts.facets += 1
            case "t": counts.chunks += 1
            case "w": counts.dicts += 1
            default: break
            }
        }
        return counts
    }

    /// What every result shows, from the pages' fields (no body): `search/search-index.js`
    /// (with `words`, the search script's texts in the site's language), the page records and
    /// the facet files. A body edit changes none of them.
    package func recordFiles(words: [(key: String, text: String)] = [], name: String) -> [OutputFile] {
        var files: [OutputFile] = []
        // Records in files of a fixed count per kind (so the manifest needs only their
        // hashes): as many as fit the limit on average.
        let made = documents.parallelMap { $0.record() }
        let records = zip(documents, made).map { document, record -> String in
            var fields: [JSONValue] = [.string(Self.trimmed(record.title)), .string(record.url), .string(Self.trimmed(record.summary))]
            if document.kind == .role {
                fields += [
                    .string(Self.trimmed(record.meta)), .strings(Self.trimmed(record.duties)), .strings(Self.trimmed(record.skills)),
                    .strings(Self.trimmed(record.alternateTitles)),
                ]
            } else if let label = record.label {
                fields += [.string(""), .strings([]), .strings([]), .strings([]), .string(label)]
            }
            return JSONValue.array(fields).text
        }
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
            let perFile = max(1, Self.recordLimit * (end - start) / max(1, bytes))
            kinds.append(.ints([kind.rawValue, start, perFile, fileCount]))
            for first in stride(from: start, to: end, by: perFile) {
                let text = "SITEGEN_SEARCH.docs[\(fileCount)]=[" + records[first..<min(first + perFile, end)].joined(separator: ",") + "];\n"
                files.append(OutputFile(path: Self.folder + "d\(fileCount).\(name).js", text: Self.preamble + text))
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
                for value in Set(record.facets[position]) { if let n = number[value] { ids[n].append(id) } }
            }
            let gaps = ids.map { list in JSONValue.ints(zip(list, [0] + list).map { $0 - $1 }) }
            let text = "SITEGEN_SEARCH.facets[\(position)]=\(JSONValue.array(gaps).text);\n"
            files.append(OutputFile(path: Self.folder + "f\(position).\(name).js", text: Self.preamble + text))
            facets.append(.object([("key", .string(key)), ("values", .strings(values))]))
        }

        let manifest = JSONValue.object([
            ("version", .int(Self.format)),
            ("hash", .string(name)),
            ("count", .int(documents.count)),
            ("kinds", .array(kinds)),
            ("labels", .strings(kindLabels)),
            ("facets", .array(facets)),
            ("words", .object(words.map { ($0.key, JSONValue.string($0.text)) })),
        ])
        let manifestFile = OutputFile(path: Self.folder + Self.manifestName, text: Self.preamble + "SITEGEN_SEARCH.index=\(manifest.text);\n")
        return [manifestFile] + files
    }

    /// What finds the pages, from every text: `search/search-terms.js` (the first term and
    /// hash of each chunk and word list), the term chunks and the word lists.
    package func termFiles(name: String, cached: @Sendable (_ slot: String, _ key: Digest, _ make: () -> [UInt8]) -> [UInt8] = { $2() }) -> [OutputFile] {
        let (terms, titleWords) = termPages(cached: cached)
        var files: [OutputFile] = []
        func add(_ prefix: String, _ global: String, _ number: Int, _ json: String) {
            let text = "SITEGEN_SEARCH.\(global)[\(number)]=\(json);\n"
            files.append(OutputFile(path: Self.folder + "\(prefix)\(number).\(name).js", text: Self.preamble + text))
        }

        // The excerpts, each page's text read once for all its terms that need one: those on
        // few pages, found only in the text.
        var wanted: [Int: Set<String>] = [:]
        for pages in terms where pages.ids.count <= Self.excerptTerms {
            for (id, field) in zip(pages.ids, pages.fields) where field == 0 { wanted[id, default: []].insert(pages.term) }
        }
        let excerptPages = wanted.sorted { $0.key < $1.key }
        let found = excerptPages.parallelMap { id, terms in self.excerpts(of: id, terms: terms) }
        let excerptsByPage = Dictionary(uniqueKeysWithValues: zip(excerptPages.map(\.key), found))
        // Term chunks, in term order, each up to the limit (as estimated: a posting takes
        // about four bytes, an excerpt its length), encoded on every core.
        var groups: [Range<Int>] = []
        var groupStart = 0
        var groupBytes = 0
        for (position, pages) in terms.enumerated() {
            var bytes = pages.term.utf8.count + pages.ids.count * 4 + 4
            if pages.ids.count <= Self.excerptTerms {
                bytes += pages.ids.reduce(0) { $0 + (excerptsByPage[$1]?[pages.term]?.utf8.count ?? 0) + 3 }
            }
            if position > groupStart, groupBytes + bytes > Self.chunkLimit {
                groups.append(groupStart..<position)
                (groupStart, groupBytes) = (position, 0)
            }
            groupBytes += bytes
        }
        if groupStart < terms.count { groups.append(groupStart..<terms.count) }
        let chunkTexts = groups.parallelMap { group -> String in
            let entries = terms[group].map { pages -> (String, JSONValue) in
                var value = JSONValue.ints(Self.postings(pages, titleWords: titleWords))
                if pages.ids.count <= Self.excerptTerms {
                    let shown = pages.ids.map { excerptsByPage[$0]?[pages.term] ?? "" }
                    if shown.contains(where: { !$0.isEmpty }) { value = .object([("p", value), ("x", .strings(shown))]) }
                }
                return (pages.term, value)
            }
            return JSONValue.object(entries).text
        }
        for (number, text) in chunkTexts.enumerated() { add("t", "chunks", number, text) }
        let chunks = groups.map { JSONValue.string(terms[$0.lowerBound].term) }

        // Word lists by the terms' first two characters; small neighbours share a file.
        var dicts: [JSONValue] = []
        var dict: [JSONValue] = []
        var dictFirst: String?
        var dictBytes = 0
        var previousPrefix: String?
        func closeDict() {
            guard let first = dictFirst else { return }
            add("w", "dicts", dicts.count, JSONValue.array(dict).text)
            dicts.append(.string(first))
            (dict, dictFirst, dictBytes) = ([], nil, 0)
        }
        for pages in terms {
            let (term, ids) = (pages.term, pages.ids)
            let prefix = Self.prefix(term)
            if prefix != previousPrefix, dictBytes >= Self.recordLimit { closeDict() }
            if dictFirst == nil { dictFirst = prefix }
            previousPrefix = prefix
            dict.append(.array([.string(term), .int(ids.count)]))
            dictBytes += term.utf8.count + 8
        }
        closeDict()
        let manifest = JSONValue.object([("hash", .string(name)), ("chunks", .array(chunks)), ("dicts", .array(dicts))])
        let manifestFile = OutputFile(path: Self.folder + Self.termsName, text: Self.preamble + "SITEGEN_SEARCH.terms=\(manifest.text);\n")
        return [manifestFile] + files
    }

    /// What every index file begins with: the one global they fill.
    static let preamble =
        "var SITEGEN_SEARCH=window.SITEGEN_SEARCH=window.SITEGEN_SEARCH||{chunks:{},dicts:{},docs:{},facets:{}};"

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

    /// The first eight hex digits of the text's digest: changes whenever a file does, so a
    /// browser never mixes a new manifest with a cached old file.
    package static func hash(_ text: String) -> String {
        String(Digest.of(Array(text.utf8)).description.prefix(8))
    }
}

extension Int {
    /// Makes the value `other` when that is larger.
    fileprivate mutating func raise(to other: Int) { if other > self { self = other } }
}
