import SitegenContent
import SitegenRender
import SitegenSupport

/// The steps of a build, in order, as printed in progress lines (`[3/7] Resolving the site`).
public enum BuildStep: Int, CaseIterable, Sendable, CustomStringConvertible {
    case loadingContent, loadingTemplates, resolving, renderingMarkdown, renderingPages, checkingLinks, writingOutput
    /// `--strict` turning the warnings of every step into errors (not a progress step).
    case checkingWarnings

    /// The steps every build goes through, in order.
    public static let progressSteps: [BuildStep] = [
        .loadingContent, .loadingTemplates, .resolving, .renderingMarkdown, .renderingPages, .checkingLinks, .writingOutput,
    ]

    /// The step's name.
    public var description: String {
        switch self {
        case .loadingContent: "Loading content"
        case .loadingTemplates: "Loading templates"
        case .resolving: "Resolving the site"
        case .renderingMarkdown: "Rendering Markdown"
        case .renderingPages: "Rendering pages"
        case .checkingLinks: "Checking links"
        case .writingOutput: "Writing output"
        case .checkingWarnings: "Checking warnings (--strict)"
        }
    }

    /// What a failure of this step is: a problem with the site's files, or with the machine
    /// (a full disk, a folder that cannot be written).
    public enum FailureKind: Sendable { case content, environment }

    /// The kind of failure this step's errors are.
    public var failureKind: FailureKind { self == .writingOutput ? .environment : .content }
}
