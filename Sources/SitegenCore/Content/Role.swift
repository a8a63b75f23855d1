/// A job role, from `Content/roles/<slug>.md` (SPEC §3).
public struct Role: Sendable, Hashable {
    /// A value from front matter with where it was written (a role slug, a skill name).
    public struct Located: Sendable, Hashable {
        /// The text written.
        public var value: String
        /// Where it was written.
        public var location: SourceLocation
    }

    /// Education, experience and certification needed.
    public struct Requirements: Sendable, Hashable {
        /// Typical education.
        public var education: String?
        /// Typical experience.
        public var experience: String?
        /// Certification, if any.
        public var certification: String?

        /// True when no field is set.
        public var isEmpty: Bool { education == nil && experience == nil && certification == nil }
    }

    /// A public reference for the role's facts.
    public struct Source: Sendable, Hashable {
        /// Title of the reference.
        public var title: String
        /// Its URL, if it has one.
        public var url: String?
    }

    /// The role's values. A role is shared by many views and lists, so its fields live in one
    /// box and a copy of a role is one reference, not two dozen (copying whole roles was a
    /// twentieth of a 10k build).
    public struct Fields: Sendable, Hashable {
        /// The file name without `.md`; decides every output path.
        public var slug: String
        /// The file, relative to `Content/` (`roles/producer.md`).
        public var contentPath: String
        /// The file as shown in diagnostics (`Content/roles/producer.md`).
        public var file: String
        public var title: String
        public var summary: String
        public var department: String?
        public var media: [String]
        public var alternateTitles: [String]
        /// O*NET-SOC occupation code, e.g. `27-2012.01`.
        public var onet: String?
        public var reportsTo: [Located]
        public var supervises: [Located]
        /// Peers the role works alongside without a reporting line (role slugs).
        public var worksWith: [Located]
        public var stages: [String]
        public var duties: [String]
        public var skills: [Located]
        public var requirements: Requirements
        /// Comparison dimension values by dimension key.
        public var attributes: [String: String]
        /// Where each attribute key was written (to report undeclared dimensions).
        var attributeLocations: [String: SourceLocation]
        /// Ordered steps into the role.
        public var careerPath: [String]
        public var compareWith: [Located]
        public var related: [Located]
        public var sources: [Source]
        /// `YYYY-MM-DD`.
        public var updated: String?
        public var draft: Bool
        /// The Markdown body.
        public var body: String
        /// The file line the body starts on.
        public var bodyFirstLine: Int
    }

    private final class Box: Sendable {
        let fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private let box: Box

    /// A role with these values.
    public init(_ fields: Fields) { box = Box(fields) }

    /// All values of the role.
    public var fields: Fields { box.fields }

    public static func == (lhs: Role, rhs: Role) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    public var slug: String { box.fields.slug }
    public var contentPath: String { box.fields.contentPath }
    public var file: String { box.fields.file }
    public var title: String { box.fields.title }
    public var summary: String { box.fields.summary }
    public var department: String? { box.fields.department }
    public var media: [String] { box.fields.media }
    public var alternateTitles: [String] { box.fields.alternateTitles }
    public var onet: String? { box.fields.onet }
    public var reportsTo: [Located] { box.fields.reportsTo }
    public var supervises: [Located] { box.fields.supervises }
    public var worksWith: [Located] { box.fields.worksWith }
    public var stages: [String] { box.fields.stages }
    public var duties: [String] { box.fields.duties }
    public var skills: [Located] { box.fields.skills }
    public var requirements: Requirements { box.fields.requirements }
    public var attributes: [String: String] { box.fields.attributes }
    var attributeLocations: [String: SourceLocation] { box.fields.attributeLocations }
    public var careerPath: [String] { box.fields.careerPath }
    public var compareWith: [Located] { box.fields.compareWith }
    public var related: [Located] { box.fields.related }
    public var sources: [Source] { box.fields.sources }
    public var updated: String? { box.fields.updated }
    public var draft: Bool { box.fields.draft }
    public var body: String { box.fields.body }
    public var bodyFirstLine: Int { box.fields.bodyFirstLine }
}
