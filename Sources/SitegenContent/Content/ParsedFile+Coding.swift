import SitegenSupport

/// The binary form of a parsed Markdown file and its diagnostics, for the parsed-content
/// cache. Written and read field by field, in declaration order. A pack is read only by the
/// sitegen binary that wrote it (its header names the binary), so a change to a model or to
/// parsing needs no version bump by hand.
extension ContentLoader.ParsedFile {
    package func write(to writer: inout ByteWriter) {
        switch self {
        case .role(let role):
            writer.write(0)
            role.write(to: &writer)
        case .home(let page):
            writer.write(1)
            page.write(to: &writer)
        case .comparisonProse(let page):
            writer.write(2)
            page.write(to: &writer)
        case .page(let page):
            writer.write(3)
            page.write(to: &writer)
        }
    }

    /// The Markdown body of the file.
    package var body: String {
        switch self {
        case .role(let role): role.body
        case .home(let page), .comparisonProse(let page), .page(let page): page.body
        }
    }

    /// The digest of the file's encoding with an empty body.
    package var digestWithoutBody: Digest {
        var writer = ByteWriter()
        withBody("").write(to: &writer)
        return Digest.of(writer.bytes)
    }

    /// The same file with another body.
    package func withBody(_ body: String) -> Self {
        switch self {
        case .role(let role):
            var fields = role.fields
            fields.body = body
            return .role(Role(fields))
        case .home(var page):
            page.body = body
            return .home(page)
        case .comparisonProse(var page):
            page.body = body
            return .comparisonProse(page)
        case .page(var page):
            page.body = body
            return .page(page)
        }
    }

    package static func read(from reader: inout ByteReader) -> Self? {
        switch reader.int() {
        case 0: .role(Role.read(from: &reader))
        case 1: .home(Page.read(from: &reader))
        case 2: .comparisonProse(Page.read(from: &reader))
        case 3: .page(Page.read(from: &reader))
        default: nil
        }
    }
}

extension Role {
    package func write(to writer: inout ByteWriter) {
        for text in [slug, contentPath, file, title, summary] { writer.write(text) }
        writer.write(alternateTitles)
        writer.write(onet)
        writer.write(article)
        for references in [reportsTo, supervises, worksWith] { write(references, to: &writer) }
        writer.write(duties)
        write(skills, to: &writer)
        writer.write(values.count)
        for (key, items) in values.sorted(by: { $0.key < $1.key }) {
            writer.write(key)
            write(items, to: &writer)
        }
        writer.write(careerPath)
        write(compareWith, to: &writer)
        write(related, to: &writer)
        writer.write(sources.count)
        for source in sources {
            writer.write(source.title)
            writer.write(source.url)
        }
        write(aliases, to: &writer)
        writer.write(updated)
        writer.write(draft)
        writer.write(body)
        writer.write(bodyFirstLine)
    }

    package static func read(from reader: inout ByteReader) -> Role {
        let (slug, contentPath, file, title, summary) = (reader.string(), reader.string(), reader.string(), reader.string(), reader.string())
        let alternateTitles = reader.strings()
        let onet = reader.optionalString()
        let article = reader.optionalString()
        let (reportsTo, supervises, worksWith) = (readReferences(&reader, in: file), readReferences(&reader, in: file), readReferences(&reader, in: file))
        let duties = reader.strings()
        let skills = readReferences(&reader, in: file)
        var values: [String: [Located]] = [:]
        for _ in 0..<max(0, min(reader.int(), 1 << 16)) {
            let key = reader.string()
            values[key] = readReferences(&reader, in: file)
        }
        let careerPath = reader.strings()
        let compareWith = readReferences(&reader, in: file)
        let related = readReferences(&reader, in: file)
        let sources = reader.list { Source(title: $0.string(), url: $0.optionalString()) }
        let aliases = readReferences(&reader, in: file)
        return Role(
            Fields(
                slug: slug, contentPath: contentPath, file: file, title: title, summary: summary, alternateTitles: alternateTitles, onet: onet,
                article: article, reportsTo: reportsTo, supervises: supervises, worksWith: worksWith,
                duties: duties, skills: skills, values: values,
                careerPath: careerPath, compareWith: compareWith, related: related, sources: sources, aliases: aliases, updated: reader.optionalString(),
                draft: reader.bool(), body: reader.string(), bodyFirstLine: reader.int()))
    }

    private func write(_ references: [Located], to writer: inout ByteWriter) {
        writer.write(references.count)
        for reference in references {
            writer.write(reference.value)
            reference.location.write(to: &writer, in: file)
        }
    }

    private static func readReferences(_ reader: inout ByteReader, in file: String) -> [Located] {
        reader.list { Located(value: $0.string(), location: SourceLocation.read(from: &$0, in: file)) }
    }
}

extension Page {
    package func write(to writer: inout ByteWriter) {
        writer.write(contentPath)
        writer.write(file)
        writer.write(title)
        writer.write(summary)
        writer.write(draft)
        writer.write(weight != nil)
        writer.write(weight ?? 0)
        writer.write(layout?.value)
        if let layout { layout.location.write(to: &writer, in: file) }
        writer.write(aliases.count)
        for alias in aliases {
            writer.write(alias.value)
            alias.location.write(to: &writer, in: file)
        }
        writer.write(body)
        writer.write(bodyFirstLine)
    }

    package static func read(from reader: inout ByteReader) -> Page {
        let (contentPath, file, title, summary, draft) = (reader.string(), reader.string(), reader.optionalString(), reader.optionalString(), reader.bool())
        let hasWeight = reader.bool()
        let weight = reader.int()
        let layout = reader.optionalString().map { Role.Located(value: $0, location: SourceLocation.read(from: &reader, in: file)) }
        let aliases = reader.list { Role.Located(value: $0.string(), location: SourceLocation.read(from: &$0, in: file)) }
        return Page(
            contentPath: contentPath, file: file, title: title, summary: summary, draft: draft, weight: hasWeight ? weight : nil,
            layout: layout, aliases: aliases, body: reader.string(), bodyFirstLine: reader.int())
    }
}

extension SourceLocation {
    /// Writes the location; its file only when it is not `file` (the file being cached).
    package func write(to writer: inout ByteWriter, in file: String? = nil) {
        writer.write(self.file == file ? nil : self.file)
        writer.write(line)
        writer.write(column)
    }

    package static func read(from reader: inout ByteReader, in file: String? = nil) -> SourceLocation {
        SourceLocation(file: reader.optionalString() ?? file ?? "", line: reader.int(), column: reader.int())
    }
}

extension Diagnostic {
    package func write(to writer: inout ByteWriter) {
        writer.write(severity == .error)
        writer.write(message)
        writer.write(location != nil)
        location?.write(to: &writer)
    }

    package static func read(from reader: inout ByteReader) -> Diagnostic {
        let severity: Severity = reader.bool() ? .error : .warning
        let message = reader.string()
        return Diagnostic(severity, message, at: reader.bool() ? SourceLocation.read(from: &reader) : nil)
    }
}
