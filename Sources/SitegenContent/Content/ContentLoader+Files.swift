import Foundation
import SitegenSourceNames

#if canImport(Glibc)
    import Glibc
    private let systemRead = Glibc.read
#elseif canImport(Darwin)
    import Darwin
    private let systemRead = Darwin.read
#endif

/// How the loader lists and opens files: only regular files are read, and never with an open
/// that could wait (a FIFO is opened non-blocking and refused); a symbolic link is followed
/// when it leads to a file or folder inside the site folder and is an error otherwise; the
/// names `SourceNames` lists (dotfiles, editors' scratch files) are not sources.
extension ContentLoader {
    /// The files found below a folder, and what was wrong with the entries that are none.
    package struct Listing: Sendable {
        /// Paths relative to the folder, sorted.
        package var paths: [String] = []
        package var problems: [Diagnostic] = []
    }

    /// Why a file could not be read.
    package enum ReadFailure: Error, Equatable {
        /// The OS's reason (`errno`).
        case system(Int32)
        /// A FIFO, socket or device (what it is).
        case notRegular(String)
        /// A symbolic link whose target is outside the site folder.
        case leavesSite
        /// A symbolic link whose target does not exist.
        case danglingLink
        /// A symbolic link to a folder that holds it.
        case loop

        /// The sentence a diagnostic says.
        package var message: String {
            switch self {
            case .system(let code): ContentLoader.cannotRead(String(cString: strerror(code)))
            case .notRegular(let kind): ContentLoader.notRegular(kind)
            case .leavesSite: ContentLoader.leavesSite
            case .danglingLink: ContentLoader.danglingLink
            case .loop: ContentLoader.linkLoop
            }
        }

        /// Problems of the machine rather than of the site's text (exit code 3).
        package var isEnvironmental: Bool {
            switch self {
            case .system, .notRegular: true
            case .leavesSite, .danglingLink, .loop: false
            }
        }

        package func diagnostic(at file: String) -> Diagnostic {
            let location = SourceLocation(file: file)
            return isEnvironmental ? .environmentError(message, at: location) : .error(message, at: location)
        }
    }

    package static func cannotRead(_ reason: String) -> String { "cannot read file: \(reason)" }
    package static func notRegular(_ kind: String) -> String { "not a regular file (\(kind)); sitegen reads only regular files" }
    package static let leavesSite = "symbolic link leaves the site folder; sitegen follows links only to files and folders inside it"
    package static let danglingLink = "symbolic link to a file that does not exist"
    package static let linkLoop = "symbolic link to a folder that holds it; sitegen would read it forever"

    /// Every regular file below `folder` (a symbolic link counts as what it leads to, when that
    /// is inside `siteRoot`), relative to `folder`, sorted; the ignored names are left out.
    /// Entries that cannot be sources are problems, located at `shownAs` (the folder as
    /// diagnostics name it) followed by the entry's path.
    package static func listing(under folder: URL, siteRoot: URL, shownAs: String) -> Listing {
        var listing = Listing()
        let root = realPath(siteRoot.standardizedFileURL.path) ?? siteRoot.standardizedFileURL.path
        let start = folder.standardizedFileURL.path
        var walk = Walk(root: root, shownAs: shownAs)
        // The folder itself may be a link; it must stay inside the site too.
        if let real = realPath(start) {
            guard Walk.isInside(real, root) else {
                listing.problems.append(ReadFailure.leavesSite.diagnostic(at: shownAs))
                return listing
            }
            walk.visited.insert(real)
        }
        walk.collect(in: start, prefix: "")
        listing.paths = walk.paths.sorted()
        listing.problems = walk.problems
        return listing
    }

    /// `listing(under:siteRoot:shownAs:)` for a folder directly inside the site folder, without
    /// its problems.
    package static func listFiles(under folder: URL) -> [String] {
        listing(under: folder, siteRoot: folder.deletingLastPathComponent(), shownAs: folder.lastPathComponent).paths
    }

    private struct Walk {
        let root: String
        let shownAs: String
        var paths: [String] = []
        var problems: [Diagnostic] = []
        /// Real paths of the folders being walked (the current one and those around it): a
        /// link to one of them would loop.
        var visited: Set<String> = []

        func display(_ relative: String) -> String { shownAs + "/" + relative }

        static func isInside(_ path: String, _ root: String) -> Bool { path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/") }

        mutating func collect(in folder: String, prefix: String) {
            guard let directory = opendir(folder) else {
                if !prefix.isEmpty { problems.append(ReadFailure.system(errno).diagnostic(at: display(String(prefix.dropLast())))) }
                return
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(cString: raw.baseAddress!.assumingMemoryBound(to: CChar.self))
                }
                guard name != ".", name != "..", !SourceNames.isIgnored(name) else { continue }
                let full = folder + "/" + name
                let relative = prefix + name
                var type = Int32(entry.pointee.d_type)
                if type == Int32(DT_UNKNOWN) {
                    var info = stat()
                    guard lstat(full, &info) == 0 else { continue }
                    type = Self.directoryType(info.st_mode)
                }
                switch type {
                case Int32(DT_DIR): enter(full, real: realPath(full) ?? full, prefix: relative + "/")
                case Int32(DT_REG): paths.append(relative)
                case Int32(DT_LNK): follow(full, relative: relative)
                default: problems.append(ReadFailure.notRegular(Self.kind(type)).diagnostic(at: display(relative)))
                }
            }
        }

        private mutating func enter(_ folder: String, real: String, prefix: String) {
            guard visited.insert(real).inserted else {
                problems.append(ReadFailure.loop.diagnostic(at: display(String(prefix.dropLast()))))
                return
            }
            collect(in: folder, prefix: prefix)
            visited.remove(real)
        }

        /// A symbolic link: what it leads to, if that is inside the site folder.
        private mutating func follow(_ full: String, relative: String) {
            guard let real = realPath(full) else {
                problems.append(ReadFailure.danglingLink.diagnostic(at: display(relative)))
                return
            }
            guard Self.isInside(real, root) else {
                problems.append(ReadFailure.leavesSite.diagnostic(at: display(relative)))
                return
            }
            var info = stat()
            guard stat(real, &info) == 0 else {
                problems.append(ReadFailure.system(errno).diagnostic(at: display(relative)))
                return
            }
            switch Self.directoryType(info.st_mode) {
            case Int32(DT_DIR): enter(full, real: real, prefix: relative + "/")
            case Int32(DT_REG): paths.append(relative)
            case let type: problems.append(ReadFailure.notRegular(Self.kind(type)).diagnostic(at: display(relative)))
            }
        }

        static func directoryType(_ mode: mode_t) -> Int32 {
            switch mode & S_IFMT {
            case S_IFDIR: Int32(DT_DIR)
            case S_IFREG: Int32(DT_REG)
            case S_IFLNK: Int32(DT_LNK)
            case S_IFIFO: Int32(DT_FIFO)
            case S_IFSOCK: Int32(DT_SOCK)
            case S_IFCHR: Int32(DT_CHR)
            case S_IFBLK: Int32(DT_BLK)
            default: Int32(DT_UNKNOWN)
            }
        }

        static func kind(_ type: Int32) -> String {
            switch type {
            case Int32(DT_FIFO): "a FIFO"
            case Int32(DT_SOCK): "a socket"
            case Int32(DT_CHR): "a character device"
            case Int32(DT_BLK): "a block device"
            default: "of an unknown kind"
            }
        }
    }

    /// The path with every symbolic link resolved; nil when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The bytes of the file at `path`: one non-blocking `open` (a FIFO never makes it wait),
    /// a check that it is a regular file, then as few `read`s as its size needs. A symbolic
    /// link is followed only inside `siteRoot`, when one is given.
    package static func read(_ path: String, insideSite siteRoot: String? = nil) -> Result<[UInt8], ReadFailure> {
        if let siteRoot {
            var info = stat()
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                guard let real = realPath(path) else { return .failure(.danglingLink) }
                guard Walk.isInside(real, realPath(siteRoot) ?? siteRoot) else { return .failure(.leavesSite) }
            }
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return .failure(info.st_mode & S_IFMT == S_IFDIR ? .system(EISDIR) : .notRegular(Walk.kind(Walk.directoryType(info.st_mode))))
        }
        // A regular file never blocks, but clear the flag all the same.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        // One byte more than the size, so a file that grew is noticed and read to its end.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += repeatElement(0, count: bytes.count) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                return .failure(.system(errno))
            }
            if read == 0 { break }
            count += read
        }
        bytes.removeLast(bytes.count - count)
        return .success(bytes)
    }

    /// The bytes of a file, or nil when it cannot be read (see `read(_:insideSite:)`).
    package static func contents(atPath path: String) -> [UInt8]? { try? read(path).get() }
}

extension ContentLoader {
    package static func notAPageName(_ name: String, _ suggestion: String) -> String {
        "file name '\(SourceLocation.escaped(name))' cannot be part of a page's URL; use lowercase letters, digits and single hyphens, e.g. '\(suggestion)'"
    }

    package static func notAURLName(_ name: String, _ suggestion: String) -> String {
        "file name '\(SourceLocation.escaped(name))' cannot be a URL as it is; use letters, digits, '.', '_', '-' and '~', e.g. '\(suggestion)'"
    }

    /// Every file below `Content/` (and `Templates/assets/`) becomes a URL: a Markdown page's
    /// folders and name must be slugs (`guides/first-steps.md`; role files are checked by
    /// `Role.parse`), and every part of another file's path must be letters, digits, `.`, `_`,
    /// `-` or `~` (`images/Set_01.png`), so that no name needs escaping in a link, the sitemap or
    /// a diagnostic.
    package static func nameProblems(_ paths: [String], shownAs folder: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var reported: Set<String> = []
        for path in paths where !path.hasPrefix("roles/") {
            let segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let isPage = path.hasSuffix(".md")
            for (index, segment) in segments.enumerated() {
                let isLast = index == segments.count - 1
                let ok: Bool
                let suggestion: String
                if isPage {
                    let stem = isLast ? String(segment.dropLast(3)) : segment
                    // A folder's `_index.md` is its list page's text, not a page of its own.
                    ok = Slug.isValid(stem) || (isLast && segment == Page.folderIndexName)
                    suggestion = (Slug.make(stem).isEmpty ? "page" : Slug.make(stem)) + (isLast ? ".md" : "")
                } else {
                    ok = !segment.isEmpty && segment.utf8.allSatisfy(isURLSafe)
                    suggestion = String(decoding: segment.utf8.map { isURLSafe($0) ? $0 : UInt8(ascii: "-") }, as: UTF8.self)
                }
                guard !ok else { continue }
                // A bad folder name is reported once, at the folder.
                let shown = segments[...index].joined(separator: "/")
                guard reported.insert(shown).inserted else { break }
                let message = isPage ? notAPageName(segment, suggestion) : notAURLName(segment, suggestion)
                problems.append(.error(message, at: SourceLocation(file: folder + "/" + shown)))
                break
            }
        }
        return problems
    }

    private static func isURLSafe(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "~")
    }
}
