import SitegenContent
import SitegenRender
import SitegenSupport

/// How many elements of each name are open (counted by their start and end tags).
struct OpenElements {
    /// The standard's "special" HTML elements.
    static let special: Set<[UInt8]> = Set(
        """
        address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd details \
        dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html \
        iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript object ol p param plaintext \
        pre script search section select source style summary table tbody td template textarea tfoot th thead title tr track ul \
        wbr xmp
        """.split(separator: " ").map { Array($0.utf8) })

    private var short = HTMLNameTable<Int>()
    private var long: [[UInt8]: Int] = [:]

    mutating func open(_ name: UnsafeBufferPointer<UInt8>, atMostOne: Bool) {
        if let key = HTMLNameKey(name) {
            short[key] = atMostOne ? 1 : (short[key] ?? 0) + 1
        } else {
            let key = HTMLTreeState.lowercased(name, name.indices)
            long[key] = atMostOne ? 1 : long[key, default: 0] + 1
        }
    }

    /// Closes one element of the name; false when none is open.
    mutating func close(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        if let key = HTMLNameKey(name) {
            guard let count = short[key], count > 0 else { return false }
            short[key] = count - 1
        } else {
            let key = HTMLTreeState.lowercased(name, name.indices)
            guard let count = long[key], count > 0 else { return false }
            long[key] = count - 1
        }
        return true
    }
}
