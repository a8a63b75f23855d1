import Foundation

/// The incremental build: the files of pages whose fingerprints are unchanged since the last
/// build, and whose files the output still holds exactly as that build left them, are
/// hard-linked into the staging folder; only the other pages are rendered (with only their
/// Markdown) and checked. Everything before rendering (loading through the content cache,
/// resolving, planning) runs in full, so every cross-check and every list of the site is
/// current.
extension BuildPipeline {
    /// Fills `staging` from the `previous` build's files and the stale jobs of `plan`, and
    /// returns the stamp of every file. Returns nil when the update cannot be checked on its
    /// own (the caller then renders everything): a file of the last build that pages may
    /// link to is gone, or a changed page lost an element id that unchanged pages may link to.
    func update(_ plan: Plan, previous: [String: PageCache.Entry], staging: OutputStaging, steps: inout Steps) throws(BuildFailure) -> [FileStamp?]? {
        let planned = Set(plan.jobs.map(\.path))
        if previous.contains(where: { !$0.value.mayVanish && !planned.contains($0.key) }) { return nil }
        let carried = try plan.jobs.parallelMap { job -> Result<FileStamp?, BuildFailure> in
            guard let fingerprint = job.fingerprint, let entry = previous[job.path], entry.fingerprint == fingerprint else { return .success(nil) }
            return Result { () throws(BuildFailure) in try staging.carry(job.path, expected: entry.stamp) }
        }.map { result throws(BuildFailure) in try result.get() }
        let stale = plan.jobs.indices.filter { carried[$0] == nil }
        let jobs = stale.map { plan.jobs[$0] }
        let context = try renderMarkdown(plan, only: Set(jobs.flatMap(\.documents)), steps: &steps)
        _ = try steps.run(4) { (plan.jobs, plan.jobProblems) }
        let files = jobs.parallelMap { $0.make(context) }
        let problems = context.problems.diagnostics
        if problems.containsErrors { throw BuildFailure(step: Self.steps[4], diagnostics: problems) }
        if options.checkLinks {
            guard let diagnostics = checkLinks(files, plan: plan, staging: staging) else { return nil }
            _ = try steps.run(5) { ((), diagnostics) }
        }
        try steps.checkStrict(options.strict)
        var stamps = carried
        for (index, file) in zip(stale, files) {
            stamps[index] = try staging.place(file)
        }
        return stamps
    }

    /// The link check of the changed files, against every planned path and, for links to
    /// elements of unchanged pages, against those pages as the staging folder holds them. Nil
    /// when a changed page no longer has an id its previous version had.
    private func checkLinks(_ files: [OutputFile], plan: Plan, staging: OutputStaging) -> [Diagnostic]? {
        let previousIDs = { @Sendable (path: String) in staging.previous.contents(of: path).map { HTMLScanner.scan($0).ids } }
        let pages = files.filter(\.isHTML).parallelMap { LinkChecker.summary(of: $0) }
        let lostAnID = pages.parallelMap { page in previousIDs(page.path).map { !$0.isSubset(of: page.ids) } ?? false }
        if lostAnID.contains(true) {
            return nil
        }
        let checker = LinkChecker(basePath: SiteFiles.basePath(plan.context.site.config.baseURL))
        let targets = LinkChecker.Targets(outputPaths: Set(plan.jobs.map(\.path)))
        let results = pages.parallelMap { checker.check($0, targets: targets) }
        var ids: [String: Set<String>] = [:]
        for page in pages { ids[page.path] = page.ids }
        return results.flatMap(\.diagnostics)
            + checker.check(results.flatMap(\.elsewhere)) { ids[$0] ?? staging.contents(of: $0).map { HTMLScanner.scan($0).ids } }
    }
}
