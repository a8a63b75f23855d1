import SitegenSupport

/// A job role, from `Content/roles/<slug>.md` (SPEC §3).
package struct Role: Sendable, Hashable {
    /// A value from front matter with where it was written (a role slug, a skill name).
    package struct Located: Sendable, Hashable {
        /// The text written.
        package var value: String
        /// Where it was written.
        package var location: SourceLocation
    }

    /// A public reference for the role's facts.
    package struct Source: Sendable, Hashable {
        /// Title of the reference.
        package var title: String
        /// Its URL, if it has one.
        package var url: String?
    }

    /// The role's values. A role is shared by many views and lists, so its fields live in one
    /// box and a copy of a role is one reference, not two dozen (copying whole roles was a
    /// twentieth of a 10k build).
    package struct Fields: Sendable, Hashable {
        /// The file name without `.md`; decides every output path.
        package var slug: String
        /// The file, relative to `Content/` (`roles/engineer.md`).
        package var contentPath: String
        /// The file as shown in diagnostics (`Content/roles/engineer.md`).
        package var file: String
        package var title: String
        package var summary: String
        package var alternateTitles: [String]
        /// O*NET-SOC occupation code, e.g. `27-2012.01`.
        package var onet: String?
        /// The article before the title where the language's rule gets it wrong (`article: an`).
        package var article: String?
        package var reportsTo: [Located]
        package var supervises: [Located]
        /// Peers the role works alongside without a reporting line (role slugs).
        package var worksWith: [Located]
        package var duties: [String]
        package var skills: [Located]
        /// The values of the fields the site's schema declares, by key; a field of one value
        /// has one item. Absent fields have no entry.
        package var values: [String: [Located]]
        /// Ordered steps into the role.
        package var careerPath: [String]
        package var compareWith: [Located]
        package var related: [Located]
        package var sources: [Source]
        /// Earlier slugs of the role (`aliases: [old-slug]`): each gets pages that redirect here.
        package var aliases: [Located] = []
        /// `YYYY-MM-DD`.
        package var updated: String?
        package var draft: Bool
        /// The Markdown body.
        package var body: String
        /// The file line the body starts on.
        package var bodyFirstLine: Int
    }

    /// The digests of a role's file less its body, and of the body: what an unchanged page is
    /// told by (`PageInputs`). The loader keeps them with the parse of each file, so a warm
    /// build does not encode 10k roles again to digest them.
    package struct Digests: Sendable, Hashable {
        /// The digest of the role's cache encoding (`ParsedFile+Coding`) with an empty body.
        package var withoutBody: Digest
        /// The digest of the body's UTF-8 bytes.
        package var body: Digest
    }

    private final class Box: Sendable {
        let fields: Fields
        let digests: Digests?

        init(_ fields: Fields, digests: Digests?) {
            self.fields = fields
            self.digests = digests
        }
    }

    private let box: Box

    /// A role with these values, and their digests when they are known.
    package init(_ fields: Fields, digests: Digests? = nil) { box = Box(fields, digests: digests) }

    /// The role's digests: as the loader kept them, or computed.
    package var digests: Digests {
        box.digests ?? Digests(withoutBody: ContentLoader.ParsedFile.role(self).digestWithoutBody, body: Digest.of(text: body))
    }

    /// The same role, with its digests computed once.
    package var withDigests: Role { box.digests == nil ? Role(box.fields, digests: digests) : self }

    /// All values of the role.
    package var fields: Fields { box.fields }

    package static func == (lhs: Role, rhs: Role) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }

    package func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    package var slug: String { box.fields.slug }
    package var contentPath: String { box.fields.contentPath }
    package var file: String { box.fields.file }
    package var title: String { box.fields.title }
    package var summary: String { box.fields.summary }
    package var alternateTitles: [String] { box.fields.alternateTitles }
    package var onet: String? { box.fields.onet }
    package var article: String? { box.fields.article }
    package var reportsTo: [Located] { box.fields.reportsTo }
    package var supervises: [Located] { box.fields.supervises }
    package var worksWith: [Located] { box.fields.worksWith }
    package var duties: [String] { box.fields.duties }
    package var skills: [Located] { box.fields.skills }
    package var values: [String: [Located]] { box.fields.values }
    package var careerPath: [String] { box.fields.careerPath }
    package var compareWith: [Located] { box.fields.compareWith }
    package var related: [Located] { box.fields.related }
    package var sources: [Source] { box.fields.sources }
    package var aliases: [Located] { box.fields.aliases }
    package var updated: String? { box.fields.updated }
    package var draft: Bool { box.fields.draft }
    package var body: String { box.fields.body }
    package var bodyFirstLine: Int { box.fields.bodyFirstLine }

    /// The values of a declared field, as written (none when the role does not give it).
    package func values(_ key: String) -> [String] { box.fields.values[key]?.map(\.value) ?? [] }

    /// The first value of a declared field.
    package func value(_ key: String) -> String? { box.fields.values[key]?.first?.value }
}
