import SitegenContent
import SitegenMarkdown

/// `compare/compare-data.js`: what the comparison picker (`assets/compare.js`, on `/compare/`
/// and on every role page) needs to show any two roles side by side as a pair page shows them.
/// A script that sets one global, so that it loads from `file://` as well as from a host:
///
///     window.SITEGEN_COMPARE={"format":"sitegen-compare","version":1,
///       "words":{"pair_title":"{first} vs {second}",…},   the texts the script shows
///       "rows":["Department",…],                         the table's row labels
///       "skills":["skills/code-review/",…],              each skill's page, by skill number
///       "roles":[{"slug":"engineer","title":"Engineer","url":"roles/engineer/",
///                 "cells":["Platform",…],                one text per row ("—" for none)
///                 "duties":[["Reviews the code",4],…],   each duty with its key number
///                 "skills":[["Code review",0],…]},…],    each skill with its skill number
///       "pages":[[0,5,"compare/designer-vs-engineer/"],…]}  the pairs with pages of their own
///
/// The rows, split keys and orientation are computed here with the pair pages' own functions:
/// two duties with the same key number are the same duty, two skills with the same number the
/// same skill, so the script only compares numbers. URLs are relative to the site root; roles
/// are in the site's order, and a page's pair is given in the page's order.
package enum PickerData: PageKind {
    /// Where the data file goes.
    package static let path = "compare/compare-data.js"
    /// The version of the format; a change that breaks the script raises it.
    package static let formatVersion = 1
    /// The words the script shows, written into the data file.
    package static let wordKeys = [
        "pair_title", "pair_caption", "aspect", "duties", "skills", "shared", "only", "none", "none_in_common", "picker_page", "picker_link",
        "picker_same",
    ]

    package static func pages(_ context: RenderContext) -> [PageSpec] {
        guard isOffered(context.site) else { return [] }
        return [.data(path: path) { script($0) }]
    }

    /// Whether the site has a picker: it needs two roles to compare.
    package static func isOffered(_ site: Site) -> Bool { site.roles.count >= 2 }

    /// The data file.
    static func script(_ context: RenderContext) -> OutputFile {
        OutputFile(path: path, text: "window.SITEGEN_COMPARE=" + data(context).text + ";\n")
    }

    /// The data, as the format above describes it.
    static func data(_ context: RenderContext) -> JSONValue {
        let site = context.site
        var dutyKeys = Numbering()
        var skillKeys = Numbering()
        var skillURLs: [String] = []
        var roles: [JSONValue] = []
        for role in site.roles {
            let duties = role.duties.map { duty in JSONValue.array([.string(duty), .int(dutyKeys.number(of: ComparisonPages.normalisedDuty(duty)))]) }
            let skills = role.skills.map { skill -> JSONValue in
                let slug = site.skillSlug(skill.value)
                let number = skillKeys.number(of: slug)
                if number == skillURLs.count { skillURLs.append(URLs.term(slug, in: site.skillsTaxonomy)) }
                return .array([.string(skill.value), .int(number)])
            }
            roles.append(
                .object([
                    ("slug", .string(role.slug)), ("title", .string(role.title)), ("url", .string(URLs.role(role.slug))),
                    ("cells", .strings(ComparisonPages.cells(of: role, site: site))), ("duties", .array(duties)), ("skills", .array(skills)),
                ]))
        }
        let positions = Dictionary(uniqueKeysWithValues: site.roles.enumerated().map { ($1.slug, $0) })
        let pages = site.pairs.compactMap { pair -> JSONValue? in
            guard let first = positions[pair.first], let second = positions[pair.second] else { return nil }
            return .array([.int(first), .int(second), .string(URLs.pair(pair))])
        }
        return .object([
            ("format", .string("sitegen-compare")), ("version", .int(formatVersion)),
            ("words", .object(wordKeys.map { ($0, JSONValue.string(context.words[$0])) })),
            ("rows", .strings(ComparisonPages.rowLabels(site: site, words: context.words))), ("skills", .strings(skillURLs)),
            ("roles", .array(roles)), ("pages", .array(pages)),
        ])
    }

    /// Numbers keys 0, 1, 2, … in the order they are first met.
    struct Numbering {
        private var numbers: [String: Int] = [:]

        /// The key's number, a new one for a key not met before.
        mutating func number(of key: String) -> Int {
            if let number = numbers[key] { return number }
            numbers[key] = numbers.count
            return numbers.count - 1
        }
    }
}
