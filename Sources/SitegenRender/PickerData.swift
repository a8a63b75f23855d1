import SitegenContent
import SitegenMarkdown
import SitegenSupport
import Synchronization

/// The comparison picker's data (`assets/compare.js`, on `/compare/` and on every role page):
/// what it needs to show any two (or three) roles side by side as a pair page shows them,
/// split so that a comparison loads a few kilobytes at any size of site. Scripts that fill one
/// global, so that they load from `file://` as well as from a host:
///
/// - `compare/compare-data.js`, the manifest: `SITEGEN_COMPARE.manifest = {"format":
///   "sitegen-compare", "version": 2, "words": {…}, "rows": [label…], …}` and either, on a site
///   whose role list is short (`listLimit`), `"roles": [[slug, title, file]…]` (every role, in
///   the site's order), or `"names": [[boundary, file]…]`, the index of the name files (a
///   file's boundary sorts after every key of the files before it and not after any of its
///   own; the first's is ""), and `"find": file`, the index of the word files in that form.
/// - Role files `compare/r.<name>.js`: consecutive roles (in the site's order) of about 4 to
///   8 KB, `[{"slug", "title", "url", "cells": [text per row], "duties": [[text, key]…],
///   "skills": [[name, url]…], "pages": [[other slug, url, 1 when this role is the page's
///   first]…]}…]`.
/// - Name files `compare/n.<name>.js` and word files `compare/w.<name>.js`, of 8 to 16 KB
///   (their index `compare/x.<name>.js`, loaded only when the reader types):
///   `[[slug, title, file]…]`, sorted by key (UTF-8 bytes): in a name file the slug, in a word
///   file the title's words (`words(of:)`) from one of them on, joined by spaces: a role is
///   there once for each word of its title (`"head nurse"`, `"nurse"`).
///
/// Every file but the manifest is named by the digest of its JSON and fills the slot of that
/// name: `SITEGEN_COMPARE.files["r.<name>"] = …`; a `file` above is such a name. The rows and
/// split keys are computed with the pair pages' own functions: two duties with the same key are
/// the same duty, two skills with the same URL the same skill. URLs are relative to the site
/// root. The role files hold nothing of a role's body, so a body edit changes no file here.
package enum PickerData: PageKind {
    /// Where the manifest goes.
    package static let path = "compare/compare-data.js"
    /// The folder of every file of the picker's data.
    package static let folder = "compare/"
    /// The version of the format; a change that breaks the script raises it.
    package static let formatVersion = 2
    /// The words the script shows, written into the manifest.
    package static let wordKeys = [
        "pair_title", "pair_caption", "aspect", "duties", "skills", "shared", "only", "none", "none_in_common", "picker_page", "picker_link",
        "picker_same", "trio_title", "trio_caption", "shared_all", "only_two", "picker_pages", "picker_third_same",
    ]
    /// Bytes of roles past which a role file ends at a role picked by its slug's digest (so an
    /// edit moves no later boundary), and past which it always ends.
    package static let fileTarget = 4_000
    package static let fileLimit = 8_000
    /// The same for name and word files: twice as large, so that the manifest's index of them
    /// stays small (at 10k roles a title is in four word files, 4 MB of them).
    package static let indexTarget = 8_000
    package static let indexLimit = 16_000
    /// Most bytes of the role list the manifest carries itself; a longer one is split into name
    /// and word files.
    package static let listLimit = 24_000
    /// What every file begins with: the one global they fill.
    static let preamble = "var SITEGEN_COMPARE=window.SITEGEN_COMPARE=window.SITEGEN_COMPARE||{files:{}};"

    package static func pages(_ context: RenderContext) -> [PageSpec] {
        guard isOffered(context.site) else { return [] }
        // The files are kept under what they are made from: the site's fields (not its bodies).
        var hasher = DigestHasher()
        hasher.combine("picker")
        hasher.combine(formatVersion)
        for key in wordKeys { hasher.combine([key, context.words[key]]) }
        hasher.combine(context.contentDigest ?? .zero)
        let key = hasher.finalize()
        // Made once, when a file is needed: a warm build plans the files from their paths,
        // kept in the cache, and takes them over without making any.
        let made = Mutex<[String: OutputFile]?>(nil)
        let files = { @Sendable () -> [String: OutputFile] in
            made.withLock { made in
                if made == nil { made = Dictionary(Self.files(context).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first }) }
                return made!
            }
        }
        return context.cachedPaths("picker-files", key, files: files).map { path in
            // The manifest keeps its name and changes with the site; a file named by its
            // content is the same file while its name is.
            let isManifest = path == Self.path
            return PageSpec.data(path: path, inputs: isManifest ? key : Digest.of(text: path), mayVanish: !isManifest) { _ in
                files()[path] ?? OutputFile(path: path, text: "")
            }
        }
    }

    /// Whether the site has a picker: it needs two roles to compare.
    package static func isOffered(_ site: Site) -> Bool { site.roleCount >= 2 }
}
