import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport
import SitegenTemplates

/// What `sitegen templates` prints: for each layout of a site, every name the layout can use,
/// with its type and a line of help, nested as sections see them. It is read off the same
/// view types the name check and the page fingerprints use, so it cannot go out of date.
extension BuildPipeline {
    /// The reference of every layout the site's pages use (or of `layout` alone).
    public func templateReference(layout only: String? = nil) throws(BuildFailure) -> String {
        var steps = Steps(progress: nil)
        var everyName = options
        everyName.allNames = true
        let plan = try BuildPipeline(options: everyName).prepare(&steps)
        var samples: [String: PageSpec] = [:]
        for spec in plan.specs { if let layout = spec.layout, samples[layout] == nil { samples[layout] = spec } }
        if let only, samples[only] == nil {
            let known = samples.keys.sorted().joined(separator: ", ")
            throw BuildFailure(step: .loadingTemplates, diagnostics: [.error("no page uses a layout '\(only)'; the layouts are \(known)", at: nil)])
        }
        // The declared fields' names are described by the schema.
        var declared: [String: String] = [:]
        for field in plan.context.site.config.schema.fields {
            declared[field.key] = "\(field.label): declared field, \(field.type.rawValue)" + (field.help.map { "; " + $0 } ?? "")
            if field.type == .term || field.type == .role { declared[field.key + "URL"] = "The page of the role's \(field.key), relative to the page" }
        }
        var text = ""
        for (layout, spec) in samples.sorted(by: { $0.key < $1.key }) where only == nil || only == layout {
            guard case .page(_, let makeView) = spec.content, case .object(let shape) = makeView(plan.context).templateType else { continue }
            let file = plan.context.theme.templateFiles[layout] ?? layout
            text += "\(layout) (\(file)): \(shape.name)\n"
            Self.describe(shape, depth: 1, declared: declared, into: &text)
            text += "\n"
        }
        return text
    }

    private static func describe(_ shape: TemplateShape, depth: Int, declared: [String: String], into text: inout String) {
        let indent = String(repeating: "  ", count: depth)
        let width = shape.fields.map(\.name.count).max() ?? 0
        for field in shape.fields {
            let padded = field.name.padding(toLength: width, withPad: " ", startingAt: 0)
            let help = field.help.isEmpty ? declared[field.name] ?? "" : field.help
            text += "\(indent)\(padded)  \(describe(field.type))\(help.isEmpty ? "" : " — " + help)\n"
            if let nested = object(in: field.type), depth < 6 { describe(nested, depth: depth + 1, declared: declared, into: &text) }
        }
    }

    private static func describe(_ type: TemplateType) -> String {
        switch type {
        case .text: "text"
        case .flag: "flag"
        case .any: "any value"
        case .object(let shape): shape.name.hasPrefix("the ") ? String(shape.name.dropFirst(4)) : shape.name
        case .list(let element): "list of " + describe(element)
        }
    }

    private static func object(in type: TemplateType) -> TemplateShape? {
        switch type {
        case .object(let shape): shape
        case .list(let element): object(in: element)
        default: nil
        }
    }
}
