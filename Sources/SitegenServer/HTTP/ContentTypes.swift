import Foundation
import Hummingbird

/// The `Content-Type` of a served file, from Hummingbird's extension table, with
/// `charset=utf-8` on text (sitegen writes UTF-8).
enum ContentTypes {
    /// The header value for `path`.
    static func forPath(_ path: String) -> String {
        let fileExtension = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let type = MediaType.getMediaType(forExtension: fileExtension) else { return "application/octet-stream" }
        let textual = type.type == .text || ["json", "xml", "javascript", "manifest+json", "xhtml+xml", "svg+xml"].contains(type.subType)
        return textual ? "\(type.type)/\(type.subType); charset=utf-8" : type.description
    }

    /// True for pages: the files that get the live-reload script.
    static func isHTML(_ path: String) -> Bool {
        let fileExtension = URL(fileURLWithPath: path).pathExtension.lowercased()
        return fileExtension == "html" || fileExtension == "htm"
    }

    /// `text/html; charset=utf-8`.
    static let html = "text/html; charset=utf-8"
    /// `text/plain; charset=utf-8`.
    static let plainText = "text/plain; charset=utf-8"
    /// `text/javascript; charset=utf-8`.
    static let javaScript = "text/javascript; charset=utf-8"
    /// `text/event-stream; charset=utf-8`.
    static let eventStream = "text/event-stream; charset=utf-8"
}
