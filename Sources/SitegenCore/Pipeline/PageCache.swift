import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the last build wrote to one output folder: every file's path with the fingerprint of
/// its page (`.sitegen-cache/<version>/pages-<output>.pack`). It is trusted only for the
/// output folder it was written for, as that build left it: each full build writes a new
/// token into the folder's `.sitegen-output` marker, and the manifest records it.
struct PageCache: Sendable {
    static let magic = "sitegen page manifest 1\n"
    /// The manifest entry that holds the token (no output path is empty).
    private static let tokenKey = ""
    /// Past this many changed pages, a full streaming build is cheaper than holding the
    /// changed pages in memory and replacing them one by one.
    static let maximumChangedPages = 2_000

    let url: URL
    let output: URL
    private let previous: CachePack
    /// The token the manifest is valid for, when the output still carries it (an in-place
    /// update keeps it).
    let token: Digest?
    private let checkLinks: Bool

    init(siteRoot: URL, output: URL, checkLinks: Bool) {
        let name = "pages-\(Digest.of(Array(output.standardizedFileURL.path.utf8))).pack"
        url = MarkdownCache(siteRoot: siteRoot).folder.appendingPathComponent(name)
        self.output = output
        self.checkLinks = checkLinks
        let previous = CachePack(contentsOf: url, magic: Self.magic)
        self.previous = previous
        let marker = (try? String(contentsOf: output.appendingPathComponent(OutputWriter.markerName), encoding: .utf8)) ?? ""
        let token = OutputWriter.token(inMarker: marker)
        self.token = token.flatMap { previous.stamp(of: Self.tokenKey) == Self.stamp($0, checkLinks: checkLinks) ? $0 : nil }
    }

    /// A fresh token for a full build.
    static func newToken() -> Digest { Digest(high: .random(in: .min ... .max), low: .random(in: .min ... .max)) }

    /// The jobs whose pages must be made again and the files of the last build to remove, or
    /// nil when the output cannot be updated in place: no valid manifest, a file of the last
    /// build that links may point at is gone from the plan (unchanged pages are not checked
    /// again), or too many pages changed.
    func staleJobs(_ jobs: [PageJob]) -> (stale: [Int], removed: [String])? {
        guard token != nil, previous.count > 1 else { return nil }
        // Paths are looked up below the output folder's descriptor, not from `/` each time.
        let folder = open(output.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        defer { close(folder) }
        let status = Array(jobs.indices).parallelMap { index -> (known: Bool, stale: Bool) in
            let recorded = previous.stamp(of: jobs[index].path)
            guard let fingerprint = jobs[index].fingerprint, recorded == fingerprint else { return (recorded != nil, true) }
            // A file removed from the output by hand is made again.
            return (true, faccessat(folder, jobs[index].path, F_OK, 0) != 0)
        }
        var removed: [String] = []
        // Every recorded file is still planned when as many planned ones were recorded.
        if status.lazy.filter(\.known).count != previous.count - 1 {
            let planned = Set(jobs.map(\.path))
            for key in previous.keys where key != Self.tokenKey && !planned.contains(key) {
                guard let stamp = previous.stamp(of: key), previous.withPayload(key, stamp: stamp, { $0.bool() }) == true else { return nil }
                removed.append(key)
            }
        }
        let indexes = jobs.indices.filter { status[$0].stale }
        return indexes.count > Self.maximumChangedPages ? nil : (indexes, removed.sorted())
    }

    /// Records the files of an in-place update: appends the entries of the jobs made again
    /// (unless removals or piled-up appends call for writing the manifest afresh).
    func update(_ jobs: [PageJob], stale: [Int], removed: [String], token: Digest) {
        guard removed.isEmpty, previous.superseded < previous.count else { return save(jobs, token: token) }
        CachePack.append(stale.map { (jobs[$0].path, jobs[$0].fingerprint ?? .zero, [jobs[$0].mayVanish ? 1 : 0]) }, to: url, magic: Self.magic)
    }

    /// Records the files of a successful build (best effort).
    func save(_ jobs: [PageJob], token: Digest) {
        var entries: [(key: String, stamp: Digest, payload: [UInt8])] = [(Self.tokenKey, Self.stamp(token, checkLinks: checkLinks), [])]
        entries.reserveCapacity(jobs.count + 1)
        for job in jobs { entries.append((job.path, job.fingerprint ?? .zero, [job.mayVanish ? 1 : 0])) }
        CachePack.write(entries, to: url, magic: Self.magic)
    }

    /// The manifest's token entry also records whether links were checked: pages of a build
    /// that did not check them are not trusted by one that does.
    private static func stamp(_ token: Digest, checkLinks: Bool) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(token)
        hasher.combine(checkLinks ? 1 : 0)
        return hasher.finalize()
    }
}
