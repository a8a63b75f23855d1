#if canImport(Glibc)
    import Glibc
#endif

/// One record read from an inotify descriptor: the watch (folder) it came from, what happened,
/// and the entry's name inside that folder (empty for events about the folder itself).
struct InotifyEvent: Sendable, Equatable {
    /// The watch descriptor `inotify_add_watch` returned for the folder (-1 for an overflow).
    var watch: Int32
    /// `IN_*` bits.
    var mask: UInt32
    /// Pairs a `MOVED_FROM` with its `MOVED_TO`.
    var cookie: UInt32
    /// The entry's name inside the watched folder.
    var name: String

    /// `struct inotify_event` without its name: wd, mask, cookie, len.
    static let headerSize = 16

    /// The events sitegen listens for on every watched folder.
    static let watchMask: UInt32 =
        [IN_CLOSE_WRITE, IN_MOVED_TO, IN_MOVED_FROM, IN_CREATE, IN_DELETE, IN_DELETE_SELF, IN_ONLYDIR, IN_EXCL_UNLINK]
        .reduce(0) { $0 | UInt32(truncatingIfNeeded: $1) }

    /// True when `flag` (an `IN_*` constant) is set.
    func has(_ flag: some BinaryInteger) -> Bool { mask & UInt32(truncatingIfNeeded: flag) != 0 }

    /// The entry is a folder.
    var isFolder: Bool { has(IN_ISDIR) }
    /// The kernel queue overflowed and events were lost.
    var isOverflow: Bool { has(IN_Q_OVERFLOW) }
    /// The watch is gone (its folder was deleted, or the watch removed).
    var isWatchGone: Bool { has(IN_IGNORED) }
    /// The entry appeared: created, or moved in.
    var isArrival: Bool { has(IN_CREATE) || has(IN_MOVED_TO) }
    /// The entry went away: deleted, or moved out.
    var isDeparture: Bool { has(IN_DELETE) || has(IN_MOVED_FROM) }
    /// The entry was written and closed.
    var isWrite: Bool { has(IN_CLOSE_WRITE) }

    /// Splits the bytes one `read` returned into events. Pure: a record cut short ends the list.
    static func parse(_ bytes: [UInt8]) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let length = Int(word(bytes, at: offset + 12))
            let end = offset + headerSize + length
            guard end <= bytes.count else { break }
            let name = bytes[(offset + headerSize)..<end].prefix { $0 != 0 }
            events.append(
                InotifyEvent(
                    watch: Int32(bitPattern: word(bytes, at: offset)), mask: word(bytes, at: offset + 4),
                    cookie: word(bytes, at: offset + 8), name: String(decoding: name, as: UTF8.self)))
            offset = end
        }
        return events
    }

    /// The raw record for this event, as the kernel lays it out (used by tests).
    func encoded(paddedTo alignment: Int = 16) -> [UInt8] {
        var nameBytes = Array(name.utf8)
        if !nameBytes.isEmpty {
            nameBytes.append(0)
            while nameBytes.count % alignment != 0 { nameBytes.append(0) }
        }
        var bytes: [UInt8] = []
        for word in [UInt32(bitPattern: watch), mask, cookie, UInt32(nameBytes.count)] {
            withUnsafeBytes(of: word) { bytes.append(contentsOf: $0) }
        }
        return bytes + nameBytes
    }

    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
    }
}
