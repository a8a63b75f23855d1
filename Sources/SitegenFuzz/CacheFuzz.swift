import Foundation
import SitegenCache
import SitegenSupport

/// The cache pack reader and writer (`CachePack`).
///
/// An input that starts with `sitegen cache ` is a whole pack file (the seeds are the packs a
/// build of the shipped site leaves), read with its own first line as the header. Any other
/// input is a recipe: entries written by the writer (some appended), then the file damaged.
/// Either way the pack then stores a fresh entry by the caches' rule, and is read again.
enum CacheFuzz {
    static let recipeHeader = "sitegen cache fuzz\n"
    static let packPrefix = Array("sitegen cache ".utf8)
    /// The smallest entry: key length, stamp, payload length, checksum.
    static let smallestEntry = 8 + 16 + 8 + 16

    /// One pack file per process (libFuzzer's forks are processes), in memory where possible.
    static let file: URL = {
        let shm = URL(fileURLWithPath: "/dev/shm", isDirectory: true)
        let base = FileManager.default.fileExists(atPath: shm.path) ? shm : FileManager.default.temporaryDirectory
        let folder = base.appendingPathComponent("sitegen-cache-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("fuzz.pack")
    }()

    static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        if bytes.starts(with: packPrefix) {
            let header = bytes.firstIndex(of: 0x0A).map { String(decoding: bytes[...$0], as: UTF8.self) } ?? ""
            readAnything(Data(bytes), header: header)
        } else {
            writeThenDamage(bytes)
        }
    }

    /// Any bytes: every entry read back is intact (its checksum holds), and what reads back
    /// is written again to the same values.
    static func readAnything(_ data: Data, header: String) {
        let pack = CachePack(bytes: data, header: header)
        require(pack.count <= pack.entryCount, "more keys than entries")
        require(pack.entryCount * smallestEntry <= max(0, data.count - header.utf8.count), "more entries than the bytes can hold")
        var intact: [CachePack.Entry] = []
        for key in pack.keys.sorted() {
            guard let stamp = pack.stamp(of: key), let payload = pack.payload(key, stamp: stamp) else { continue }
            intact.append((key, stamp, payload))
        }
        guard !intact.isEmpty else { return }
        try? data.write(to: file)
        let mapped = CachePack(contentsOf: file, header: header)
        require(mapped.count == pack.count && mapped.entryCount == pack.entryCount, "the file reads otherwise than its bytes")
        CachePack.write(intact, to: file, header: header)
        let again = CachePack(contentsOf: file, header: header)
        require(again.isWhole && again.superseded == 0 && again.count == intact.count, "the intact entries did not write back whole")
        for entry in intact { require(again.payload(entry.key, stamp: entry.stamp) == entry.payload, "an intact entry did not write back") }
        checkStore(mapped, intact: intact, header: header)
    }

    /// Entries written (and appended) by the writer, then the file cut short or changed: every
    /// entry that reads back is one that was written; an untouched file reads back whole, one
    /// cut short loses exactly the entries the cut reaches into.
    static func writeThenDamage(_ bytes: UnsafeBufferPointer<UInt8>) {
        var recipe = Recipe(bytes)
        let header = recipeHeader
        let written = recipe.entries()
        let appended = recipe.byte() % UInt8(written.count + 1)
        let firstWrite = Array(written.dropLast(Int(appended)))
        CachePack.write(firstWrite, to: file, header: header)
        if appended > 0 { CachePack.append(Array(written.suffix(Int(appended))), to: file, header: header) }
        guard let original = try? Data(contentsOf: file) else { return require(false, "the writer wrote no file") }
        // Where each entry ends in the file as written.
        var ends: [Int] = []
        var offset = header.utf8.count
        for entry in written {
            offset += smallestEntry + entry.key.utf8.count + entry.payload.count
            ends.append(offset)
        }
        require(offset == original.count, "the file is not header + entries: \(original.count) bytes, \(offset) expected")
        let damaged = recipe.damage(original)
        try? damaged.write(to: file)
        let pack = CachePack(contentsOf: file, header: header)

        // Whatever reads back under a stamp was written under that key and stamp.
        var intact: [CachePack.Entry] = []
        for key in pack.keys.sorted() {
            guard let stamp = pack.stamp(of: key), let payload = pack.payload(key, stamp: stamp) else { continue }
            require(
                written.contains { same($0.key, key) && $0.stamp == stamp && $0.payload == payload },
                "entry \(key.debugDescription) reads back as something never written under its stamp")
            intact.append((key, stamp, payload))
        }
        for entry in written {
            if let payload = pack.payload(entry.key, stamp: entry.stamp) {
                require(
                    written.contains { same($0.key, entry.key) && $0.stamp == entry.stamp && $0.payload == payload },
                    "entry \(entry.key.debugDescription) reads back changed")
            }
        }
        // The bytes before the first changed one read as written.
        let unchanged = zip(original, damaged).prefix { $0 == $1 }.count
        if unchanged < header.utf8.count {
            require(pack.count == 0, "a pack whose header changed was read")
        } else {
            require(pack.entryCount >= ends.filter { $0 <= unchanged }.count, "an entry before the damage was lost")
        }
        if damaged.count <= original.count, unchanged == damaged.count, damaged.count >= header.utf8.count {
            // Untouched, or only cut short: exactly the entries wholly before the cut, the last
            // of each key winning.
            let complete = written.indices.filter { ends[$0] <= damaged.count }.map { written[$0] }
            var latest: [[UInt8]: CachePack.Entry] = [:]
            for entry in complete { latest[Array(entry.key.utf8)] = entry }
            require(pack.entryCount == complete.count && pack.count == latest.count, "a cut pack holds other entries than before the cut")
            let atBoundary = damaged.count == header.utf8.count || ends.contains(damaged.count)
            require(pack.isWhole == atBoundary, "a pack cut at \(damaged.count) of \(original.count) bytes reads as whole or torn wrongly")
            for entry in latest.values {
                require(pack.payload(entry.key, stamp: entry.stamp) == entry.payload, "entry \(entry.key.debugDescription) before the cut was lost")
            }
        }
        checkStore(pack, intact: intact, header: header)
    }

    /// Keys are file paths: the same key is the same bytes (Swift's `==` on strings is
    /// canonical equivalence, under which "café" in NFC and in NFD are one).
    static func same(_ one: String, _ other: String) -> Bool { one.utf8.elementsEqual(other.utf8) }

    /// Storing a fresh entry into the pack `previous` (read from `file`) by the caches' rule:
    /// afterwards the fresh entry reads back, and so does every intact entry kept live.
    static func checkStore(_ previous: CachePack, intact: [CachePack.Entry], header: String) {
        let fresh: CachePack.Entry = ("fresh", Digest.of(Array("fresh \(intact.count)".utf8)), Array("payload \(previous.entryCount)".utf8))
        let live = Set(intact.map(\.key) + [fresh.key])
        previous.store(fresh: [fresh], live: live, to: file, header: header)
        let stored = CachePack(contentsOf: file, header: header)
        require(stored.payload(fresh.key, stamp: fresh.stamp) == fresh.payload, "a stored entry does not read back")
        // (A `Set<String>` of live keys holds one of two names equal under `==`: the other is
        // not live.)
        for entry in intact where !same(entry.key, fresh.key) && live.contains(where: { same($0, entry.key) }) {
            require(stored.payload(entry.key, stamp: entry.stamp) == entry.payload, "storing lost the live entry \(entry.key.debugDescription)")
        }
    }
}

/// Reads a recipe from the fuzzer's bytes; past their end every value is zero.
struct Recipe {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return offset < bytes.count ? bytes[offset] : 0
    }

    mutating func short() -> Int { Int(byte()) << 8 | Int(byte()) }

    mutating func take(_ count: Int) -> [UInt8] { (0..<count).map { _ in byte() } }

    /// One to eight entries: keys from a few (so some repeat; two are one name in NFC and NFD,
    /// which Swift's `==` takes as equal and a file system as two files) or of the fuzzer's
    /// bytes, stamps from a few, payloads of up to 255 bytes.
    mutating func entries() -> [CachePack.Entry] {
        let names = ["a", "b", "roles/engineer.md", "", "fresh", "caf\u{E9}.md", "cafe\u{301}.md"]
        return (0...(byte() % 8)).map { _ in
            let choice = byte()
            let key = choice < 200 ? names[Int(choice) % names.count] : String(decoding: take(Int(choice % 16)), as: UTF8.self)
            let stamp = Digest(high: UInt64(byte() % 4), low: UInt64(byte()))
            return (key, stamp, take(Int(byte())))
        }
    }

    /// The file cut short, bytes flipped, overwritten, inserted or removed, at positions the
    /// recipe chooses.
    mutating func damage(_ original: Data) -> Data {
        var data = [UInt8](original)
        for _ in 0..<(byte() % 4) {
            let kind = byte() % 5
            let position = data.isEmpty ? 0 : short() % (data.count + 1)
            switch kind {
            case 0: data.removeLast(data.count - position)
            case 1 where position < data.count: data[position] ^= max(1, byte())
            case 2: for (index, value) in take(Int(byte() % 8) + 1).enumerated() where position + index < data.count { data[position + index] = value }
            case 3: data.insert(contentsOf: take(Int(byte() % 8) + 1), at: position)
            case 4: data.removeSubrange(position..<min(data.count, position + Int(byte() % 32) + 1))
            default: break
            }
        }
        return Data(data)
    }
}
