import Foundation
import SitegenContent
import SitegenSupport

extension PickerData {
    /// Every file of the picker's data, the manifest first (the format `PickerData` describes).
    package static func files(_ context: RenderContext) -> [OutputFile] {
        let site = context.site
        // Each role's entry and the keys its title is found by when typed (the title's words
        // from each word on), kept by a session under what they read of the site.
        let made = site.roles.parallelMap { role in
            let slug = role.slug
            return context.memoized("picker-role\u{0}" + slug) { site in
                let role = site.role(slug)!
                let words = words(of: role.title)
                return (json: roleJSON(role, site: site), keys: words.indices.map { words[$0...].joined(separator: " ") })
            }
        }
        let roles = made.map(\.json)
        // Role files: consecutive roles, each file ending past `fileTarget` at a role whose
        // slug's digest says so, or before it would pass `fileLimit`.
        var files: [OutputFile] = []
        var fileOf: [String] = []
        var run: [String] = []
        var bytes = 0
        func close() {
            guard !run.isEmpty else { return }
            let file = contentFile("r", json: "[" + run.joined(separator: ",") + "]")
            files.append(file)
            fileOf += Array(repeating: name(of: file), count: run.count)
            run = []
            bytes = 0
        }
        for (role, json) in zip(site.roles, roles) {
            if bytes > 0 && bytes + json.utf8.count > fileLimit { close() }
            run.append(json)
            bytes += json.utf8.count + 1
            if bytes >= fileTarget && endsRun(role.slug) { close() }
        }
        close()
        let entries = zip(site.roles, fileOf).map { role, file in JSONValue.strings([role.slug, role.title, file]).text }
        var manifest: [(String, JSONValue)] = [
            ("format", .string("sitegen-compare")), ("version", .int(formatVersion)),
            ("words", .object(wordKeys.map { ($0, JSONValue.string(context.words[$0])) })),
            ("rows", .strings(ComparisonPages.rowLabels(site: site, words: context.words))),
        ]
        if entries.reduce(0, { $0 + $1.utf8.count + 1 }) <= listLimit {
            manifest.append(("roles", .written("[" + entries.joined(separator: ",") + "]")))
        } else {
            // By slug, for a comparison's address; by the title's keys, for the reader's typing
            // (what they type from any word of a title begins a key).
            let bySlug = site.roles.indices.map { (key: site.roles[$0].slug, entry: entries[$0]) }
            let byWord = site.roles.indices.flatMap { index in made[index].keys.map { (key: $0, entry: entries[index]) } }
            let (nameFiles, names) = sortedRuns(bySlug, kind: "n")
            let (wordFiles, find) = sortedRuns(byWord, kind: "w")
            // The word files' index is a file of its own: only typing needs it.
            let findFile = contentFile("x", json: find.text)
            files += nameFiles + wordFiles + [findFile]
            manifest += [("names", names), ("find", .string(name(of: findFile)))]
        }
        let text = preamble + "SITEGEN_COMPARE.manifest=" + JSONValue.object(manifest).text + ";\n"
        return [OutputFile(path: path, text: text)] + files
    }

    /// Entries sorted by their keys (UTF-8 bytes) in runs cut as the role files are (at
    /// `indexTarget` and `indexLimit`), and the
    /// manifest's index of them: `[[boundary, file]…]`, where a run's boundary is the shortest
    /// start of its first key that sorts after the previous run's last key.
    static func sortedRuns(_ items: [(key: String, entry: String)], kind: String) -> ([OutputFile], JSONValue) {
        let sorted = items.sorted { $0.key.precedesInBytes($1.key) }
        var files: [OutputFile] = []
        var index: [JSONValue] = []
        var first = 0
        var size = 0
        for (position, item) in sorted.enumerated() {
            size += item.entry.utf8.count + 1
            guard
                position == sorted.count - 1 || size + sorted[position + 1].entry.utf8.count > indexLimit || (size >= indexTarget && endsRun(item.key))
            else { continue }
            let file = contentFile(kind, json: "[" + sorted[first...position].map(\.entry).joined(separator: ",") + "]")
            files.append(file)
            let key = Array(sorted[first].key.unicodeScalars)
            var boundary = first == 0 ? "" : String(String.UnicodeScalarView(key.prefix(1)))
            if first > 0 {
                let previous = sorted[first - 1].key
                var length = 1
                while length < key.count && !previous.utf8.lexicographicallyPrecedes(boundary.utf8) {
                    length += 1
                    boundary = String(String.UnicodeScalarView(key.prefix(length)))
                }
            }
            index.append(.strings([boundary, name(of: file)]))
            first = position + 1
            size = 0
        }
        return (files, .array(index))
    }

    /// One role's entry in its role file. It reads the site through its accessors only (so
    /// that a session keeps it under those reads, `RenderContext.memoized`).
    static func roleJSON(_ role: Role, site: Site) -> String {
        let duties = role.duties.map { duty in JSONValue.strings([duty, dutyKey(duty)]) }
        let skills = role.skills.map { skill in JSONValue.strings([skill.value, URLs.skill(skill.value, site: site)]) }
        let pages = site.pairs(including: role.slug).map { pair -> JSONValue in
            let isFirst = pair.first == role.slug
            return .array([.string(isFirst ? pair.second : pair.first), .string(URLs.pair(pair)), .int(isFirst ? 1 : 0)])
        }
        return JSONValue.object([
            ("slug", .string(role.slug)), ("title", .string(role.title)), ("url", .string(URLs.role(role.slug))),
            ("cells", .strings(ComparisonPages.cells(of: role, site: site))), ("duties", .array(duties)), ("skills", .array(skills)),
            ("pages", .array(pages)),
        ]).text
    }

    /// A duty's key: equal for duties the pair pages match (`ComparisonPages.normalisedDuty`).
    static func dutyKey(_ duty: String) -> String { String(Digest.of(text: ComparisonPages.normalisedDuty(duty)).description.prefix(8)) }

    /// Whether a run of roles (or names) may end after the one with this slug: one in four.
    static func endsRun(_ slug: String) -> Bool { Digest.of(text: slug).low % 4 == 0 }

    /// A file named by its content: `compare/<kind>.<digest>.js`, filling the slot of its name.
    static func contentFile(_ kind: String, json: String) -> OutputFile {
        let name = kind + "." + String(Digest.of(text: json).description.prefix(12))
        return OutputFile(path: folder + name + ".js", text: preamble + "SITEGEN_COMPARE.files[\"\(name)\"]=" + json + ";\n")
    }

    /// The name of a file `contentFile` made (`r.0123456789ab`).
    static func name(of file: OutputFile) -> String { String(file.path.dropFirst(folder.count).dropLast(3)) }

    /// A title's words as the script reads the reader's typing: lower case, without accents,
    /// split at every character that is neither a letter nor a digit.
    package static func words(of title: String) -> [String] {
        title.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

}
