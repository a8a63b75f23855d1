extension TemplateLibrary {
    /// Every name template `name` uses that a value of type `root` cannot provide, in the
    /// order the renderer would meet them; empty when there is no such template (a missing
    /// template or partial is a reference problem, reported on its own).
    ///
    /// Lookups follow Mustache's context stack: `root` is the bottom frame; a section over a
    /// list pushes the element type, over anything else the value itself (text and flags offer
    /// no names, so lookups fall through them); inverted sections push nothing. A name's first
    /// part is taken from the innermost frame that offers it (an `.any` frame offers every
    /// name); further dotted parts are looked up in that value's type. `{{.}}` is always fine.
    /// Partials are checked where they are included, and a child's block overrides where the
    /// block sits in its parent. Each tag's problem is reported once, in the template that
    /// holds the tag.
    public func checkNames(_ name: String, root: TemplateType) -> [TemplateNameProblem] {
        var checker = TemplateNameChecker(library: self, root: root)
        checker.check(name)
        return checker.problems
    }

    /// Every name tag that rendering template `name` can reach (its partials, parents and the
    /// block overrides that win), each tag once, in the order the renderer would meet them.
    public func usedNames(_ name: String) -> [TemplateNameUse] {
        var checker = TemplateNameChecker(library: self, root: .any)
        checker.check(name)
        return checker.uses
    }
}
