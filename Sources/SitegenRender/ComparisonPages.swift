import SitegenContent
import SitegenMarkdown
import SitegenTemplates

/// `/compare/` (every role × every dimension, plus the pair list) and one
/// `/compare/<a>-vs-<b>/` per unordered pair.
package enum ComparisonPages: PageKind {
    /// A pair page shows its roles' fields, never their bodies (its search document reads
    /// the prose's body, which is not a role's).
    package static let plansWithoutRoleBodies = true

    package static func pages(_ context: RenderContext) -> [PageSpec] {
        let site = context.site
        let shared = SearchIndex.Shared(context)
        let pairs = site.pairs.compactMap { pair -> PageSpec? in
            guard let first = site.role(pair.first), let second = site.role(pair.second) else { return nil }
            let fieldDocuments = [first, second].flatMap { FieldValues.markdownDocuments(of: $0, schema: site.config.schema).map(\.path) }
            return .page(
                url: URLs.pair(pair), layout: "compare", source: pair.prose?.file ?? first.file,
                documents: (pair.prose.map { [$0.contentPath] } ?? []) + fieldDocuments, search: .pair(pair, first, second, shared: shared),
                tracksReads: true
            ) { context in
                // The roles are looked up by slug (`tracksReads`); the prose is not a role's.
                pairPage(pair, context.site.role(pair.first)!, context.site.role(pair.second)!, context: context)
            }
        }
        // The pair list and the matrix are split in pages of `page_size` (page n shows the
        // n-th part of each).
        let size = site.config.pageSize ?? Pagination.defaultPageSize
        let count = max(Pagination.split(site.pairs, size: size).count, Pagination.split(site.roles, size: size).count)
        let hubs = (1...count).map { number in
            PageSpec.page(url: Pagination.url(URLs.compare, page: number), layout: "compare-hub") { hub($0, page: number, of: count, size: size) }
        }
        return hubs + pairs
    }

    /// A link to a pair page, titled by the language's `pair_title` ("A vs B").
    package static func link(to pair: ComparisonPair, from url: String, context: RenderContext) -> LinkView {
        let site = context.site
        let names = ["first": site.role(pair.first)?.title ?? pair.first, "second": site.role(pair.second)?.title ?? pair.second]
        return LinkView(title: context.words.format("pair_title", names), url: ContentPath.relativeLink(from: url, to: URLs.pair(pair)))
    }

    private static func hub(_ context: RenderContext, page number: Int, of count: Int, size: Int) -> PageView {
        let site = context.site
        let url = Pagination.url(URLs.compare, page: number)
        let columns = site.config.schema.matrix
        let slice = { (total: Int) in min((number - 1) * size, total)..<min(number * size, total) }
        let matrix = site.roles[slice(site.roles.count)].map { role in
            ListView(
                title: role.title, summary: role.summary,
                values: [
                    "url": ContentPath.relativeLink(from: url, to: URLs.role(role.slug)),
                    "cells": columns.map { FieldValues.text($0, of: role, site: site) ?? "—" },
                ])
        }
        let dimensions = columns.map {
            FactView(label: FieldValues.label($0, site: site, words: context.words), value: "", help: FieldValues.help($0, site: site))
        }
        let view = ListView(
            title: Pagination.title(context.words["compare_title"], page: number, of: count, words: context.words),
            summary: context.words["compare_summary"],
            values: [
                "pager": Pagination.pager(URLs.compare, page: number, of: count, words: context.words),
                "pairs": LinksView(links: site.pairs[slice(site.pairs.count)].map { link(to: $0, from: url, context: context) }),
                "dimensions": dimensions,
                "dimensionCount": dimensions.count,
                "matrixCaption": context.words.count("matrix_caption", dimensions.count),
                "hasDimensionHelp": dimensions.contains { $0.help != nil },
                "hasMatrix": !dimensions.isEmpty,
                "matrix": matrix,
                // The picker keeps its pair in the first page's address (`compare/?a=…&b=…`).
                "picker": number == 1 && PickerData.isOffered(site)
                    ? [PickerView(from: url, role: nil, updatesAddress: true, pairs: site.pairs, context: context)] : [],
            ]
        )
        return context.view(url: url, title: view.title, description: view.summary, content: view)
    }

    private static func pairPage(_ pair: ComparisonPair, _ first: Role, _ second: Role, context: RenderContext) -> PageView {
        let site = context.site
        let url = URLs.pair(pair)
        let link = { (target: String) in ContentPath.relativeLink(from: url, to: target) }
        let skillLinks = { (role: Role) in
            role.skills.map { LinkView(title: $0.value, url: link(URLs.skill($0.value, site: site))) }
        }
        let summary = pair.prose?.summary ?? context.words.format("pair_summary", ["first": first.title, "second": second.title])
        let title = pair.prose?.title ?? context.words.format("pair_title", ["first": first.title, "second": second.title])
        var view = PairView(
            title: title, summary: summary,
            pairName: context.words.format("pair_title", ["first": first.title, "second": second.title]),
            caption: context.words.format("pair_caption", ["first": first.title, "second": second.title]),
            first: PairView.Side(role: first, url: link(URLs.role(first.slug)), dutiesURL: link(URLs.duties(first.slug)), words: context.words),
            second: PairView.Side(role: second, url: link(URLs.role(second.slug)), dutiesURL: link(URLs.duties(second.slug)), words: context.words),
            rows: rows(first, second, site: site, words: context.words),
            proseHTML: pair.prose.map { context.html($0.contentPath) },
            duties: SplitView.split(
                idPrefix: "duties", firstTitle: first.title, secondTitle: second.title,
                first: first.duties.map { LinkView(title: $0, url: "") },
                second: second.duties.map { LinkView(title: $0, url: "") }, key: normalisedDuty),
            skills: SplitView.split(
                idPrefix: "skills", firstTitle: first.title, secondTitle: second.title,
                first: skillLinks(first), second: skillLinks(second), key: site.skillSlug))
        if context.isUsed("firstRole") || context.isUsed("secondRole") {
            view.cards = ([RoleCardView(first, from: url, context: context)], [RoleCardView(second, from: url, context: context)])
        }
        return context.view(url: url, title: title, description: summary, content: view)
    }

    /// One row per field the schema compares (schema: compare), in its order.
    private static func rows(_ first: Role, _ second: Role, site: Site, words: Words) -> [ComparisonRowView] {
        let firstCells = cells(of: first, site: site)
        let secondCells = cells(of: second, site: site)
        return rowLabels(site: site, words: words).enumerated().map { index, label in
            ComparisonRowView(label: label, first: firstCells[index], second: secondCells[index])
        }
    }

    /// The labels of the side-by-side table's rows: the fields the schema compares, in order.
    package static func rowLabels(site: Site, words: Words) -> [String] {
        site.config.schema.compare.map { FieldValues.label($0, site: site, words: words) }
    }

    /// A role's column of the side-by-side table: its value of each compared field as text,
    /// "—" where it gives none.
    package static func cells(of role: Role, site: Site) -> [String] {
        site.config.schema.compare.map { FieldValues.text($0, of: role, site: site) ?? "—" }
    }

    /// Duties match when they are equal ignoring case, punctuation and spacing.
    package static func normalisedDuty(_ duty: String) -> String {
        if duty.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (almost every duty): letters lowercased and digits, on bytes.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(duty.utf8.count)
            for byte in duty.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): bytes.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var key = String.UnicodeScalarView()
        for scalar in duty.lowercased().unicodeScalars where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            key.append(scalar)
        }
        return String(key)
    }
}
