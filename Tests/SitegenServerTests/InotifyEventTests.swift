import Glibc
import Testing

@testable import SitegenServer

/// Parsing inotify's raw records and applying them to the watch table.
struct InotifyEventTests {
    static func flag(_ value: some BinaryInteger) -> UInt32 { UInt32(truncatingIfNeeded: value) }

    @Test func recordsAreSplitWithTheirPaddedNames() {
        let events = [
            InotifyEvent(watch: 1, mask: Self.flag(IN_CREATE), cookie: 0, name: "producer.md"),
            InotifyEvent(watch: 2, mask: Self.flag(IN_MOVED_FROM), cookie: 7, name: "a-rather-long-file-name.md"),
            InotifyEvent(watch: 2, mask: Self.flag(IN_DELETE_SELF), cookie: 0, name: ""),
        ]
        let bytes = events.flatMap { $0.encoded() }
        #expect(InotifyEvent.parse(bytes) == events)
    }

    @Test func truncatedRecordEndsTheList() {
        let first = InotifyEvent(watch: 1, mask: Self.flag(IN_CLOSE_WRITE), cookie: 0, name: "a.md")
        let second = InotifyEvent(watch: 1, mask: Self.flag(IN_CLOSE_WRITE), cookie: 0, name: "b.md")
        let bytes = first.encoded() + second.encoded().dropLast(3)
        #expect(InotifyEvent.parse(bytes) == [first])
        #expect(InotifyEvent.parse([]) == [])
    }

    @Test func maskHelpersReadTheFlags() {
        let folderCreated = InotifyEvent(watch: 1, mask: Self.flag(IN_CREATE) | Self.flag(IN_ISDIR), cookie: 0, name: "x")
        #expect(folderCreated.isFolder && folderCreated.isArrival && !folderCreated.isDeparture)
        let overflow = InotifyEvent(watch: -1, mask: Self.flag(IN_Q_OVERFLOW), cookie: 0, name: "")
        #expect(overflow.isOverflow)
    }

    @Test func overflowBecomesAnOverflowEvent() throws {
        let folder = try TemporaryFolder()
        try folder.makeFolder("Content")
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        defer { close(descriptor) }
        var table = WatchTable(descriptor: descriptor, roots: [folder.path("Content")])
        let overflow = InotifyEvent(watch: -1, mask: Self.flag(IN_Q_OVERFLOW), cookie: 0, name: "")
        #expect(table.apply(overflow) == [.overflow])
    }

    @Test func eventsForUnknownWatchesAreDropped() throws {
        let folder = try TemporaryFolder()
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        defer { close(descriptor) }
        var table = WatchTable(descriptor: descriptor, roots: [folder.path("Content")])
        #expect(table.apply(InotifyEvent(watch: 999, mask: Self.flag(IN_CREATE), cookie: 0, name: "a.md")).isEmpty)
    }
}
