import Yams

@testable import SitegenContent
@testable import SitegenCore
@testable import SitegenRender
@testable import SitegenSupport

/// Front matter split and YAML composer.
enum FrontMatterFuzz {
    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        // The loader refuses text that is not UTF-8 before any of this runs.
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let split = FrontMatter.parse(text, file: "x.md")
        if !LineBreaks.mayHaveOtherBreaks(bytes) {
            // The same file with CR LF line breaks: the same parts, the same lines.
            let twin = FrontMatter.parse(text.replacingOccurrences(of: "\n", with: "\r\n"), file: "x.md")
            switch (split, twin) {
            case (.success(let left), .success(let right)):
                require(left.hasFrontMatter == right.hasFrontMatter, "a CR LF twin changed whether there is front matter")
                if left.hasFrontMatter { require(left == right, "a CR LF twin split differently: \(left) vs \(right)") }
            case (.failure(let left), .failure(let right)):
                require(left == right, "a CR LF twin failed differently")
            default:
                fatalError("a CR LF twin split where the LF file did not, or the other way")
            }
        }
        if case .success(let parts) = split, parts.hasFrontMatter { compose(parts.yaml) }
        compose(text)
        _ = Role.parse(text, contentPath: "roles/x.md", file: "Content/roles/x.md")
        _ = Page.parse(text, contentPath: "about.md", file: "Content/about.md", titleRequired: true)
        _ = SiteConfig.parse(text, file: "sitegen.yml")
    }

    /// The composer gives Yams' node, or leaves the text to Yams.
    static func compose(_ yaml: String) {
        guard case .document(let node) = YAMLComposer.compose(yaml) else { return }
        let yams: YAMLNode??
        do {
            yams = .some(try Yams.compose(yaml: yaml, Resolver.basic, Constructor.default, .utf8).map(YAMLNode.init))
        } catch {
            fatalError("the composer accepted YAML that Yams rejects (\(error)): \(yaml.debugDescription)")
        }
        require(yams == .some(node), "the composer and Yams disagree on \(yaml.debugDescription)")
    }
}
