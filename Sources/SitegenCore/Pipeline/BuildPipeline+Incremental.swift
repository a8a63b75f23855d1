import Foundation

/// The incremental build: only the pages whose fingerprints changed since the last build are
/// rendered (with only their Markdown), checked in memory, and then replaced in the output
/// one by one. Everything before rendering (loading through the content cache, resolving,
/// planning) runs in full, so every cross-check and every list of the site is current.
extension BuildPipeline {
    /// Updates the output in place from the `stale` jobs of `plan`. Returns nil, having
    /// written nothing, when the update cannot be checked on its own: a changed page lost an
    /// element id that unchanged pages may link to.
    func update(_ plan: Plan, stale: [Int], removed: [String], cache: PageCache, steps: inout Steps) throws(BuildFailure) -> BuildReport? {
        guard let token = cache.token else { return nil }
        let jobs = stale.map { plan.jobs[$0] }
        let context = try renderMarkdown(plan, only: Set(jobs.flatMap(\.documents)), steps: &steps)
        _ = try steps.run(4) { (plan.jobs, plan.jobProblems) }
        let files = jobs.parallelMap { $0.make(context) }
        let problems = context.problems.diagnostics
        if problems.containsErrors { throw BuildFailure(step: Self.steps[4], diagnostics: problems) }
        if options.checkLinks {
            guard let diagnostics = checkLinks(files, plan: plan) else { return nil }
            _ = try steps.run(5) { ((), diagnostics) }
        }
        try steps.checkStrict(options.strict)
        steps.start(6)
        let update = OutputUpdate(destination: options.output)
        try update.apply(files)
        update.remove(removed)
        cache.update(plan.jobs, stale: stale, removed: removed, token: token)
        return Self.report(plan.jobs, warnings: steps.warnings)
    }

    /// The link check of the changed files, against every planned path and, for links to
    /// elements of unchanged pages, against those pages as the output holds them. Nil when a
    /// changed page no longer has an id its previous version had.
    private func checkLinks(_ files: [OutputFile], plan: Plan) -> [Diagnostic]? {
        let output = options.output.path + "/"
        let previousIDs = { @Sendable (path: String) in FileManager.default.contents(atPath: output + path).map { HTMLScanner.scan($0).ids } }
        let pages = files.filter(\.isHTML).parallelMap { LinkChecker.summary(of: $0) }
        let lostAnID = pages.parallelMap { page in previousIDs(page.path).map { !$0.isSubset(of: page.ids) } ?? false }
        if lostAnID.contains(true) {
            return nil
        }
        let checker = LinkChecker(basePath: SiteFiles.basePath(plan.context.site.config.baseURL), templates: plan.context.theme.templateLinks)
        let targets = LinkChecker.Targets(outputPaths: Set(plan.jobs.map(\.path)))
        let results = pages.parallelMap { checker.check($0, targets: targets) }
        var ids: [String: Set<String>] = [:]
        for page in pages { ids[page.path] = page.ids }
        return checker.collate(results.flatMap(\.diagnostics) + checker.check(results.flatMap(\.elsewhere)) { ids[$0] ?? previousIDs($0) })
    }
}
