/// Walks a template the way the renderer would, with types instead of values: a stack of the
/// types sections put on the context stack, the block overrides of the parents being walked,
/// and partials and parents followed where they are included.
///
/// Each template is walked once for each distinct context it is included in (the context
/// stack without frames that repeat one above them, and the overrides in scope), so recursive
/// partials end and every tag's problem is found once.
struct TemplateNameChecker {
    /// The block overrides of one `{{<parent}}` tag and the template that holds them.
    private struct Overrides {
        var tag: Tag
        var blocks: [String: [TemplateNode]]
    }

    /// A tag in a template, to tell includes and problems apart.
    private struct Tag: Hashable {
        var template: String
        var position: TemplatePosition
    }

    /// A template walked in one context.
    private struct Visit: Hashable {
        var template: String
        var frames: [TemplateType]
        var overrides: [Tag]
    }

    let library: TemplateLibrary
    private(set) var problems: [TemplateNameProblem] = []
    private(set) var uses: [TemplateNameUse] = []
    private var frames: [TemplateType]
    private var sections: [String] = []
    private var overrides: [Overrides] = []
    private var visits: Set<Visit> = []
    private var used: Set<Tag> = []
    private var reported: Set<Tag> = []
    private var depth = 0

    init(library: TemplateLibrary, root: TemplateType) {
        self.library = library
        frames = [root]
    }

    /// Walks template `name` (nothing, if there is no such template).
    mutating func check(_ name: String) {
        guard let template = library.templates[name] else { return }
        visits.insert(Visit(template: name, frames: frames, overrides: []))
        check(template.nodes, in: name)
    }

    private mutating func check(_ nodes: [TemplateNode], in template: String) {
        for node in nodes {
            switch node {
            case .text, .escaping: break
            case .variable(let name, _):
                _ = resolve(name, in: template, as: .variable)
            case .section(let name, let children, let inverted):
                let type = resolve(name, in: template, as: inverted ? .invertedSection : .section)
                if inverted {
                    check(children, in: template)
                } else {
                    frames.append(type.sectionContext)
                    sections.append(name.text)
                    check(children, in: template)
                    frames.removeLast()
                    sections.removeLast()
                }
            case .partial(let name, _):
                include(name, overriding: nil)
            case .parent(let name, let blocks, _, let position):
                include(name, overriding: Overrides(tag: Tag(template: template, position: position), blocks: blocks))
            case .block(let name, let defaults, _):
                if let override = overrides.first(where: { $0.blocks[name] != nil }) {
                    guard depth < TemplateLibrary.maximumDepth else { continue }
                    depth += 1
                    check(override.blocks[name]!, in: override.tag.template)
                    depth -= 1
                } else {
                    check(defaults, in: template)
                }
            }
        }
    }

    private mutating func include(_ name: String, overriding blocks: Overrides?) {
        guard let template = library.templates[name], depth < TemplateLibrary.maximumDepth else { return }
        if let blocks { overrides.append(blocks) }
        if visits.insert(visit(name)).inserted {
            depth += 1
            check(template.nodes, in: name)
            depth -= 1
        }
        if blocks != nil { overrides.removeLast() }
    }

    /// The context `template` is walked in, reduced to what decides its lookups: a frame equal
    /// to one above it, or below an `.any` frame, never answers a lookup; an override equal to
    /// an outer one never wins.
    private func visit(_ template: String) -> Visit {
        var kept: [TemplateType] = []
        for frame in frames.reversed() where !kept.contains(frame) {
            kept.append(frame)
            if frame == .any { break }
        }
        var tags: [Tag] = []
        for override in overrides where !tags.contains(override.tag) { tags.append(override.tag) }
        return Visit(template: template, frames: kept.reversed(), overrides: tags)
    }

    // MARK: Lookup

    /// The type of `name` where it is used, recording the use and any problem; `.any` after a
    /// problem, so names inside a misspelled section are not reported too.
    private mutating func resolve(_ name: TemplateName, in template: String, as kind: TemplateNameUse.Kind) -> TemplateType {
        if used.insert(Tag(template: template, position: name.position)).inserted {
            uses.append(
                TemplateNameUse(
                    template: template, line: name.position.line, column: name.position.column, name: name.text, kind: kind, sections: sections))
        }
        guard let first = name.parts.first else { return frames[frames.count - 1] }
        guard var type = lookUp(first) else {
            let candidates = frames.reversed().flatMap { frame in frame.shape?.fields.map(\.name) ?? [] }
            let message =
                frames.reversed().lazy.compactMap(\.shape).first.map { TemplateNameProblem.missing(first, in: $0.name) }
                ?? TemplateNameProblem.nothingHere(first)
            report(name, in: template, message, TemplateNameSuggestion.closest(to: first, in: candidates))
            return .any
        }
        var path = first
        for part in name.parts.dropFirst() {
            switch type {
            case .any: return .any
            case .object(let shape):
                guard let field = shape.field(part) else {
                    let suggestion = TemplateNameSuggestion.closest(to: part, in: shape.fields.map(\.name))
                    report(name, in: template, TemplateNameProblem.missing(part, in: shape.name), suggestion)
                    return .any
                }
                type = field.type
            case .text, .flag, .list:
                report(name, in: template, TemplateNameProblem.notAnObject(path, type, part), nil)
                return .any
            }
            path += "." + part
        }
        return type
    }

    /// The type of `name` in the innermost frame that offers it.
    private func lookUp(_ name: String) -> TemplateType? {
        for frame in frames.reversed() {
            switch frame {
            case .any: return .any
            case .object(let shape): if let field = shape.field(name) { return field.type }
            case .text, .flag, .list: continue
            }
        }
        return nil
    }

    /// Records a problem, unless its tag already has one (from another context).
    private mutating func report(_ name: TemplateName, in template: String, _ message: String, _ suggestion: String?) {
        guard reported.insert(Tag(template: template, position: name.position)).inserted else { return }
        problems.append(
            TemplateNameProblem(
                template: template, line: name.position.line, column: name.position.column, name: name.text, message: message,
                suggestion: suggestion))
    }
}

extension TemplateType {
    /// The shape of an object type.
    fileprivate var shape: TemplateShape? {
        if case .object(let shape) = self { return shape }
        return nil
    }
}
