import Foundation
import SitegenContent
import SitegenRender
import SitegenSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a site's `Templates/` folder from disk and makes its theme: each file in it takes the
/// place of the built-in file of the same path.
enum ThemeLoader {
    /// The theme of a site. `folder` is the site's `Templates/` (nil or missing for the
    /// built-in theme only); `display` turns a theme path into the path shown in diagnostics.
    static func load(folder: URL?, display: (String) -> String) -> (Theme?, [Diagnostic]) {
        var sources = Theme.builtInFiles
        var diagnostics: [Diagnostic] = []
        if let folder, FileManager.default.fileExists(atPath: folder.path) {
            let shownAs = display("").hasSuffix("/") ? String(display("").dropLast()) : display("")
            let listing = ContentLoader.listing(under: folder, siteRoot: folder.deletingLastPathComponent(), shownAs: shownAs)
            diagnostics += listing.problems
            // Assets are published under their names.
            diagnostics += ContentLoader.nameProblems(listing.paths.filter { $0.hasPrefix("assets/") }, shownAs: shownAs)
            for path in listing.paths {
                switch ContentLoader.read(folder.appendingPathComponent(path).path) {
                case .success(let bytes): sources[path] = (Data(bytes), display(path))
                case .failure(.system(ENOENT)): continue
                case .failure(let failure): diagnostics.append(failure.diagnostic(at: display(path)))
                }
            }
        }
        guard !diagnostics.containsErrors else { return (nil, diagnostics) }
        let (theme, found) = Theme.make(sources)
        return (theme, diagnostics + found)
    }
}
