import SitegenContent
import SitegenRender
import SitegenSupport

/// A tag or attribute name folded to ASCII lowercase and packed into two words and its length,
/// so that the names the link check knows are found with one hash lookup. Names longer than
/// 16 bytes are none of them.
struct HTMLNameKey: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var length: UInt8 = 0

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else { return nil }
        length = UInt8(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            let folded = UInt64(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte)
            if offset < 8 { low |= folded << (8 * offset) } else { high |= folded << (8 * (offset - 8)) }
        }
    }

    init(_ name: String) {
        var name = name
        self = name.withUTF8 { HTMLNameKey($0)! }
    }

    /// A cheap mix of the words (the standard library's seeded hashing costs more than the
    /// rest of reading a tag).
    var mixed: UInt64 {
        var hash = low &* 0x9E37_79B9_7F4A_7C15
        hash ^= (high &+ UInt64(length)) &* 0xC2B2_AE3D_27D4_EB4F
        return hash ^ (hash >> 29)
    }
}

/// A hash table keyed by `HTMLNameKey` with open addressing and `mixed` as the hash.
struct HTMLNameTable<Value: Sendable>: Sendable {
    private var keys: [HTMLNameKey?]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 16) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        keys = Array(repeating: nil, count: capacity)
        values = Array(repeating: nil, count: capacity)
        mask = capacity - 1
    }

    init(_ entries: [(HTMLNameKey, Value)]) {
        self.init(minimumCapacity: entries.count * 2)
        for (key, value) in entries { self[key] = value }
    }

    private func slot(of key: HTMLNameKey) -> Int {
        var index = Int(truncatingIfNeeded: key.mixed >> 7) & mask
        while let found = keys[index], found != key { index = (index + 1) & mask }
        return index
    }

    subscript(key: HTMLNameKey) -> Value? {
        get { values[slot(of: key)] }
        set {
            let index = slot(of: key)
            if keys[index] == nil {
                guard newValue != nil else { return }
                if (count + 1) * 2 > keys.count {
                    grow()
                    self[key] = newValue
                    return
                }
                keys[index] = key
                count += 1
            }
            values[index] = newValue
        }
    }

    private mutating func grow() {
        var bigger = HTMLNameTable(minimumCapacity: keys.count)
        for (key, value) in zip(keys, values) {
            if let key, let value { bigger[key] = value }
        }
        self = bigger
    }
}

/// The elements whose tags matter to the link check: those with URL attributes of their own,
/// those after which the text is not markup, and those tree construction treats specially.
enum HTMLElement: String, CaseIterable {
    case other = ""
    case a, area, link, html, body, form, select, option, optgroup, hr, input, keygen, textarea, script, template, style, xmp
    case iframe, noembed, noframes, title, plaintext, svg, math, object, video, button, blockquote, q, del, ins, table, td, th, img
    case image, font, br, p, desc, mi, mo, mn, ms, mtext, mglyph, malignmark, frameset, noscript, applet, marquee
    case caption, colgroup, tbody, thead, tfoot, tr
    case foreignObject = "foreignobject"
    case annotationXML = "annotation-xml"
    // Void elements (they hold nothing).
    case base, col, embed, meta, param, source, track, wbr, basefont, bgsound, frame
    // The rest of the elements that end SVG or MathML when met inside it.
    case b, big, center, code, dd, div, dl, dt, em, h1, h2, h3, h4, h5, h6, head, i, li, listing, menu, nobr, ol, pre, ruby, s
    case small, span, strong, strike, sub, sup, tt, u, ul, `var`

    private static let byKey = HTMLNameTable(allCases.filter { $0 != .other }.map { (HTMLNameKey($0.rawValue), $0) })

    init(_ name: UnsafeBufferPointer<UInt8>) {
        self = HTMLNameKey(name).flatMap { Self.byKey[$0] } ?? .other
    }

    /// Holds nothing: no end tag follows.
    var isVoid: Bool {
        switch self {
        case .area, .base, .br, .col, .embed, .hr, .img, .image, .input, .keygen, .link, .meta, .param, .source, .track, .wbr, .basefont,
            .bgsound, .frame:
            true
        default: false
        }
    }

    /// A start tag in the body after which a `<frameset>` no longer replaces it (`<input>`
    /// unless hidden).
    var rulesOutFrames: Bool {
        switch self {
        case .pre, .listing, .li, .dd, .dt, .button, .applet, .marquee, .object, .table, .area, .br, .embed, .img, .image, .keygen, .wbr,
            .input, .hr, .textarea, .xmp, .iframe, .select, .body:
            true
        default: false
        }
    }

    /// A formatting element (its end tag runs the adoption agency).
    var isFormatting: Bool {
        switch self {
        case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u: true
        default: false
        }
    }

    /// A part of a table that is dropped outside one.
    var isTablePart: Bool {
        switch self {
        case .td, .th, .tr, .caption, .tbody, .thead, .tfoot, .col, .colgroup: true
        default: false
        }
    }

    /// A start tag that, met inside SVG or MathML, closes it (`<font>` only with `color`,
    /// `face` or `size`).
    var endsForeignContent: Bool {
        switch self {
        case .b, .big, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .em, .embed, .h1, .h2, .h3, .h4, .h5, .h6, .head,
            .hr, .i, .img, .li, .listing, .menu, .meta, .nobr, .ol, .p, .pre, .ruby, .s, .small, .span, .strong, .strike, .sub, .sup,
            .table, .tt, .u, .ul, .var:
            true
        default: false
        }
    }
}

/// The attribute names the link check reads.
enum HTMLAttributeName: String, CaseIterable {
    case id, name, href, src, srcset, imagesrcset, action, formaction, poster, data, cite, background, ping, manifest
    case encoding, color, face, size, type
    case xlinkHref = "xlink:href"

    private static let byKey = HTMLNameTable(allCases.map { (HTMLNameKey($0.rawValue), $0) })

    init?(_ name: UnsafeBufferPointer<UInt8>) {
        // Every name above is 2 to 11 bytes long.
        guard name.count >= 2, name.count <= 11, let key = HTMLNameKey(name), let known = Self.byKey[key] else { return nil }
        self = known
    }
}
