import SitegenContent
import SitegenRender
import SitegenSupport

/// A build step failed; the diagnostics say why.
public struct BuildFailure: Error, Sendable {
    /// The step that failed.
    public var step: BuildStep
    /// Everything that was found, errors and warnings.
    public var diagnostics: [Diagnostic]

    /// Creates a failure.
    public init(step: BuildStep, diagnostics: [Diagnostic]) {
        self.step = step
        self.diagnostics = diagnostics
    }
}
