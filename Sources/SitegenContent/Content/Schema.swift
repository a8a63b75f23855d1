import SitegenSupport

/// The role fields a site declares in `sitegen.yml` under `schema:` (SPEC §3), and where the
/// default theme shows them. The core fields every role has (title, summary, duties, the
/// reporting lines, skills …) are not declared; everything else a handbook records about a
/// role is: a hospital's licence and wards, a school's subjects, a software
/// company's level.
package struct Schema: Sendable, Hashable {
    /// What a declared field holds.
    package enum FieldType: String, Sendable, Hashable, CaseIterable {
        /// One line of text.
        case text
        /// Markdown text, shown as HTML.
        case markdown
        /// A list of texts.
        case list
        /// A date written `YYYY-MM-DD`.
        case date
        /// An `http://` or `https://` URL.
        case url
        /// A number.
        case number
        /// One role, by its slug.
        case role
        /// Roles, by their slugs.
        case roles
        /// One term of a taxonomy: the field gets a page per term.
        case term
        /// Terms of a taxonomy.
        case terms

        /// Whether a role may give several values.
        package var isList: Bool { self == .list || self == .roles || self == .terms }
        /// Whether the values are taxonomy terms (with pages of their own).
        package var isTaxonomy: Bool { self == .term || self == .terms }
        /// Whether the values are role slugs.
        package var isReference: Bool { self == .role || self == .roles }
        /// Whether `values:` may close the set.
        package var acceptsValues: Bool { self == .text || self == .list || self == .term || self == .terms }
    }

    /// One declared field.
    package struct Field: Sendable, Hashable {
        /// The front-matter key and the name templates use (`department`).
        package var key: String
        package var type: FieldType
        /// What pages call it (`Department`).
        package var label: String
        /// A sentence for authors and table headers.
        package var help: String?
        /// Whether every role must give it.
        package var required: Bool
        /// The closed set of values, when there is one.
        package var values: [String]?
        /// The taxonomy's URL folder (`department` → `/department/`), for term fields.
        package var url: String
        /// The mapping of role front matter the value is written in (`in: requirements` reads
        /// `requirements: {education: …}`); nil for a top-level key.
        package var group: String?
        /// The schema.org `Occupation` property the role page's JSON-LD gives it
        /// (`educationRequirements`), if any.
        package var schemaOrg: String?
        /// Where it is declared.
        package var location: SourceLocation?
    }

    /// The declared fields, in declaration order.
    package var fields: [Field] {
        didSet {
            types = Self.types(of: fields)
            markdownKeys = fields.filter { $0.type == .markdown }.map(\.key)
        }
    }
    /// The type of each declared field, by key (looked up for every field of every role on
    /// every page).
    package private(set) var types: [String: FieldType] = [:]
    /// The keys of the `markdown` fields, in order (asked for every role and pair).
    package private(set) var markdownKeys: [String] = []
    /// The built-in skills taxonomy's label, help and URL folder, when the site gives them
    /// (`skills: {type: terms, label: Fähigkeiten, url: faehigkeiten}` under `fields:`).
    package var skills: Field? = nil
    /// The at-a-glance box of role pages, in order.
    package var glance: [String]
    /// The requirements section of role and duty pages.
    package var requirements: [String]
    /// The rows of every comparison table.
    package var compare: [String]
    /// The columns of the all-roles matrix on the comparison hub.
    package var matrix: [String]
    /// What role cards show, and the columns of the roles list.
    package var cards: [String]
    /// The search facets.
    package var facets: [String]
    /// The field that groups the home page, if any.
    package var groupBy: String?

    /// The schema of a site that declares none: the core fields in their usual places.
    package static let standard = Schema(
        fields: [], skills: nil, glance: ["alternate_titles", "reports_to", "supervises", "works_with"], requirements: [],
        compare: ["reports_to", "supervises"], matrix: [], cards: [], facets: ["skills"], groupBy: nil)

    /// The core fields a placement may name, with the key of their label in the language
    /// file. `skills` is the built-in taxonomy.
    package static let placeableCoreFields: [(key: String, labelWord: String)] = [
        ("alternate_titles", "label_also_called"), ("reports_to", "label_reports_to"), ("supervises", "label_supervises"),
        ("works_with", "label_works_with"), ("skills", "label_skills"), ("onet", "label_onet"), ("updated", "label_updated"),
    ]

    /// The schema.org `Occupation` properties of text a declared field may fill.
    package static let schemaOrgProperties = ["educationRequirements", "experienceRequirements", "qualifications"]

    /// The built-in taxonomy every site has.
    package static let skillsKey = "skills"

    package init(
        fields: [Field], skills: Field?, glance: [String], requirements: [String], compare: [String], matrix: [String], cards: [String],
        facets: [String], groupBy: String?
    ) {
        self.fields = fields
        self.skills = skills
        self.glance = glance
        self.requirements = requirements
        self.compare = compare
        self.matrix = matrix
        self.cards = cards
        self.facets = facets
        self.groupBy = groupBy
        types = Self.types(of: fields)
        markdownKeys = fields.filter { $0.type == .markdown }.map(\.key)
    }

    private static func types(of fields: [Field]) -> [String: FieldType] {
        Dictionary(fields.map { ($0.key, $0.type) }, uniquingKeysWith: { first, _ in first })
    }

    /// The declared field called `key`.
    package func field(_ key: String) -> Field? { fields.first { $0.key == key } }

    /// The type of the declared field called `key`.
    package func type(of key: String) -> FieldType? { types[key] }

    /// The mappings of role front matter that hold declared fields (`requirements`), in order.
    package var groups: [String] {
        var seen: Set<String> = []
        return fields.compactMap(\.group).filter { seen.insert($0).inserted }
    }

    /// The declared fields whose values are taxonomy terms, in declaration order.
    package var taxonomyFields: [Field] { fields.filter(\.type.isTaxonomy) }

    /// Every name a placement may use: the declared fields and the placeable core fields.
    package var placeableNames: [String] { fields.map(\.key) + Self.placeableCoreFields.map(\.key) }

    /// Mixes the whole schema (a role's parse depends on it).
    package func combine(into hasher: inout DigestHasher) {
        hasher.combine(fields.count)
        for field in fields {
            hasher.combine(field.key)
            hasher.combine(field.type.rawValue)
            hasher.combine(field.label)
            hasher.combine(field.help ?? "")
            hasher.combine(field.required ? 1 : 0)
            hasher.combine(field.values ?? ["\u{0}none"])
            hasher.combine(field.url)
            hasher.combine(field.schemaOrg ?? "")
            hasher.combine(field.group ?? "")
        }
        if let skills {
            hasher.combine([skills.label, skills.help ?? "", skills.url])
        }
        for list in [glance, requirements, compare, matrix, cards, facets, groupBy.map { [$0] } ?? []] { hasher.combine(list) }
    }

    /// The schema's digest.
    package var digest: Digest {
        var hasher = DigestHasher()
        combine(into: &hasher)
        return hasher.finalize()
    }
}
