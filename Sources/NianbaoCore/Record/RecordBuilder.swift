import ICUKit

/// Builds the JSON record of one document (README: "Record format").
public struct RecordBuilder {
    public let rulesVersion: String

    public init(rulesVersion: String) { self.rulesVersion = rulesVersion }

    public func record(document: String, charset: String, hash: String = "", textKind: String = "text",
                       extraction: Extraction, extraWarnings: [String] = []) -> JSONValue {
        let text = extraction.text
        let offsets = ScalarOffsets(text.original)
        var fields: [(String, JSONValue)] = []
        for name in FieldCatalogue.names {
            guard let field = extraction.fields[name] else { fields.append((name, .null)); continue }
            fields.append((name, .object([
                ("value", Self.json(field.value)),
                ("qualifier", field.qualifier.map { .string($0.rawValue) } ?? .null),
                ("confidence", .double(Self.rounded(field.confidence))),
                ("evidence", evidence(field.evidence.range, rule: field.ruleID, text: text, offsets: offsets)),
            ])))
        }
        let alternatives: [JSONValue] = extraction.alternatives.map { alternative in
            let candidate = alternative.candidate
            return .object([
                ("field", .string(candidate.field)),
                ("value", Self.json(candidate.value)),
                ("qualifier", candidate.qualifier.map { .string($0.rawValue) } ?? .null),
                ("score", .double(Self.rounded(candidate.score))),
                ("reason", .string(alternative.reason)),
                ("evidence", evidence(candidate.range, rule: candidate.ruleID, text: text, offsets: offsets)),
            ])
        }
        let sections: [JSONValue] = extraction.layout.sections.map { section in
            let original = text.originalRange(of: section.range)
            return .object([
                ("id", .string(section.id)),
                ("start", .int(offsets.scalarOffset(original.lowerBound))),
                ("end", .int(offsets.scalarOffset(original.upperBound))),
            ])
        }
        return .object([
            ("document", .string(document)),
            ("engine", .string("\(EngineInfo.name) \(EngineInfo.version)")),
            ("rules_version", .string(rulesVersion)),
            ("source", .object([
                ("charset", .string(charset)),
                ("length", .int(offsets.scalarOffset(text.original.count))),
                ("offset_unit", .string(EngineInfo.offsetUnit)),
                ("hash", .string(hash)),
                // Which text the offsets index: the decoded file ("text"), or the text taken out of
                // a web page, Word file or PDF, with its hash so a user can check they rebuilt it.
                ("text", .string(textKind)),
                ("text_hash", .string(textKind == "text" ? hash : ContentHash.of(UTF16Strings.string(text.original)))),
            ])),
            ("fields", .object(fields)),
            ("tables", tablesJSON(extraction.tables)),
            ("checks", .array(extraction.checks.map(Self.checkJSON))),
            ("table_evidence", tableEvidence(extraction.tables, text: text, offsets: offsets)),
            ("sections", .array(sections)),
            ("alternatives", .array(alternatives)),
            ("warnings", .array((extraWarnings + extraction.warnings).map { .string($0) })),
        ])
    }

    /// The record of a document that could not be read.
    public func errorRecord(document: String, kind: String, message: String) -> JSONValue {
        .object([
            ("document", .string(document)),
            ("engine", .string("\(EngineInfo.name) \(EngineInfo.version)")),
            ("rules_version", .string(rulesVersion)),
            ("error", .object([("kind", .string(kind)), ("message", .string(message))])),
        ])
    }

    private func evidence(_ range: Range<Int>, rule: String, text: ReportText, offsets: ScalarOffsets) -> JSONValue {
        let original = text.originalRange(of: range)
        return .object([
            ("rule", .string(rule)),
            ("start", .int(offsets.scalarOffset(original.lowerBound))),
            ("end", .int(offsets.scalarOffset(original.upperBound))),
            ("text", .string(text.originalString(original))),
        ])
    }

    /// `tables` with FIELDS.md's keys: article 20 rows as objects or single figures, the
    /// applications table as 7-cell rows, review/litigation as three 5-cell groups.
    private func tablesJSON(_ tables: [ParsedTable]) -> JSONValue {
        .object(tables.map { table in
            let spec = table.spec
            if spec.singleRow {
                let cells = table.cells["all"] ?? []
                var start = 0
                return (spec.id, .object(spec.groups.map { group in
                    defer { start += group.cells }
                    let slice = start + group.cells <= cells.count ? Array(cells[start..<(start + group.cells)])
                        : Array(repeating: nil, count: group.cells)
                    return (group.key, .array(slice.map(Self.cellJSON)))
                }))
            }
            return (spec.id, .object(spec.rows.map { row in
                let cells = table.cells[row.key] ?? Array(repeating: nil, count: row.cells)
                if let columns = row.columns {
                    return (row.key, .object(zip(columns, cells).map { ($0, Self.cellJSON($1)) }))
                }
                if row.cells == 1 { return (row.key, Self.cellJSON(cells.first ?? nil)) }
                return (row.key, .array(cells.map(Self.cellJSON)))
            }))
        })
    }

    /// Per table: its confidence, and for each row read, the original text it was read from.
    private func tableEvidence(_ tables: [ParsedTable], text: ReportText, offsets: ScalarOffsets) -> JSONValue {
        .object(tables.map { table in
            let rows: [(String, JSONValue)] = table.spec.rows.compactMap { row in
                guard let range = table.rowRanges[row.key] else { return nil }
                let original = text.originalRange(of: range)
                return (row.key, .object([
                    ("start", .int(offsets.scalarOffset(original.lowerBound))),
                    ("end", .int(offsets.scalarOffset(original.upperBound))),
                    ("text", .string(text.originalString(original))),
                ]))
            }
            return (table.spec.id, .object([
                ("found", .bool(table.found)),
                ("confidence", .double(Self.rounded(table.confidence))),
                ("rows", .object(rows)),
            ]))
        })
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
