/// Builds the JSON record of one document (README: "Record format").
public struct RecordBuilder {
    public let rulesVersion: String

    public init(rulesVersion: String) { self.rulesVersion = rulesVersion }

    public func record(document: String, charset: String, extraction: Extraction, extraWarnings: [String] = []) -> JSONValue {
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
            ])),
            ("fields", .object(fields)),
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
