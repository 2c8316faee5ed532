/// Why a document's record is what it is: its sections, every candidate of every field with
/// its rule, span, score and fate, the rules that gave nothing and why, and how the tables read.
public struct Explanation: Sendable {
    public struct SectionLine: Sendable { public let id: String; public let range: Range<Int>; public let heading: String }
    public struct CandidateLine: Sendable {
        public let candidate: Candidate
        public let won: Bool
        public let reason: String
        public let span: Range<Int>
        public let text: String
    }
    public struct FieldLine: Sendable {
        public let field: String
        public let value: String?
        public let confidence: Double?
        public let rule: String?
        public let candidates: [CandidateLine]
        /// Rules of this field that gave no candidate, with why.
        public let silentRules: [(rule: String, why: String)]
        /// Matches of this field's rules that were rejected, with why.
        public let rejected: [(rule: String, text: String, why: String)]
    }

    public let document: String
    public let sections: [SectionLine]
    public let fields: [FieldLine]
    public let tables: [ParsedTable]
    public let failedChecks: [TableCheckResult]
    public let warnings: [String]
    public let extraction: Extraction
}

/// Builds explanations: runs the extractor with tracing and arranges what it learned.
public struct Explainer {
    private let extractor: Extractor

    public init(extractor: Extractor) { self.extractor = extractor }

    public func explain(_ units: [UInt16], document: String) -> Explanation {
        let text = extractor.prepare(units)
        var traces: [RuleTrace] = []
        let extraction = extractor.extract(prepared: text) { traces.append($0) }
        let offsets = ScalarOffsets(text.original)
        let rulesByField = Dictionary(grouping: extractor.ruleSet.rules, by: \.field)
        let sections = extraction.layout.sections.map { section in
            Explanation.SectionLine(id: section.id, range: text.originalRange(of: section.range),
                                    heading: text.displayString(section.heading).trimmingSpaces)
        }
        let fields = FieldCatalogue.names.map { name -> Explanation.FieldLine in
            let resolved = extraction.fields[name]
            let lost = extraction.alternatives.filter { $0.candidate.field == name }
            func line(_ candidate: Candidate, won: Bool, reason: String) -> Explanation.CandidateLine {
                let original = text.originalRange(of: candidate.range)
                return .init(candidate: candidate, won: won, reason: reason,
                             span: offsets.scalarOffset(original.lowerBound)..<offsets.scalarOffset(original.upperBound),
                             text: text.originalString(original))
            }
            func same(_ a: Candidate, _ b: Candidate) -> Bool { a.range == b.range && a.ruleID == b.ruleID }
            var lines: [Explanation.CandidateLine] = []
            for candidate in extraction.candidates where candidate.field == name {
                let won = resolved.map { $0.value == candidate.value } ?? false
                let reason = won ? "chosen" : (lost.first { same($0.candidate, candidate) }?.reason ?? "lost")
                lines.append(line(candidate, won: won, reason: reason))
            }
            // Candidates set aside before resolution (a total below a channel's figure, rival outlets).
            for alternative in lost where !extraction.candidates.contains(where: { $0.field == name && same($0, alternative.candidate) }) {
                lines.append(line(alternative.candidate, won: false, reason: alternative.reason))
            }
            let fieldRules = (rulesByField[name] ?? []) + extractor.ruleSet.rules.filter { $0.field != name && $0.fields.contains(name) }
            let ids = Set(fieldRules.map(\.id))
            let silent = traces.filter { $0.range == nil && ids.contains($0.ruleID) }.map { ($0.ruleID, $0.outcome) }
            let rejected = traces.compactMap { trace -> (String, String, String)? in
                guard let range = trace.range, ids.contains(trace.ruleID) else { return nil }
                return (trace.ruleID, text.originalString(text.originalRange(of: range)), trace.outcome)
            }
            return .init(field: name, value: resolved.map { value in
                value.value.description + (value.qualifier.map { " (\($0.rawValue))" } ?? "")
            }, confidence: resolved?.confidence, rule: resolved?.ruleID, candidates: lines, silentRules: silent, rejected: rejected)
        }
        return Explanation(document: document, sections: sections, fields: fields, tables: extraction.tables,
                           failedChecks: extraction.checks.filter { !$0.passed }, warnings: extraction.warnings,
                           extraction: extraction)
    }
}
