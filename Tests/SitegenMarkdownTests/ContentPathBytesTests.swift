import Testing

@testable import SitegenMarkdown

/// Path arithmetic on bytes gives what splitting `Character`s gave.
@Suite struct ContentPathBytesTests {
    // The functions as they were first written, on Characters.
    static func referenceResolve(_ relative: String, against base: String) -> String? {
        var parts = base.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for piece in relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch piece {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(piece)
            }
        }
        var result = parts.joined(separator: "/")
        let endsInFolder =
            relative.hasSuffix("/") || relative.hasSuffix("/.") || relative.hasSuffix("/..") || relative == "." || relative == ".."
        if endsInFolder && !result.isEmpty { result += "/" }
        return result
    }

    static func referenceDirectory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    static func referenceRelativeLink(from: String, to: String) -> String {
        let fromDirs = referenceDirectory(of: from).split(separator: "/").map(String.init)
        let toParts = to.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let toDirs = Array(toParts.dropLast())
        let toLeaf = toParts.last ?? ""
        var common = 0
        while common < fromDirs.count, common < toDirs.count, fromDirs[common] == toDirs[common] { common += 1 }
        let ups = Array(repeating: "..", count: fromDirs.count - common)
        let downs = Array(toDirs[common...]) + (toLeaf.isEmpty ? [] : [toLeaf])
        let joined = (ups + downs).joined(separator: "/")
        if joined.isEmpty { return "./" }
        return toLeaf.isEmpty ? joined + "/" : joined
    }

    static func referenceRootPrefix(forPageURL url: String) -> String {
        let depth = referenceDirectory(of: url).split(separator: "/").count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }

    /// Random short paths made of segments that matter to path arithmetic.
    static func paths(_ count: Int, seed: UInt64) -> [String] {
        let pieces = ["a", "b", "ab", ".", "..", "", "x.md", "é", "e\u{301}", "...", ".a"]
        var generator = SplitMix(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined(separator: "/")
        }
    }

    @Test func resolvingMatchesTheCharacterVersion() {
        let relatives = Self.paths(600, seed: 1)
        let bases = Self.paths(40, seed: 2).map { $0.isEmpty ? "" : $0 + "/" } + ["", "roles/", "roles/a/", "/", "a//b/"]
        for base in bases {
            for relative in relatives {
                #expect(ContentPath.resolve(relative, against: base) == Self.referenceResolve(relative, against: base), "\(relative) against \(base)")
            }
        }
    }

    @Test func relativeLinksAndFoldersMatchTheCharacterVersion() {
        let paths = Self.paths(150, seed: 3) + ["", "roles/a/", "roles/a/duties/", "404.html", "skills/é/"]
        for from in paths {
            #expect(ContentPath.directory(of: from) == Self.referenceDirectory(of: from))
            #expect(ContentPath.rootPrefix(forPageURL: from) == Self.referenceRootPrefix(forPageURL: from))
            for to in paths {
                #expect(ContentPath.relativeLink(from: from, to: to) == Self.referenceRelativeLink(from: from, to: to), "\(from) → \(to)")
            }
        }
    }

    @Test func aSlashBeforeACombiningMarkIsNotASeparator() {
        #expect(ContentPath.resolve("a/\u{301}b", against: "roles/") == "roles/a/\u{301}b")
        #expect(ContentPath.directory(of: "a/\u{301}b") == "")
    }
}

/// SplitMix64, for reproducible generated inputs.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
