import Foundation
import SitegenSupport
import Synchronization

/// The terms part of the index: every page's words read into postings (in runs kept by the
/// build's cache), the excerpts of rare words, and the chunk and word-list files.
extension SearchIndex {
    // MARK: Postings

    /// Every term's pages, flat: term `n` (terms in byte order) is on the pages of
    /// `entries[starts[n]..<starts[n + 1]]`, each entry `id × 4 + field` (the best field the
    /// term is in on that page), in page order.
    struct Postings: Sendable {
        var terms: [String]
        var starts: [Int]
        var entries: [UInt32]
        /// Each page's count of distinct title words, up to 7.
        var titleWords: [Int]

        /// Term `number`'s entries.
        func pages(of number: Int) -> ArraySlice<UInt32> { entries[starts[number]..<starts[number + 1]] }

        /// How many pages have term `number`.
        func count(of number: Int) -> Int { starts[number + 1] - starts[number] }
    }

    /// One run's terms, numbered in the order first read: their bytes one after another
    /// (term `n` ends at `ends[n]`), and their entries grouped by term like `Postings`'.
    struct RunTerms: Sendable {
        var bytes: [UInt8]
        var ends: [Int]
        var starts: [Int]
        var entries: [UInt32]
        var titleWords: [Int]

        /// Where term `number`'s bytes are.
        func range(of number: Int) -> Range<Int> { (number == 0 ? 0 : ends[number - 1])..<ends[number] }
    }

    /// Pages per run of `postings`: runs of a fixed size, so a run's pages and their key stay
    /// the same while its pages do.
    static let runSize = 512

    /// Every term's pages, and the key of each run of pages (what its terms are made from).
    /// Pages are read in runs of `runSize` on every core, each run with its own `TermTable`
    /// (one lookup per word, by its bytes), and the runs joined: one table of every term,
    /// each term's entries the runs' entries one after another (runs are in page order). A
    /// run's terms are kept by `cached` under the digest of its pages' own values and bodies
    /// (`Document.textsKey`), what every page's texts share and the language's rules, so an
    /// edit reads the words again of the runs of the pages it changes only.
    func postings(
        cached: @Sendable (_ slot: String, _ key: Digest, _ make: () -> [UInt8]) -> [UInt8] = { $2() }
    ) -> (postings: Postings, runKeys: [Digest]) {
        let runs = stride(from: 0, to: documents.count, by: Self.runSize).map { $0..<min($0 + Self.runSize, documents.count) }
        let rules = text.digest
        let keys = runs.map { run -> Digest in
            var key = DigestHasher()
            key.combine(rules)
            key.combine(sharedKey)
            key.combine(run.lowerBound)
            key.combine(run.count)
            for id in run { key.combine(documents[id].textsKey) }
            return key.finalize()
        }
        let found = Array(runs.enumerated()).parallelMap { number, run -> RunTerms in
            let made = Mutex<RunTerms?>(nil)
            let bytes = cached("search-run-\(number)", keys[number]) {
                let read = readRun(run)
                made.withLock { $0 = read }
                return Self.encode(read)
            }
            if let read = made.withLock({ $0 }) { return read }
            return Self.decode(bytes, run: run) ?? readRun(run)
        }

        // Every term numbered once, with its count of pages.
        var table = TermTable(capacity: found.first.map { $0.ends.count * 4 } ?? 0)
        var counts: [Int] = []
        let numbers = found.map { run in
            run.bytes.withUnsafeBufferPointer { bytes in
                run.ends.indices.map { local -> Int in
                    let number = table.number(of: UnsafeBufferPointer(rebasing: bytes[run.range(of: local)]))
                    if number == counts.count { counts.append(0) }
                    counts[number] += run.starts[local + 1] - run.starts[local]
                    return number
                }
            }
        }
        // The terms in byte order, and each term's entries, run after run.
        let order = (0..<table.count).sorted { table.precedes($0, $1) }
        var rank = [Int](repeating: 0, count: table.count)
        for (position, number) in order.enumerated() { rank[number] = position }
        var starts = [0]
        starts.reserveCapacity(order.count + 1)
        for number in order { starts.append(starts[starts.count - 1] + counts[number]) }
        var next = Array(starts.dropLast())
        var entries = [UInt32](repeating: 0, count: starts[starts.count - 1])
        entries.withUnsafeMutableBufferPointer { entries in
            for (run, runNumbers) in zip(found, numbers) {
                for (local, number) in runNumbers.enumerated() {
                    let position = rank[number]
                    for entry in run.entries[run.starts[local]..<run.starts[local + 1]] {
                        entries[next[position]] = entry
                        next[position] += 1
                    }
                }
            }
        }
        let postings = Postings(terms: order.map { table.string($0) }, starts: starts, entries: entries, titleWords: found.flatMap(\.titleWords))
        return (postings, keys)
    }

    /// The terms of the pages `run`, with a table of their own.
    private func readRun(_ run: Range<Int>) -> RunTerms {
        var table = TermTable(capacity: 4096)
        // Per term: the last page it was on, and that page's entry.
        var lastPage: [Int] = []
        var lastEntry: [Int] = []
        var entries: [UInt32] = []
        var termOfEntry: [Int32] = []
        var titleWords: [Int] = []
        var titleTerms: [Int] = []
        for id in run {
            titleTerms.removeAll(keepingCapacity: true)
            for (content, given) in documents[id].texts().fields {
                let field = UInt32(min(given, 3))
                text.forEachWordBytes(content) { word in
                    let term = table.number(of: word)
                    if term == lastPage.count {
                        lastPage.append(-1)
                        lastEntry.append(0)
                    }
                    if given == 3, !titleTerms.contains(term) { titleTerms.append(term) }
                    if lastPage[term] == id {
                        // The page has the term already: keep its best field.
                        let at = lastEntry[term]
                        if entries[at] & 3 < field { entries[at] = entries[at] & ~3 | field }
                    } else {
                        lastPage[term] = id
                        lastEntry[term] = entries.count
                        entries.append(UInt32(id) << 2 | field)
                        termOfEntry.append(Int32(term))
                    }
                }
            }
            titleWords.append(min(titleTerms.count, 7))
        }
        // The entries grouped by term (a counting sort: each term's stay in page order).
        var starts = [Int](repeating: 0, count: table.count + 1)
        for term in termOfEntry { starts[Int(term) + 1] += 1 }
        for term in 0..<table.count { starts[term + 1] += starts[term] }
        var next = starts
        var grouped = [UInt32](repeating: 0, count: entries.count)
        for (entry, term) in zip(entries, termOfEntry) {
            grouped[next[Int(term)]] = entry
            next[Int(term)] += 1
        }
        return RunTerms(bytes: table.bytes, ends: table.ends, starts: starts, entries: grouped, titleWords: titleWords)
    }

    /// A run's terms as cache bytes: the title word counts, the term count, the terms' ends,
    /// bytes and starts, then the entries (the integer arrays as 32-bit little-endian values).
    private static func encode(_ run: RunTerms) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(run.titleWords.map(UInt8.init))
        writer.write(run.ends.count)
        writer.write(run.bytes.count)
        writer.write(run.entries.count)
        // Closures, not key paths: a key path is looked up again for every value.
        writer.write(run.ends.map { UInt32($0).littleEndian }.withUnsafeBytes { Array($0) })
        writer.write(run.bytes)
        writer.write(run.starts.map { UInt32($0).littleEndian }.withUnsafeBytes { Array($0) })
        writer.write(run.entries.map { $0.littleEndian }.withUnsafeBytes { Array($0) })
        return writer.bytes
    }

    /// The run's terms from cache bytes; nil when they are damaged or not of this run.
    private static func decode(_ bytes: [UInt8], run: Range<Int>) -> RunTerms? {
        bytes.withUnsafeBytes { raw -> RunTerms? in
            var reader = ByteReader(raw)
            let titleWords = reader.bytes(run.count).map(Int.init)
            let (termCount, byteCount, entryCount) = (reader.int(), reader.int(), reader.int())
            guard !reader.failed, termCount >= 0, byteCount >= 0, entryCount >= 0,
                termCount * 8 + byteCount + entryCount * 4 + 4 == reader.remaining
            else { return nil }
            func integers(_ count: Int) -> [UInt32] {
                let bytes = reader.bytes(count * 4)
                return (0..<count).map { UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self)) }
            }
            let ends = integers(termCount).map(Int.init)
            let termBytes = Array(reader.bytes(byteCount))
            let starts = integers(termCount + 1).map(Int.init)
            let entries = integers(entryCount)
            // Ends and starts that only grow and end where their arrays do, pages of this run.
            guard !reader.failed, reader.isAtEnd, ends.last ?? 0 == byteCount, starts.first == 0, starts.last == entryCount,
                zip(ends, ends.dropFirst()).allSatisfy({ $0 <= $1 }), zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
                entries.allSatisfy({ run.contains(Int($0 >> 2)) }), ends.first ?? 0 >= 0
            else { return nil }
            return RunTerms(bytes: termBytes, ends: ends, starts: starts, entries: entries, titleWords: titleWords)
        }
    }

    /// A term's postings as a JSON array: `gap × 32 + title words × 4 + field` for each page
    /// (written digit by digit: the chunks are most of the index's bytes).
    static func appendPostings(_ entries: ArraySlice<UInt32>, titleWords: [Int], to json: inout [UInt8]) {
        json.append(UInt8(ascii: "["))
        var last = 0
        var digits = [UInt8](repeating: 0, count: 20)
        for (position, entry) in entries.enumerated() {
            let (id, field) = (Int(entry >> 2), Int(entry & 3))
            var value = (id - last) * 32 + (field == 3 ? titleWords[id] : 0) * 4 + field
            last = id
            if position > 0 { json.append(UInt8(ascii: ",")) }
            var count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
                count += 1
            } while value > 0
            for index in stride(from: count - 1, through: 0, by: -1) { json.append(digits[index]) }
        }
        json.append(UInt8(ascii: "]"))
    }

    // MARK: Excerpts

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

    /// The excerpts the chunks carry, by page and term: for each term on at most
    /// `excerptTerms` pages, on each page whose text alone has it. Made run by run on every
    /// core, each run's kept by `cached` under its key and the terms wanted of it (a body edit
    /// reads the text of its own run again, not of every page).
    private func excerpts(
        _ postings: Postings, runKeys: [Digest], cached: @Sendable (_ slot: String, _ key: Digest, _ make: () -> [UInt8]) -> [UInt8]
    ) -> [Int: [String: String]] {
        var wanted: [Int: Set<String>] = [:]
        for (number, term) in postings.terms.enumerated() where postings.count(of: number) <= Self.excerptTerms {
            for entry in postings.pages(of: number) where entry & 3 == 0 { wanted[Int(entry >> 2), default: []].insert(term) }
        }
        var byRun = [[(id: Int, terms: [String])]](repeating: [], count: runKeys.count)
        for (id, terms) in wanted.sorted(by: { $0.key < $1.key }) { byRun[id / Self.runSize].append((id, terms.sorted())) }
        let found = Array(byRun.enumerated()).parallelMap { number, pages -> [(id: Int, excerpts: [String: String])] in
            var key = DigestHasher()
            key.combine(runKeys[number])
            for page in pages {
                key.combine(page.id)
                key.combine(page.terms)
            }
            let made = Mutex<[(id: Int, excerpts: [String: String])]?>(nil)
            let bytes = cached("search-excerpts-\(number)", key.finalize()) {
                let read = pages.map { page in (id: page.id, excerpts: excerpts(of: page.id, terms: Set(page.terms))) }
                made.withLock { $0 = read }
                var writer = ByteWriter()
                writer.write(read.count)
                for page in read {
                    writer.write(page.id)
                    writer.write(page.excerpts.keys.sorted())
                    writer.write(page.excerpts.keys.sorted().map { page.excerpts[$0]! })
                }
                return writer.bytes
            }
            if let read = made.withLock({ $0 }) { return read }
            let decoded = bytes.withUnsafeBytes { raw -> [(id: Int, excerpts: [String: String])]? in
                var reader = ByteReader(raw)
                let read = reader.list { reader -> (id: Int, excerpts: [String: String]) in
                    let id = reader.int()
                    let (terms, texts) = (reader.strings(), reader.strings())
                    return (id, Dictionary(zip(terms, texts), uniquingKeysWith: { first, _ in first }))
                }
                return !reader.failed && reader.isAtEnd && read.map(\.id) == pages.map(\.id) ? read : nil
            }
            return decoded ?? pages.map { page in (id: page.id, excerpts: excerpts(of: page.id, terms: Set(page.terms))) }
        }
        return Dictionary(found.joined().map { ($0.id, $0.excerpts) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Files

    /// What finds the pages, from every text: `search/search-terms.js` (the first term and
    /// name of each chunk, the first prefix and name of each word list), the term chunks and
    /// the word lists, each named by its content (`contentName`): a body edit renames only
    /// the few files whose terms it changes, and the chunks end at terms chosen by their
    /// hash (`endsChunk`), so a change does not move every later chunk's first term.
    package func termFiles(cached: @Sendable (_ slot: String, _ key: Digest, _ make: () -> [UInt8]) -> [UInt8] = { $2() }) -> [OutputFile] {
        let (postings, runKeys) = postings(cached: cached)
        let terms = postings.terms
        let excerptsByPage = excerpts(postings, runKeys: runKeys, cached: cached)

        // Term chunks, in term order (as estimated: a posting takes about four bytes, an
        // excerpt its length), encoded on every core.
        var groups: [Range<Int>] = []
        var groupStart = 0
        var groupBytes = 0
        for (number, term) in terms.enumerated() {
            var bytes = term.utf8.count + postings.count(of: number) * 4 + 4
            if postings.count(of: number) <= Self.excerptTerms {
                bytes += postings.pages(of: number).reduce(0) { $0 + (excerptsByPage[Int($1 >> 2)]?[term]?.utf8.count ?? 0) + 3 }
            }
            if number > groupStart, groupBytes + bytes > Self.chunkLimit || (groupBytes >= Self.chunkTarget && Self.endsChunk(term)) {
                groups.append(groupStart..<number)
                (groupStart, groupBytes) = (number, 0)
            }
            groupBytes += bytes
        }
        if groupStart < terms.count { groups.append(groupStart..<terms.count) }
        let chunkTexts = groups.parallelMap { group -> [UInt8] in
            var json: [UInt8] = [UInt8(ascii: "{")]
            json.reserveCapacity(Self.chunkLimit + 1_024)
            for number in group {
                let term = terms[number]
                if number > group.lowerBound { json.append(UInt8(ascii: ",")) }
                json += JSONValue.quoted(term).utf8
                json.append(UInt8(ascii: ":"))
                let pages = postings.pages(of: number)
                let shown = postings.count(of: number) <= Self.excerptTerms ? pages.map { excerptsByPage[Int($0 >> 2)]?[term] ?? "" } : []
                let hasExcerpts = shown.contains { !$0.isEmpty }
                if hasExcerpts { json += Array(#"{"p":"#.utf8) }
                Self.appendPostings(pages, titleWords: postings.titleWords, to: &json)
                if hasExcerpts {
                    json += Array(#","x":"#.utf8)
                    json += JSONValue.strings(shown).text.utf8
                    json.append(UInt8(ascii: "}"))
                }
            }
            json.append(UInt8(ascii: "}"))
            return json
        }
        var files = chunkTexts.map { Self.contentFile("t", "chunks", json: $0) }
        let chunks = groups.map { terms[$0.lowerBound] }

        // Word lists by the terms' first two characters; small neighbours share a file.
        var dicts: [String] = []
        var dict: [JSONValue] = []
        var dictFirst: String?
        var dictBytes = 0
        var previousPrefix: String?
        func closeDict() {
            guard let first = dictFirst else { return }
            files.append(Self.contentFile("w", "dicts", json: JSONValue.array(dict).text))
            dicts.append(first)
            (dict, dictFirst, dictBytes) = ([], nil, 0)
        }
        for (number, term) in terms.enumerated() {
            let prefix = Self.prefix(term)
            if prefix != previousPrefix, dictBytes >= Self.recordLimit { closeDict() }
            if dictFirst == nil { dictFirst = prefix }
            previousPrefix = prefix
            dict.append(.array([.string(term), .int(postings.count(of: number))]))
            dictBytes += term.utf8.count + 8
        }
        closeDict()
        let names = files.map(Self.contentName(of:))
        let manifest = JSONValue.object([
            ("chunks", .strings(chunks)), ("chunkFiles", .strings(Array(names[..<chunks.count]))),
            ("dicts", .strings(dicts)), ("dictFiles", .strings(Array(names[chunks.count...]))),
        ])
        let manifestFile = OutputFile(path: Self.folder + Self.termsName, text: Self.preamble + "SITEGEN_SEARCH.terms=\(manifest.text);\n")
        return [manifestFile] + files
    }

    /// Whether a chunk may end before `term` once it holds `chunkTarget` bytes: one term in
    /// four, by the term's hash, so where chunks end depends on the terms, not on the bytes
    /// before them (after a change, the chunks agree again from the next such term on).
    private static func endsChunk(_ term: String) -> Bool {
        var term = term
        return term.withUTF8 { TermTable.hash($0) } & 3 == 0
    }
}
