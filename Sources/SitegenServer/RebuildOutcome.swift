/// What a rebuild reports back to the server.
public enum RebuildOutcome: Sendable, Equatable {
    /// The new site was written and swapped in: open pages reload.
    case success
    /// The build failed and the previous site is still in place: open pages show
    /// `diagnostics` (plain text, already formatted, no terminal colours) until the next success.
    case failure(diagnostics: String)
}
