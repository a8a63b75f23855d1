import Foundation
import SitegenCache
import SitegenContent
import SitegenRender
import SitegenSupport
import SitegenTemplates

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Rendering every planned file into the staging folder (or memory), and taking over the
/// files of the last build whose pages are unchanged.
///
/// A page's fingerprint is the digest of what its layout is given — every value of its view,
/// field by field — with the digest of the layout and every template it includes and of the
/// sitegen binary. A page with the fingerprint the last build recorded is byte for byte the
/// page that build wrote, so when the output still holds that file exactly as written (its
/// stamp), it is hard-linked into the new site instead of being rendered.
extension BuildPipeline {
    /// The last build's record of each planned file (nil when none are trusted), and the
    /// staging folder they are taken over into.
    struct Previous {
        var entries: [PageCache.Entry?]?
        let staging: OutputStaging
        /// The table the entries' reads number (`PageCache.reads`).
        var reads: [SiteRead] = []
    }

    /// What became of one planned file.
    struct Made: Sendable {
        /// The page's fingerprint (for a file made as it is, the digest of its bytes).
        var fingerprint: Digest?
        /// The digest of what the page is made from.
        var inputs: Digest? = nil
        /// What its view read of the roles, for a page that records it (`PageSpec.tracksReads`).
        var reads: PageReads? = nil
        /// The file as placed on disk (nil in memory).
        var stamp: FileStamp?
        /// Taken over from the last build rather than rendered.
        var carried: Bool
        /// Its view was built (or, for a file made from the site, the file made): what it is
        /// made from was not known to be the last build's.
        var built = false
        var diagnostics: [Diagnostic] = []
        var elsewhere: [LinkChecker.ElementLink] = []
        /// The element ids of a page rendered again (to tell whether it lost one).
        var ids: Set<String>?
        /// The stamp the last build recorded for a page with this fingerprint, until the file
        /// is taken over.
        var recorded: FileStamp?
    }

    /// Steps 4–6 for every file: renders (or takes over) them all on every core into `sink`,
    /// checking each page's links right after it is rendered, so no page is kept in memory.
    func renderAll(_ plan: Plan, previous: Previous?, steps: inout Steps, into sink: any FileSink) throws(BuildFailure) -> [Made] {
        let entries = previous?.entries
        // A page made from what the last build's page was made from is that page: neither its
        // view nor its Markdown is needed.
        // A page's links may point at any planned file but those only scripts load (search
        // shards, renamed whenever the index changes).
        let tracking = plan.inputs.tracking(
            paths: plan.order.order.compactMap { plan.specs[$0].mayVanish ? nil : plan.specs[$0].path }, table: previous?.reads ?? [],
            kept: resident?.readDigests)
        let keys = Array(plan.specs.indices).parallelMap { index in
            plan.inputs.key(of: plan.specs[index], tracking: tracking, reads: entries?[index]?.reads.map(PageReads.recorded))
        }
        let reusable = plan.specs.indices.map { index in
            keys[index] != nil && entries?[index].map { $0.inputs == keys[index] && $0.fingerprint != nil } == true
        }
        var needed: Set<String> = []
        for (spec, reuse) in zip(plan.specs, reusable) where !reuse { needed.formUnion(spec.documents) }
        let progress = steps.progress
        var context = try steps.run(.renderingMarkdown) { () -> (RenderContext?, [Diagnostic]) in
            let (context, diagnostics) = renderMarkdown(plan, needed: needed, into: plan.context, progress: progress)
            return (context, diagnostics)
        }
        let specs = try steps.run(.renderingPages) { (plan.specs, plan.specProblems) }
        let checker = LinkChecker(basePath: SiteFiles.basePath(context.site.config.baseURL), templates: TemplateLinks(templates: context.theme.templateSources))
        let targets = LinkChecker.Targets(sorted: plan.order.paths)
        let make = { @Sendable (index: Int, mayCarry: Bool, context: RenderContext) -> Result<Made, BuildFailure> in
            self.make(
                specs[index], key: keys[index], tracking: tracking, inputs: plan.inputs, context: context, previous: mayCarry ? entries?[index] : nil,
                keepIDs: entries != nil, checker: checker, targets: targets, numbering: plan.readTable, sink: sink)
        }
        let current = context
        let counter = StepCounter(.renderingPages, total: specs.count, progress: steps.progress)
        defer { counter.finish() }
        var made = try Array(specs.indices).parallelMap { index in
            defer { counter.advance() }
            return make(index, true, current)
        }.map { result throws(BuildFailure) in try result.get() }
        // Pages whose fingerprints are the last build's: their files are taken over together
        // (and a staging folder that began as the spare loses what the new site lacks).
        if let staging = previous?.staging {
            let stamps = try staging.settle(specs.indices.map { (specs[$0].path, made[$0].recorded) }, order: plan.order)
            var lost: [Int] = []
            for (index, stamp) in zip(made.indices, stamps) where made[index].recorded != nil {
                made[index].recorded = nil
                if let stamp {
                    made[index].stamp = stamp
                    made[index].carried = true
                } else {
                    lost.append(index)
                }
            }
            // A file not exactly as the manifest says (edited, replaced, gone) is made again,
            // with the Markdown its page shows.
            let missing = Set(lost.flatMap { specs[$0].documents }).subtracting(needed)
            if !missing.isEmpty {
                let (more, diagnostics) = renderMarkdown(plan, needed: missing, into: context)
                if diagnostics.containsErrors { throw BuildFailure(step: .renderingMarkdown, diagnostics: diagnostics) }
                context = more
            }
            let remaking = context
            let again = try lost.parallelMap { make($0, false, remaking) }.map { result throws(BuildFailure) in try result.get() }
            for (index, remade) in zip(lost, again) { made[index] = remade }
        }
        let problems = context.problems.diagnostics
        if problems.containsErrors { throw BuildFailure(step: .renderingPages, diagnostics: problems) }
        // Only an HTML page's links are checked, so only a page taken over unchecked may link
        // to an id a page rendered again lost (after a template edit, none is taken over:
        // reading every old page for its ids was a tenth of the build at 10k roles).
        let carriedPage = zip(specs, made).contains { spec, made in made.carried && spec.path.hasSuffix(".html") }
        if let previous, carriedPage, lostAnID(made, specs: specs, output: previous.staging.previous) {
            // Unchanged pages may link to the lost id: render and check everything.
            return try renderAll(plan, previous: Previous(entries: nil, staging: previous.staging, reads: previous.reads), steps: &steps, into: sink)
        }
        if options.checkLinks {
            _ = try steps.run(.checkingLinks) {
                let found = made.flatMap(\.diagnostics)
                let elsewhere = checker.check(made.flatMap(\.elsewhere)) { path in sink.contents(of: path).map { HTMLScanner.scan($0).ids } }
                return ((), checker.collate(found + elsewhere))
            }
        }
        try steps.checkStrict(options.strict)
        return made
    }

    /// Makes one planned file into `sink`, or, when its fingerprint is the one the last build
    /// recorded (`entry`), only notes the recorded stamp (the caller takes such files over together).
    private func make(
        _ spec: PageSpec, key: Digest?, tracking: PageInputs.Tracking?, inputs: PageInputs, context: RenderContext, previous entry: PageCache.Entry?,
        keepIDs: Bool, checker: LinkChecker, targets: LinkChecker.Targets, numbering: BuildReads, sink: any FileSink
    ) -> Result<Made, BuildFailure> {
        do throws(BuildFailure) {
            var made: Made
            let file: OutputFile
            switch spec.content {
            case .file(let ready):
                // A file made as it is, with the bytes the last build wrote, is that file.
                let fingerprint = ready.contents.withUnsafeBytes { Digest.of($0) }
                if let entry, entry.fingerprint == fingerprint {
                    return .success(Made(fingerprint: fingerprint, carried: false, recorded: entry.stamp))
                }
                made = Made(fingerprint: fingerprint, carried: false)
                file = ready
            case .data(let makeFile):
                if let entry, entry.inputs == key, let fingerprint = entry.fingerprint {
                    return .success(Made(fingerprint: fingerprint, inputs: key, carried: false, recorded: entry.stamp))
                }
                file = makeFile(context)
                made = Made(fingerprint: file.contents.withUnsafeBytes { Digest.of($0) }, inputs: key, carried: false, built: true)
            case .page(let layout, let makeView):
                // Made from what the last build's page was made from: the same page.
                if let entry, entry.inputs == key, let fingerprint = entry.fingerprint {
                    return .success(
                        Made(fingerprint: fingerprint, inputs: key, reads: entry.reads.map(PageReads.recorded), carried: false, recorded: entry.stamp))
                }
                // A page that records its reads is built with a log of them, and keyed by them.
                let log = spec.tracksReads && tracking != nil ? SiteReads() : nil
                var viewContext = context
                viewContext.site.reads = log
                let view = makeView(viewContext)
                let fingerprint = Self.fingerprint(of: view, layout: layout, theme: context.theme)
                let logged = log.map { Array($0.all) }
                let key = logged == nil ? key : inputs.key(of: spec, tracking: tracking, reads: logged.map(PageReads.new))
                let reads = logged.map { PageReads.numbered(numbering.numbers(of: $0)) }
                if let entry, entry.fingerprint == fingerprint {
                    return .success(Made(fingerprint: fingerprint, inputs: key, reads: reads, carried: false, built: true, recorded: entry.stamp))
                }
                made = Made(fingerprint: fingerprint, inputs: key, reads: reads, carried: false, built: true)
                file = context.render(spec, layout: layout, view: view)
            }
            if options.checkLinks && file.isHTML {
                let summary = LinkChecker.summary(of: file)
                (made.diagnostics, made.elsewhere) = checker.check(summary, targets: targets)
                if keepIDs { made.ids = summary.ids }
            }
            made.stamp = try sink.place(file)
            return .success(made)
        } catch {
            return .failure(error)
        }
    }

    /// Whether a page rendered again lacks an element id its previous version had.
    private func lostAnID(_ made: [Made], specs: [PageSpec], output: PreviousOutput) -> Bool {
        // By index: a copy of every page's record (35k at 10k roles) took longer than the scans.
        Array(made.indices).parallelMap { index -> Bool in
            guard let ids = made[index].ids, let old = output.contents(of: specs[index].path) else { return false }
            return !HTMLScanner.scan(old).ids.isSubset(of: ids)
        }.contains(true)
    }

    /// The fingerprint of a page: its view's values, its layout's templates and the binary.
    static func fingerprint(of view: PageView, layout: String, theme: Theme) -> Digest {
        var hasher = DigestHasher()
        hasher.combine(CacheFolder.binary)
        hasher.combine(layout)
        hasher.combine(theme.templateDigests[layout] ?? .zero)
        view.combine(into: &hasher)
        return hasher.finalize()
    }

}
