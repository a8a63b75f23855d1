/// Earlier addresses of a role or page (`aliases:` in front matter), kept alive by redirect
/// pages so outside links survive a rename.
package enum Alias {
    /// The aliases written under `aliases:`: role slugs (`slugsOnly`), or a page's earlier URLs
    /// relative to the site root (`about-us/`, `/guides/old/`), written back as `about-us/`.
    package static func read(_ root: YAMLMapping, fields: inout YAMLFields, slugsOnly: Bool) -> [Role.Located] {
        fields.stringList("aliases", in: root).compactMap { value, location in
            if slugsOnly {
                guard Slug.isValid(value) else {
                    fields.report(.error("alias '\(value)' must be an earlier slug of the role, e.g. '\(Slug.make(value))'", at: location))
                    return nil
                }
                return Role.Located(value: value, location: location)
            }
            let segments = value.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
            guard !segments.isEmpty, segments.allSatisfy(Slug.isValid) else {
                fields.report(.error("alias '\(value)' must be an earlier URL of the page below the site root, e.g. 'about-us/'", at: location))
                return nil
            }
            return Role.Located(value: segments.joined(separator: "/") + "/", location: location)
        }
    }
}
