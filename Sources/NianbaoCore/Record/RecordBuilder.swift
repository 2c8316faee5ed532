import ICUKit

/// Builds the JSON record of one document (README: "Record format").
public struct RecordBuilder {
    public let rulesVersion: String

    public init(rulesVersion: String) { self.rulesVersion = rulesVersion }

    public func record(document: String, charset: String, hash: String = "", textKind: String = "text",
                       extraction: Extraction, extraWarnings: [String] = []) -> JSONValue {
        var sink = JSONTreeSink()
        write(document: document, charset: charset, hash: hash, textKind: textKind, extraction: extraction,
              extraWarnings: extraWarnings, to: &sink)
        return sink.result
    }

    /// The record as one line of JSON, written without building its `JSONValue`.
    public func line(document: String, charset: String, hash: String = "", textKind: String = "text",
                     extraction: Extraction, extraWarnings: [String] = []) -> String {
        var sink = JSONByteSink()
        write(document: document, charset: charset, hash: hash, textKind: textKind, extraction: extraction,
              extraWarnings: extraWarnings, to: &sink)
        return sink.string
    }

    public func write<Sink: JSONSink>(document: String, charset: String, hash: String, textKind: String,
                                      extraction: Extraction, extraWarnings: [String], to sink: inout Sink) {
        let text = extraction.text
        let offsets = ScalarOffsets(text.original)
        sink.openObject()
        sink.field("document", .string(document))
        sink.field("engine", .string(Self.engine))
        sink.field("rules_version", .string(rulesVersion))
        sink.key("source")
        sink.openObject()
        sink.field("charset", .string(charset))
        sink.field("length", .int(offsets.scalarOffset(text.original.count)))
        sink.field("offset_unit", .string(EngineInfo.offsetUnit))
        sink.field("hash", .string(hash))
        // Which text the offsets index: the decoded file ("text"), or the text taken out of
        // a web page, Word file or PDF, with its hash so a user can check they rebuilt it.
        sink.field("text", .string(textKind))
        sink.field("text_hash", .string(textKind == "text" ? hash : ContentHash.of(UTF16Strings.string(text.original))))
        sink.closeObject()
        sink.key("fields")
        sink.openObject()
        for name in FieldCatalogue.names {
            sink.key(name)
            guard let field = extraction.fields[name] else { sink.value(.null); continue }
            sink.openObject()
            sink.field("value", Self.json(field.value))
            sink.field("qualifier", field.qualifier.map { .string($0.rawValue) } ?? .null)
            sink.field("confidence", .double(Self.rounded(field.confidence)))
            sink.key("evidence")
            evidence(field.evidence.range, rule: field.ruleID, text: text, offsets: offsets, to: &sink)
            sink.closeObject()
        }
        sink.closeObject()
        sink.key("tables")
        tables(extraction.tables, to: &sink)
        sink.key("checks")
        sink.openArray()
        for check in extraction.checks { sink.value(Self.checkJSON(check)) }
        sink.closeArray()
        sink.key("table_evidence")
        tableEvidence(extraction.tables, text: text, offsets: offsets, to: &sink)
        sink.key("sections")
        sink.openArray()
        for section in extraction.layout.sections {
            let original = text.originalRange(of: section.range)
            sink.openObject()
            sink.field("id", .string(section.id))
            sink.field("start", .int(offsets.scalarOffset(original.lowerBound)))
            sink.field("end", .int(offsets.scalarOffset(original.upperBound)))
            sink.closeObject()
        }
        sink.closeArray()
        sink.key("alternatives")
        sink.openArray()
        for alternative in extraction.alternatives {
            let candidate = alternative.candidate
            sink.openObject()
            sink.field("field", .string(candidate.field))
            sink.field("value", Self.json(candidate.value))
            sink.field("qualifier", candidate.qualifier.map { .string($0.rawValue) } ?? .null)
            sink.field("score", .double(Self.rounded(candidate.score)))
            sink.field("reason", .string(alternative.reason))
            sink.key("evidence")
            evidence(candidate.range, rule: candidate.ruleID, text: text, offsets: offsets, to: &sink)
            sink.closeObject()
        }
        sink.closeArray()
        sink.key("warnings")
        sink.openArray()
        for warning in extraWarnings + extraction.warnings { sink.value(.string(warning)) }
        sink.closeArray()
        sink.closeObject()
    }

    private static let engine = "\(EngineInfo.name) \(EngineInfo.version)"

    /// The record of a document that could not be read.
    public func errorRecord(document: String, kind: String, message: String) -> JSONValue {
        .object([
            ("document", .string(document)),
            ("engine", .string(Self.engine)),
            ("rules_version", .string(rulesVersion)),
            ("error", .object([("kind", .string(kind)), ("message", .string(message))])),
        ])
    }

    private func evidence<Sink: JSONSink>(_ range: Range<Int>, rule: String, text: ReportText, offsets: ScalarOffsets,
                                          to sink: inout Sink) {
        let original = text.originalRange(of: range)
        sink.openObject()
        sink.field("rule", .string(rule))
        sink.field("start", .int(offsets.scalarOffset(original.lowerBound)))
        sink.field("end", .int(offsets.scalarOffset(original.upperBound)))
        sink.field("text", .string(text.originalString(original)))
        sink.closeObject()
    }

    /// `tables` with FIELDS.md's keys: article 20 rows as objects or single figures, the
    /// applications table as 7-cell rows, review/litigation as three 5-cell groups.
    private func tables<Sink: JSONSink>(_ tables: [ParsedTable], to sink: inout Sink) {
        sink.openObject()
        for table in tables {
            let spec = table.spec
            sink.key(spec.id)
            sink.openObject()
            if spec.singleRow {
                let cells = table.cells["all"] ?? []
                var start = 0
                for group in spec.groups {
                    sink.key(group.key)
                    sink.openArray()
                    for index in start..<(start + group.cells) {
                        sink.value(start + group.cells <= cells.count ? Self.cellJSON(cells[index]) : .null)
                    }
                    sink.closeArray()
                    start += group.cells
                }
            } else {
                for row in spec.rows {
                    let cells = table.cells[row.key] ?? Array(repeating: nil, count: row.cells)
                    sink.key(row.key)
                    if let columns = row.columns {
                        sink.openObject()
                        for (column, cell) in zip(columns, cells) { sink.field(column, Self.cellJSON(cell)) }
                        sink.closeObject()
                    } else if row.cells == 1 {
                        sink.value(Self.cellJSON(cells.first ?? nil))
                    } else {
                        sink.openArray()
                        for cell in cells { sink.value(Self.cellJSON(cell)) }
                        sink.closeArray()
                    }
                }
            }
            sink.closeObject()
        }
        sink.closeObject()
    }

    /// Per table: its confidence, and for each row read, the original text it was read from.
    private func tableEvidence<Sink: JSONSink>(_ tables: [ParsedTable], text: ReportText, offsets: ScalarOffsets,
                                               to sink: inout Sink) {
        sink.openObject()
        for table in tables {
            sink.key(table.spec.id)
            sink.openObject()
            sink.field("found", .bool(table.found))
            sink.field("confidence", .double(Self.rounded(table.confidence)))
            sink.key("rows")
            sink.openObject()
            for row in table.spec.rows {
                guard let range = table.rowRanges[row.key] else { continue }
                let original = text.originalRange(of: range)
                sink.key(row.key)
                sink.openObject()
                sink.field("start", .int(offsets.scalarOffset(original.lowerBound)))
                sink.field("end", .int(offsets.scalarOffset(original.upperBound)))
                sink.field("text", .string(text.originalString(original)))
                sink.closeObject()
            }
            sink.closeObject()
            sink.closeObject()
        }
        sink.closeObject()
    }

    static func cellJSON(_ cell: Double?) -> JSONValue {
        guard let cell else { return .null }
        return cell == cell.rounded() && abs(cell) < 1e15 ? .int(Int(cell)) : .double(cell)
    }

    static func checkJSON(_ check: TableCheckResult) -> JSONValue {
        .object([
            ("name", .string(check.name)),
            ("subject", .string(check.subject)),
            ("passed", .bool(check.passed)),
            ("expected", cellJSON(check.expected)),
            ("found", cellJSON(check.found)),
        ])
    }

    static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .text(let s): return .string(s)
        case .year(let y): return .int(y)
        case .date(let d): return .string(d.description)
        case .count(let n): return .int(n)
        }
    }

    static func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}
