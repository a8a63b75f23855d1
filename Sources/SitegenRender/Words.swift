import SitegenContent
import SitegenSupport
import SitegenTemplates

/// The words the theme shows, in the site's language: every heading, label, caption and
/// message, from `Templates/i18n/<language>.yml` (the site's file over the built-in one).
/// Templates read them as `{{t.key}}`; page kinds format them with values.
package struct Words: Sendable {
    /// The language's code (`en`, `de`).
    package let language: String
    /// The text of each key.
    package let texts: [String: String]
    /// The digest of every key and text: what a page shows of them.
    package let digest: Digest

    package init(language: String, texts: [String: String]) {
        self.language = language
        self.texts = texts
        var hasher = DigestHasher()
        for key in texts.keys.sorted() {
            hasher.combine(key)
            hasher.combine(texts[key]!)
        }
        digest = hasher.finalize()
    }

    /// The text of `key` (the key itself when the language file lacks it, which the theme
    /// check reports).
    package subscript(_ key: String) -> String { texts[key] ?? key }

    /// The text of `key` with each `{name}` replaced by its value (a `{name}` without a
    /// value stays as written). One pass over the text: formatting the sentences of every
    /// page was a twentieth of a warm 10k build with `replacingOccurrences`.
    package func format(_ key: String, _ values: [String: String]) -> String {
        Self.fill(self[key], values)
    }

    /// `text` with each `{name}` replaced by its value.
    package static func fill(_ text: String, _ values: [String: String]) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 32)
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}"), let value = values[String(rest[after..<close])] else {
                result += "{"
                rest = rest[after...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return result
    }

    /// `one` when `count` is 1, else `other`, with `{count}` filled in (`roles_one: "1 role"`,
    /// `roles_other: "{count} roles"`).
    package func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        format(count == 1 ? key + "_one" : key + "_other", values.merging(["count": String(count)]) { first, _ in first })
    }

    /// A label as it reads inside a sentence: lower-cased first letter in a language whose
    /// file sets `labels_in_sentences: lowercase` (English "Roles by department"), unless the
    /// label starts with an abbreviation ("DQR level"); as written elsewhere (German nouns).
    package func inSentence(_ label: String) -> String {
        guard texts["labels_in_sentences"] == "lowercase", let first = label.first, first.isUppercase else { return label }
        let second = label.dropFirst().first
        if let second, second.isUppercase || second.isNumber { return label }
        return first.lowercased() + label.dropFirst()
    }

    /// Items in a sentence: "a", "a or b", "a, b or c", with the word of `joiner` (`list_or`).
    package func list(_ items: [String], joiner: String) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + self[joiner] + " " + items.last!
    }

    /// The article before a role's title where the language has one (`{a}` in its texts):
    /// the role's own `article:`, else the language's rule (`article_rule: english`).
    package func article(for role: Role) -> String {
        if let article = role.article { return article }
        return texts["article_rule"] == "english" ? RenderContext.article(for: role.title) : ""
    }

    /// Keys the page kinds use in Swift; every language file must have them.
    package static let swiftKeys = pageKeys + PickerData.wordKeys

    /// The keys page kinds format themselves (the picker's data file has its own list).
    private static let pageKeys: [String] = [
        "other_roles", "roles_title", "roles_summary", "compare_title", "compare_summary", "pair_summary", "skills_title", "skills_summary",
        "skill_summary_one", "skill_summary_other", "search_title", "search_summary", "not_found_title",
        "not_found_summary", "duties_title", "duties_description", "label_also_called", "label_reports_to",
        "label_supervises", "label_works_with", "label_skills", "label_onet", "label_updated", "toc_key_duties",
        "toc_skills", "toc_requirements", "toc_comparisons", "toc_related", "toc_sources", "pair_title", "article_rule",
        "labels_in_sentences", "list_or", "list_and", "facet_any", "search_summary_facets", "roles_by", "roles_caption_fields_one",
        "roles_caption_fields_other",
        "term_roles_one", "term_roles_other", "term_summary_one", "term_summary_other", "taxonomy_summary", "page_of", "paged_title", "group_more_one",
        "group_more_other", "all_roles_count_one", "all_roles_count_other", "toc_reporting_lines", "charts_title", "charts_summary", "chart_title",
        "chart_summary_one", "chart_summary_other", "chart_page_note", "chart_group_link", "chart_site_link", "toc_picker",
        "picker_nojs_first",
    ]
}

/// The words as templates see them: `{{t.key}}`.
package struct WordsView: ViewModel {
    let words: Words

    package func value(for name: String) -> TemplateValue { words.texts[name].map(TemplateValue.text) ?? .none }

    package func combine(into hasher: inout DigestHasher) { hasher.combine(words.digest) }

    package var templateType: TemplateType {
        .object(TemplateShape("the theme's words", fields: words.texts.keys.sorted().map { TemplateField($0, .text, help: words.texts[$0]!) }))
    }
}
