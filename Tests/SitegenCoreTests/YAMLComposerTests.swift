import Foundation
import Testing
import Yams

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// The composer on libyaml's events gives the nodes Yams' composer gives, and leaves every
/// input it is not sure of to Yams.
@Suite struct YAMLComposerTests {
    /// Yams' nodes for `yaml` (nil for an empty document), or nil when Yams reports an error.
    static func yams(_ yaml: String) -> YAMLNode?? {
        (try? Yams.compose(yaml: yaml, Resolver.basic, Constructor.default, .utf8)).map { $0.map(YAMLNode.init) }
    }

    static let snippets = [
        "", "# only a comment\n", "a: 1", "a:\n  - x\n  - 'y'\n  - \"z\"\n", "a: [1, 2, {b: c}]\nd: {e: [f]}",
        "title: \"Quoted \\\" \\u00e9\"\nsummary: 'it''s'\n", "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
        "base: &b {x: 1}\nother: *b\nlist: &l [1, 2]\nagain: *l\nname: &n plain\nref: *n\n", "a: *missing\n",
        "a: 1\na: 2\n", "a: 1\n'a': 2\n", "1: x\n\"1\": y\n", "? [a, b]\n: 1\n", "? {a: 1}\n: x\n? {a: 1}\n: y\n",
        "a: 1\n---\nb: 2\n", "--- \na: 1\n...\n", "a: b: c\n", "a: [1, 2\n", "\ta: 1\n", "a: \"\\uFEFFbom\"\n", "~: null\nnull: ~\n",
        "a: !!str 12\nb: !custom x\n!!str c: d\n", "a:\n  b:\n    c:\n      d: [e, {f: g}]\n", "- a\n- b\n", "just text\n", "a: é ü 日本\n",
        "key with spaces: value with spaces\n", "a: \"\"\nb: ''\nc:\n", "a: 'multi\n  line'\n", "&x a: *x\n", "a: &x\n  b: *x\n",
    ]

    @Test(arguments: snippets)
    func composesAsYamsDoesOrLeavesItToYams(_ yaml: String) {
        switch YAMLComposer.compose(yaml) {
        case .document(let node):
            #expect(Self.yams(yaml) == .some(node), "Yams composes \(yaml.debugDescription) differently")
        case .needsYams:
            break
        }
    }

    @Test(arguments: [
        "a: 1\na: 2\n", "a: 1\n'a': 2\n", "a: *missing\n", "a: 1\n---\nb: 2\n", "a: b: c\n", "? [a, b]\n: 1\n", "a: \"\\uFEFFbom\"\n",
        "\ta: 1\n",
    ])
    func problemsAndDoubtsGoToYams(_ yaml: String) {
        #expect(YAMLComposer.compose(yaml) == .needsYams)
    }

    @Test func everyShippedAndFixtureRoleIsComposedWithoutYams() throws {
        var folders = [Fixtures.url("Sites/basic/Content/roles"), Fixtures.repositoryRoot.appendingPathComponent("Content/roles")]
        folders = folders.filter { FileManager.default.fileExists(atPath: $0.path) }
        var count = 0
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
                let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                let yaml = try FrontMatter.parse(text, file: name).get().yaml
                guard case .document(let node) = YAMLComposer.compose(yaml) else {
                    Issue.record("\(name) needed Yams")
                    continue
                }
                #expect(Self.yams(yaml) == .some(node), "\(name)")
                count += 1
            }
        }
        #expect(count >= 3)
    }

    @Test func marksCountLinesAndColumnsFromOne() throws {
        guard case .document(let node?) = YAMLComposer.compose("a: x\nb:\n  - é: y\n"), let mapping = YAMLMapping(node) else {
            Issue.record("not composed")
            return
        }
        #expect(mapping.mark == YAMLMark(line: 1, column: 1))
        #expect(mapping["a"]?.mark == YAMLMark(line: 1, column: 4))
        #expect(mapping["b"]?.mark == YAMLMark(line: 3, column: 3))
    }
}
