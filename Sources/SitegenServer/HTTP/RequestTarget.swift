import Foundation

/// A request path checked and split into names before anything touches the disk: no `.` or
/// `..` segment, no encoded separator, backslash, NUL or control character survives.
struct RequestTarget: Sendable, Equatable {
    /// Why a request path is refused.
    enum Rejection: Error, Sendable, Equatable {
        /// Malformed or an attempt to leave the folder: answered 400.
        case badRequest
        /// A dotfile or dot-folder (`/.sitegen-output`, `/.git/`): answered 404.
        case hidden
    }

    /// The decoded names, from the site root down.
    var components: [String]
    /// The path ended with `/` (or was `/`).
    var isFolder: Bool

    /// The canonical path for the target, percent-encoded, for a `Location` header: always
    /// one leading slash, so a redirect cannot turn into `//other-host/`.
    var urlPath: String {
        let encoded = components.map { $0.addingPercentEncoding(withAllowedCharacters: Self.segmentCharacters) ?? $0 }
        let path = "/" + encoded.joined(separator: "/")
        return isFolder && !components.isEmpty ? path + "/" : path
    }

    static let segmentCharacters = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;?#"))

    /// Checks and decodes `rawPath` (the request's path, still percent-encoded, without query).
    static func parse(_ rawPath: String) -> Result<RequestTarget, Rejection> {
        guard rawPath.hasPrefix("/") else { return .failure(.badRequest) }
        let lowered = rawPath.lowercased()
        // An encoded separator or NUL is never part of a page's path; refuse before decoding.
        for encoded in ["%2f", "%5c", "%00"] where lowered.contains(encoded) {
            return .failure(.badRequest)
        }
        guard let decoded = rawPath.removingPercentEncoding else { return .failure(.badRequest) }
        for scalar in decoded.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\\" {
            return .failure(.badRequest)
        }
        let components = decoded.split(separator: "/").map(String.init)
        if components.contains(where: { $0 == "." || $0 == ".." }) { return .failure(.badRequest) }
        if components.contains(where: { $0.hasPrefix(".") }) { return .failure(.hidden) }
        return .success(RequestTarget(components: components, isFolder: decoded.hasSuffix("/")))
    }
}
