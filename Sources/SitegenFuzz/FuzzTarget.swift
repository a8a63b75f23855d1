import SitegenContent
import SitegenRender
import SitegenSupport

/// The fuzz targets: each takes any bytes and traps (the failure libFuzzer reports) when a
/// property of sitegen's parsers does not hold for them.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// Front matter split and YAML composer: the composer on libyaml's events gives the node
    /// Yams composes, or leaves the text to Yams; splitting a file with CR LF line breaks gives
    /// what its LF twin gives; parsing a role or a page never crashes.
    case frontMatter = "front-matter"
    /// Template parser and renderer: parsing and rendering never crash and stop; a template
    /// without tags renders as itself; rendering twice gives the same bytes.
    case template
    /// The Markdown worker wire protocol: decoding any bytes never crashes, and what decodes
    /// encodes back to bytes that decode to the same value.
    case wire
    /// The HTML scanner of the link check, its template patterns and the link check itself:
    /// never crash, and agree with properties any HTML reading must have.
    case html
    /// The cache pack reader: any bytes read without trapping, in bounded time and memory; a
    /// pack the writer wrote, then cut short or damaged anywhere, reads back only entries that
    /// were written (exactly those before a cut), and stores fresh entries readably.
    case cache

    /// The target `main` chose (libFuzzer's callback takes no context).
    nonisolated(unsafe) static var selected = FuzzTarget.html

    func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch self {
        case .frontMatter: FrontMatterFuzz.run(bytes)
        case .template: TemplateFuzz.run(bytes)
        case .wire: WireFuzz.run(bytes)
        case .html: HTMLFuzz.run(bytes)
        case .cache: CacheFuzz.run(bytes)
        }
    }
}

/// Stops the run with `message` when `condition` is false (in every build configuration).
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError(message()) }
}
