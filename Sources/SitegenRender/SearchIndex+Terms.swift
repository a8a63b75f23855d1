import Foundation
import SitegenSupport
import Synchronization

/// The terms part of the index: every page's words read into postings (in runs kept by the
/// build's cache), the excerpts of rare words, and the chunk and word-list files.
extension SearchIndex {
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

}

extension Int {
    /// Makes the value `other` when that is larger.
    fileprivate mutating func raise(to other: Int) { if other > self { self = other } }
}
