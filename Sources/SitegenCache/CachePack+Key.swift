extension CachePack {
    /// A key as its bytes. Keys are file paths, and Swift's `==` on strings is canonical
    /// equivalence, under which "café.md" in NFC and in NFD are one string where a file system
    /// holds two names: as index keys they would share one entry, and the one whose bytes the
    /// index kept would never read back (its checksum is of the other's bytes).
    struct Key: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        static func == (one: Key, other: Key) -> Bool { one.text.utf8.elementsEqual(other.text.utf8) }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}
