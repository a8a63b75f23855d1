import Foundation
import SitegenContent
import SitegenRender

/// Reads a site's `Templates/` folder from disk and makes its theme: each file in it takes the
/// place of the built-in file of the same path.
enum ThemeLoader {
    /// The theme of a site. `folder` is the site's `Templates/` (nil or missing for the
    /// built-in theme only); `display` turns a theme path into the path shown in diagnostics.
    static func load(folder: URL?, display: (String) -> String) -> (Theme?, [Diagnostic]) {
        var sources = Theme.builtInFiles
        if let folder, FileManager.default.fileExists(atPath: folder.path) {
            for path in ContentLoader.listFiles(under: folder) {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else { continue }
                sources[path] = (data, display(path))
            }
        }
        return Theme.make(sources)
    }
}
