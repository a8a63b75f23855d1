import Foundation
import Testing

@testable import SitegenCache
@testable import SitegenSupport

/// The cache file all incremental state lives in, and the digest it is keyed by.
@Suite struct CachePackTests {
    /// A scratch folder, removed by `remove()`.
    struct TestSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-cache-test-\(UUID().uuidString)")
        static func make() throws -> TestSite {
            let site = TestSite()
            try FileManager.default.createDirectory(at: site.root, withIntermediateDirectories: true)
            return site
        }
        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func pack(_ site: TestSite) -> URL { site.root.appendingPathComponent("test.pack") }
    static let magic = "sitegen test pack 1\n"

    static func text(_ pack: CachePack, _ key: String, _ stamp: Digest) -> String? {
        pack.withPayload(key, stamp: stamp) { $0.string() }
    }

    static func payload(_ text: String) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(text)
        return writer.bytes
    }

    @Test func entriesAreFoundByKeyAndStampOnly() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let (one, two) = (Digest.of(Array("one".utf8)), Digest.of(Array("two".utf8)))
        CachePack.write([("a", one, Self.payload("first")), ("b", two, Self.payload("second"))], to: Self.pack(site), header: Self.magic)
        let pack = CachePack(contentsOf: Self.pack(site), header: Self.magic)
        #expect(pack.count == 2)
        #expect(Self.text(pack, "a", one) == "first")
        #expect(Self.text(pack, "a", two) == nil, "another stamp is another input")
        #expect(Self.text(pack, "c", one) == nil)
        #expect(CachePack(contentsOf: Self.pack(site), header: "another format\n").count == 0)
    }

    @Test func anAppendedEntryWinsAndATornAppendLosesOnlyItself() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let stamp = Digest.of(Array("s".utf8))
        CachePack.write([("a", stamp, Self.payload("old")), ("b", stamp, Self.payload("kept"))], to: Self.pack(site), header: Self.magic)
        CachePack.append([("a", stamp, Self.payload("new"))], to: Self.pack(site), header: Self.magic)
        var pack = CachePack(contentsOf: Self.pack(site), header: Self.magic)
        #expect(Self.text(pack, "a", stamp) == "new")
        #expect(pack.superseded == 1)
        CachePack.append([("c", stamp, Self.payload("torn"))], to: Self.pack(site), header: Self.magic)
        let data = try Data(contentsOf: Self.pack(site))
        try data.dropLast(5).write(to: Self.pack(site))
        pack = CachePack(contentsOf: Self.pack(site), header: Self.magic)
        #expect(Self.text(pack, "c", stamp) == nil)
        #expect(Self.text(pack, "a", stamp) == "new")
        #expect(Self.text(pack, "b", stamp) == "kept")
    }

    @Test func aFlippedByteFailsOnlyItsEntry() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let stamp = Digest.of(Array("s".utf8))
        CachePack.write([("a", stamp, Self.payload("alpha")), ("b", stamp, Self.payload("bravo"))], to: Self.pack(site), header: Self.magic)
        var data = try Data(contentsOf: Self.pack(site))
        data[data.range(of: Data("alpha".utf8))!.lowerBound] ^= 0x01
        try data.write(to: Self.pack(site))
        let pack = CachePack(contentsOf: Self.pack(site), header: Self.magic)
        #expect(Self.text(pack, "a", stamp) == nil)
        #expect(Self.text(pack, "b", stamp) == "bravo")
    }

    /// Found by the cache fuzz target: two keys Swift's `==` takes as equal (one name in NFC
    /// and in NFD) shared one index entry, and the first of them never read back.
    @Test func keysThatDifferOnlyInUnicodeNormalizationAreTwoEntries() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let (composed, decomposed) = ("caf\u{E9}.md", "cafe\u{301}.md")
        let (one, two) = (Digest.of(Array("one".utf8)), Digest.of(Array("two".utf8)))
        CachePack.write([(composed, one, Self.payload("composed")), (decomposed, two, Self.payload("decomposed"))], to: Self.pack(site), header: Self.magic)
        let pack = CachePack(contentsOf: Self.pack(site), header: Self.magic)
        #expect(pack.count == 2 && pack.superseded == 0)
        #expect(Self.text(pack, composed, one) == "composed")
        #expect(Self.text(pack, decomposed, two) == "decomposed")
        #expect(Self.text(pack, composed, two) == nil)
        #expect(Set(pack.keys.map { Array($0.utf8) }) == [Array(composed.utf8), Array(decomposed.utf8)])
        // Storing a fresh entry for one keeps the other.
        pack.store(fresh: [(decomposed, one, Self.payload("fresh"))], live: [composed, "x"], to: Self.pack(site), header: Self.magic)
        let stored = CachePack(contentsOf: Self.pack(site), header: Self.magic)
        #expect(Self.text(stored, composed, one) == "composed")
        #expect(Self.text(stored, decomposed, one) == "fresh")
    }

    /// Found by the cache fuzz target (a leak under the address sanitizer): Foundation's read
    /// of an empty file leaks its buffer, so a file shorter than the header is not read at all.
    @Test func aFileShorterThanTheHeaderIsAnEmptyPack() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        for bytes in ["", "sitegen"] {
            try Data(bytes.utf8).write(to: Self.pack(site))
            #expect(CachePack(contentsOf: Self.pack(site), header: Self.magic).count == 0)
        }
        CachePack.write([("a", .zero, Self.payload("after"))], to: Self.pack(site), header: Self.magic)
        #expect(Self.text(CachePack(contentsOf: Self.pack(site), header: Self.magic), "a", .zero) == "after")
    }

    /// A FIFO in place of a pack is no pack; reading it would block the build.
    @Test func aFIFOInPlaceOfAPackIsReadAsEmptyWithoutBlocking() async throws {
        let site = try TestSite.make()
        defer { site.remove() }
        let path = Self.pack(site).path
        #expect(mkfifo(path, 0o644) == 0)
        let done = Flag()
        let read = Task.detached {
            let count = CachePack(contentsOf: URL(fileURLWithPath: path), header: Self.magic).count
            done.set()
            return count
        }
        var waited = 0
        while waited < 100, !done.isSet {
            try await Task.sleep(nanoseconds: 50_000_000)
            waited += 1
        }
        let blocked = !done.isSet
        if blocked {
            // Give a blocked open its writer and an end of file, so the test ends either way.
            let writer = open(path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        #expect(!blocked, "reading a FIFO pack blocked")
        #expect(await read.value == 0)
    }

    /// Set once, from any thread.
    final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }

    @Test func digestsSeparateWhatWasCombined() {
        func digest(_ parts: [String]) -> Digest {
            var hasher = DigestHasher()
            for part in parts { hasher.combine(part) }
            return hasher.finalize()
        }
        #expect(digest(["ab", "c"]) != digest(["a", "bc"]))
        #expect(digest(["a"]) != digest(["a", ""]))
        #expect(digest(["same"]) == digest(["same"]))
        // Every length around the 8-byte step, and one changed byte at every position.
        var seen = Set<Digest>()
        for length in 0..<40 {
            let bytes = [UInt8](repeating: 0x61, count: length)
            seen.insert(Digest.of(bytes))
            for position in 0..<length {
                var changed = bytes
                changed[position] = 0x62
                seen.insert(Digest.of(changed))
            }
        }
        #expect(seen.count == 40 + (0..<40).reduce(0, +))
    }

    @Test func aPackNeverGrowsPastTwiceItsLiveEntries() throws {
        let site = try TestSite.make()
        defer { site.remove() }
        // One document edited a hundred times: each version is a new key, the old ones dead.
        var pack = CachePack()
        var largest = 0
        for version in 0..<100 {
            let key = "version-\(version)"
            let live: Set<String> = ["other-1", "other-2", "other-3", key]
            var fresh: [CachePack.Entry] = [(key, Digest.of(Array(key.utf8)), Self.payload(key))]
            if version == 0 { fresh += ["other-1", "other-2", "other-3"].map { ($0, Digest.of(Array($0.utf8)), Self.payload($0)) } }
            pack.store(fresh: fresh, live: live, to: Self.pack(site), header: Self.magic)
            pack = CachePack(contentsOf: Self.pack(site), header: Self.magic)
            largest = max(largest, pack.entryCount)
            for name in live { #expect(Self.text(pack, name, Digest.of(Array(name.utf8))) == name) }
        }
        #expect(largest <= 16, "at most max(2 × live, 16) entries, got \(largest)")
    }
}
