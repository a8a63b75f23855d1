import Foundation
import SitegenTemplates
import Testing

/// The official mustache/spec suites (MIT, see `Spec/LICENSE`), vendored as JSON in `Spec/`.
///
/// Vendored: the core modules (comments, delimiters, interpolation, inverted, partials,
/// sections) and the optional `~inheritance` module. Not vendored: the optional `~lambdas`
/// (sitegen's values are data, never code) and `~dynamic-names` (`{{>*name}}`) modules, which
/// sitegen does not implement.
enum MustacheSpec {
    /// The vendored spec files, without `.json`.
    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance"]

    /// The name the case's own template gets in its library; no spec partial is called this.
    static let mainName = "(spec template)"

    /// The one deliberate difference from the spec: a missing partial or parent is an error in
    /// sitegen (a located diagnostic when templates load), not empty output. These cases expect
    /// empty output for a missing partial, so the test asserts that rendering throws instead.
    static let missingPartialCases: Set<String> = [
        "partials: Failed Lookup"
    ]

    /// Every case of every vendored file, in file order.
    static let cases: [Case] = files.flatMap { file in try! load(file) }

    /// One spec test: a template, its partials, its data and the output it must render.
    struct Case: Sendable, CustomTestStringConvertible {
        /// The spec file, without `.json`.
        var file: String
        /// The case's name in the file, made unique within it (`Text inside parent (2)`).
        var name: String
        var template: String
        var partials: [String: String]
        var data: SpecJSON
        var expected: String

        /// `file: name`, as the test output names the case.
        var id: String { "\(file): \(name)" }
        var testDescription: String { id }

        /// The case's template and partials, parsed.
        func library() throws -> TemplateLibrary {
            var templates = [MustacheSpec.mainName: try Template(template)]
            for (name, text) in partials { templates[name] = try Template(text) }
            return TemplateLibrary(templates)
        }
    }

    private struct File: Decodable {
        struct Test: Decodable {
            var name: String
            var data: SpecJSON
            var template: String
            var partials: [String: String]?
            var expected: String
        }
        var tests: [Test]
    }

    private static func load(_ file: String) throws -> [Case] {
        guard let url = Bundle.module.url(forResource: file, withExtension: "json", subdirectory: "Spec") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Spec/\(file).json"])
        }
        let tests = try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).tests
        var seen: [String: Int] = [:]
        return tests.map { test in
            seen[test.name, default: 0] += 1
            let count = seen[test.name]!
            let name = count == 1 ? test.name : "\(test.name) (\(count))"
            return Case(
                file: file, name: name, template: test.template, partials: test.partials ?? [:], data: test.data, expected: test.expected)
        }
    }
}

/// A JSON value from a spec file.
indirect enum SpecJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case integer(Int)
    case decimal(Double)
    case string(String)
    case array([SpecJSON])
    case object([String: SpecJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .integer(number)
        } else if let number = try? container.decode(Double.self) {
            self = .decimal(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([SpecJSON].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: SpecJSON].self))
        }
    }

    /// The value as the engine sees it: numbers as the spec writes them (`85`, `1.21`), objects
    /// as dictionaries, `null` as a missing value.
    var templateValue: TemplateValue {
        switch self {
        case .null: .none
        case .bool(let flag): .bool(flag)
        case .integer(let number): .text(String(number))
        case .decimal(let number): .text(number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number))
        case .string(let text): .text(text)
        case .array(let items): .items(items.map(\.templateValue))
        case .object(let fields): .object(Fields(fields.mapValues(\.templateValue)))
        }
    }
}
