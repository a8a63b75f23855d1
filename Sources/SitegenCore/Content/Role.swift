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
