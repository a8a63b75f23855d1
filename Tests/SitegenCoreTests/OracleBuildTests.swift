import Foundation
import SitegenMarkdown
import Testing
import Yams

@testable import SitegenCache
@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The oracle of the page cache: for every field a role file can have, every key of
/// `sitegen.yml`, every template and asset of the theme, and adding, removing and renaming a
/// role and a comparison prose, a build through the cache gives exactly the bytes (and the
/// diagnostics) of a `--no-cache` build. The fields and keys come from the decoders' own lists
/// (`Role.coreKeys` with the schema's declared fields, `SiteConfig.knownKeys`) and the theme files from the built-in theme, so
/// a new one is covered without touching this test.
@Suite struct OracleBuildTests {
    /// One edit of the fixture site.
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        /// What the edit is about (a field, a key, a file): at least one edit of each subject
        /// must change the output, or the subject is not exercised at all.
        var subject: String
        /// Done before the first build.
        var prepare: (@Sendable (TestSite) throws -> Void)? = nil
        var apply: @Sendable (TestSite) throws -> Void
        var testDescription: String { name }

        init(name: String, subject: String? = nil, prepare: (@Sendable (TestSite) throws -> Void)? = nil, apply: @escaping @Sendable (TestSite) throws -> Void)
        {
            self.name = name
            self.subject = subject ?? name
            self.prepare = prepare
            self.apply = apply
        }
    }

    static let roleFiles = ["alpha", "beta", "gamma"].map { "Content/roles/\($0).md" }

    /// A changed value of the same shape: a flag flipped, a number or date moved, text
    /// extended, a list shortened (or, when empty, left for the removal edit), a mapping with
    /// each value changed.
    static func changed(_ node: Node) -> Node? {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            if text == "true" || text == "false" { return Node(text == "true" ? "false" : "true") }
            if let number = Int(text) { return Node(String(number + 1)) }
            if text.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil { return Node(String(text.prefix(8)) + "01") }
            if text.range(of: #"^[\d.\-]+$"#, options: .regularExpression) != nil { return Node(String(text.dropLast()) + (text.last == "1" ? "2" : "1")) }
            if text.isEmpty { return Node("edited") }
            if text.hasPrefix("https://") { return Node(text + "-edited") }
            return Node(text + " edited")
        case .sequence(var items):
            guard !items.isEmpty else { return nil }
            items.remove(at: items.count - 1)
            return .sequence(items)
        case .mapping(let mapping):
            var pairs: [(Node, Node)] = []
            for (key, value) in mapping { pairs.append((key, changed(value) ?? value)) }
            return .mapping(Node.Mapping(pairs))
        case .alias: return nil
        }
    }

    /// `text` (a YAML document or a Markdown file with front matter) with `key` changed or removed.
    static func editing(_ text: String, key: String, remove: Bool) throws -> String? {
        let hasFrontMatter = text.hasPrefix("---\n")
        var yaml = text
        var body = ""
        if hasFrontMatter {
            let rest = text.dropFirst(4)
            guard let end = rest.range(of: "\n---\n") else { return nil }
            yaml = String(rest[..<end.lowerBound]) + "\n"
            body = String(rest[end.upperBound...])
        }
        guard case .mapping(let mapping) = try Yams.compose(yaml: yaml) else { return nil }
        guard let value = mapping[Node(key)] else { return nil }
        var pairs: [(Node, Node)] = []
        for (name, old) in mapping {
            if name == Node(key) {
                if remove { continue }
                guard let new = changed(old) else { return nil }
                pairs.append((name, new))
            } else {
                pairs.append((name, old))
            }
        }
        _ = value
        let edited = try Yams.serialize(node: .mapping(Node.Mapping(pairs)))
        return hasFrontMatter ? "---\n" + edited + "---\n" + body : edited
    }

    /// The fields the fixture's schema declares.
    static let declaredKeys: [String] = {
        let text = (try? String(contentsOf: Fixtures.url("Sites/basic/sitegen.yml"), encoding: .utf8)) ?? ""
        return SiteConfig.parse(text, file: "sitegen.yml").0?.schema.fields.map(\.key) ?? []
    }()

    /// For every role field, its change and its removal, in the first fixture role that has it.
    static let fieldEdits: [Edit] = (Role.coreKeys + declaredKeys).flatMap { key in
        [false, true].map { remove in
            Edit(name: "role field '\(key)' \(remove ? "removed" : "changed")", subject: "role field '\(key)'") { site in
                for file in roleFiles {
                    let text = try String(contentsOf: site.root.appendingPathComponent(file), encoding: .utf8)
                    if let edited = try editing(text, key: key, remove: remove) { return try site.write(file, edited) }
                }
                if !remove { Issue.record("no fixture role has a changeable '\(key)': give one in Tests/Fixtures/Sites/basic") }
            }
        }
    }

    /// For every key of `sitegen.yml`, its change and its removal.
    static let configEdits: [Edit] = SiteConfig.knownKeys.filter { $0 != "languages" }.flatMap { key in
        [false, true].map { remove in
            Edit(name: "sitegen.yml '\(key)' \(remove ? "removed" : "changed")", subject: "sitegen.yml '\(key)'") { site in
                let text = try String(contentsOf: site.root.appendingPathComponent("sitegen.yml"), encoding: .utf8)
                guard let edited = try editing(text, key: key, remove: remove) else {
                    Issue.record("the fixture's sitegen.yml has no changeable '\(key)'")
                    return
                }
                try site.write("sitegen.yml", edited)
            }
        }
    }

    /// Every file of the built-in theme, overridden with a changed copy in `Templates/`.
    static let themeEdits: [Edit] = DefaultTheme.files.keys.sorted().map { path in
        Edit(name: "theme file \(path)") { site in
            let text = DefaultTheme.files[path]!
            let marker = path.hasSuffix(".mustache") ? "<!-- edited -->" : path.hasSuffix(".svg") ? "<!-- edited -->" : "/* edited */"
            try site.write("Templates/" + path, text + marker + "\n")
        }
    }

    static let fileEdits: [Edit] = [
        Edit(name: "a role added") { site in
            try site.write(
                "Content/roles/epsilon.md", "---\ntitle: Epsilon\nsummary: New.\nduties: [a, b, c]\nskills: [Budgeting]\ncompare_with: [beta]\n---\nNew.\n")
        },
        Edit(
            name: "a role removed",
            prepare: { site in
                try site.write("Content/roles/epsilon.md", "---\ntitle: Epsilon\nsummary: New.\nduties: [a, b, c]\ncompare_with: [beta]\n---\nNew.\n")
            },
            apply: { site in try site.write("Content/roles/epsilon.md", nil) }),
        Edit(name: "a role renamed") { site in
            let text = try String(contentsOf: site.root.appendingPathComponent("Content/roles/gamma.md"), encoding: .utf8)
            try site.write("Content/roles/gamma.md", nil)
            try site.write("Content/roles/omega.md", text.replacingOccurrences(of: "draft: true", with: "draft: false"))
        },
        Edit(name: "a comparison prose removed") { site in try site.write("Content/compare/alpha-vs-beta.md", nil) },
        Edit(name: "a comparison prose renamed") { site in
            let text = try String(contentsOf: site.root.appendingPathComponent("Content/compare/alpha-vs-beta.md"), encoding: .utf8)
            try site.write("Content/compare/alpha-vs-beta.md", nil)
            try site.write("Content/compare/beta-vs-alpha.md", text)
        },
        Edit(name: "a comparison prose added") { site in
            try site.write("Content/compare/alpha-vs-delta.md", "---\ntitle: Alpha vs Delta\nsummary: A new pair.\n---\nProse.\n")
        },
        Edit(name: "a plain page added") { site in try site.write("Content/guides/start.md", "---\ntitle: Start\n---\nHello.\n") },
        Edit(name: "a plain page removed") { site in try site.write("Content/about.md", nil) },
        Edit(name: "an asset removed") { site in try site.write("Content/images/dot.svg", nil) },
    ]

    @Test(arguments: fieldEdits + configEdits + themeEdits + fileEdits)
    func aCachedBuildAfterAnEditEqualsACleanBuild(edit: Edit) throws {
        let site = try TestSite.copy(fixture: "Sites/basic")
        defer { site.remove() }
        try edit.prepare?(site)
        #expect(site.build().isEmpty)
        let before = snapshot(of: site.output)
        try edit.apply(site)
        let (cached, clean) = try IncrementalBuildTests.buildBoth(site)
        #expect(cached.map(\.description) == clean.map(\.description))
        if cached.containsErrors {
            #expect(snapshot(of: site.output) == before, "a failed build leaves the output as it was")
        } else {
            #expect(snapshot(of: site.output) == snapshot(of: site.root.appendingPathComponent("clean")))
        }
        // And back: the edit undone, through the cache again.
        if cached.isEmpty {
            #expect(site.build().isEmpty)
        }
    }

    /// Edits of a site in two languages (`Sites/library`: English, German under `de/`): each
    /// language's content and settings, and what one language's pages show of the other's
    /// (a translation added or removed changes the language switcher of its original).
    static let languageEdits: [Edit] = [
        Edit(name: "sitegen.yml 'languages' changed") { site in
            let text = try String(contentsOf: site.root.appendingPathComponent("sitegen.yml"), encoding: .utf8)
            try site.write("sitegen.yml", text.replacingOccurrences(of: "title: Handbuch der Bibliotheksberufe", with: "title: Bibliotheksberufe"))
        },
        Edit(name: "sitegen.yml 'languages' removed") { site in
            let text = try String(contentsOf: site.root.appendingPathComponent("sitegen.yml"), encoding: .utf8)
            guard let edited = try editing(text, key: "languages", remove: true) else {
                Issue.record("no 'languages' in the fixture")
                return
            }
            try site.write("sitegen.yml", edited)
        },
        Edit(name: "a German label changed") { site in
            let text = try String(contentsOf: site.root.appendingPathComponent("sitegen.yml"), encoding: .utf8)
            try site.write("sitegen.yml", text.replacingOccurrences(of: "department: Bereich", with: "department: Abteilung"))
        },
        Edit(name: "a German body edited") { site in
            let path = "Content/de/roles/librarian.md"
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            try site.write(path, text + "\nEin neuer Satz.\n")
        },
        Edit(name: "a translation named for its language edited") { site in
            let path = "Content/roles/library-assistant.de.md"
            let text = try String(contentsOf: site.root.appendingPathComponent(path), encoding: .utf8)
            try site.write(path, text.replacingOccurrences(of: "summary: Betreut", with: "summary: Verantwortet"))
        },
        Edit(name: "a translation added") { site in
            try site.write(
                "Content/de/roles/archivist.md",
                "---\ntitle: Archivarin / Archivar\nsummary: Bewahrt die Bestände.\ndepartment: Bestand\nduties: [a, b, c]\ncompare_with: [librarian]\n---\nText.\n"
            )
        },
        Edit(name: "a translation removed") { site in try site.write("Content/roles/library-assistant.de.md", nil) },
        Edit(name: "a shared image replaced by a German one") { site in
            try site.write("Content/de/images/shelf.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>")
        },
    ]

    @Test(arguments: languageEdits)
    func aCachedBuildOfATwoLanguageSiteAfterAnEditEqualsACleanBuild(edit: Edit) throws {
        let site = try TestSite.copy(fixture: "Sites/library")
        defer { site.remove() }
        #expect(site.build().isEmpty)
        let before = snapshot(of: site.output)
        try edit.apply(site)
        let (cached, clean) = try IncrementalBuildTests.buildBoth(site)
        #expect(cached.map(\.description) == clean.map(\.description))
        if cached.containsErrors {
            #expect(snapshot(of: site.output) == before, "a failed build leaves the output as it was")
        } else {
            #expect(snapshot(of: site.output) == snapshot(of: site.root.appendingPathComponent("clean")))
            #expect(snapshot(of: site.output) != before, "the edit changes the site")
        }
    }

    @Test func everyEditChangesSomething() throws {
        // A field, key or file whose every edit leaves the output as it was is not tested.
        var changing: [String: Bool] = [:]
        for edit in Self.fieldEdits + Self.configEdits + Self.themeEdits + Self.fileEdits {
            let site = try TestSite.copy(fixture: "Sites/basic")
            defer { site.remove() }
            try edit.prepare?(site)
            #expect(site.build().isEmpty)
            let before = snapshot(of: site.output)
            try edit.apply(site)
            let changed = !site.build().isEmpty || snapshot(of: site.output) != before
            changing[edit.subject] = (changing[edit.subject] ?? false) || changed
        }
        for (subject, changed) in changing.sorted(by: { $0.key < $1.key }) where !changed {
            Issue.record("no edit of \(subject) changes the fixture's output: make the fixture use it")
        }
    }
}
