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
