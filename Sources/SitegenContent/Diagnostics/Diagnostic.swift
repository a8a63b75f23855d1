/// One problem found in content, configuration or templates, printed like a compiler's:
/// `Content/roles/x.md:12:5: error: unknown role 'line-prodcer' in compare_with`.
public struct Diagnostic: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad a problem is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Fails the build.
        case error
        /// Reported; fails the build only in strict mode.
        case warning
    }

    /// How bad it is.
    public var severity: Severity
    /// Where it is; nil for problems that belong to no file.
    public var location: SourceLocation?
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// True for a problem of the machine, not of the site's text (a file that cannot be read):
    /// the command exits with 3, not 1.
    public var isEnvironmental = false

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// An error.
    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    /// An error of the machine (`isEnvironmental`): a file that cannot be read.
    public static func environmentError(_ message: String, at location: SourceLocation?) -> Diagnostic {
        var diagnostic = Diagnostic(.error, message, at: location)
        diagnostic.isEnvironmental = true
        return diagnostic
    }

    /// A warning.
    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// `file:line:col: error: message`.
    public var description: String {
        let prefix = location.map { "\($0): " } ?? ""
        return "\(prefix)\(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when any element is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// True when any element is an error of the machine rather than of the site.
    public var containsEnvironmentErrors: Bool { contains { $0.severity == .error && $0.isEnvironmental } }

    /// Sorted by location (problems without one last), then message, for stable output.
    public func sortedForDisplay() -> [Diagnostic] {
        sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case (let left?, let right?) where left != right: return left < right
            case (nil, _?): return false
            case (_?, nil): return true
            default: return lhs.message < rhs.message
            }
        }
    }
}
