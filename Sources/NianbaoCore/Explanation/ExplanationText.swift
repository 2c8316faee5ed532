/// An explanation as text, for a terminal.
public enum ExplanationText {
    public static func render(_ e: Explanation, field: String? = nil) -> String {
        let offsets = ScalarOffsets(e.extraction.text.original)
        var out = "document: \(e.document)\n\nsections:\n"
        if e.sections.isEmpty { out += "  (no template section headings found)\n" }
        for section in e.sections {
            let start = offsets.scalarOffset(section.range.lowerBound), end = offsets.scalarOffset(section.range.upperBound)
            out += "  " + section.id.padding(toLength: 22, withPad: " ", startingAt: 0) + "[\(start), \(end))  " + section.heading.prefix(30) + "\n"
        }
        out += "\nfields:\n"
        for line in e.fields where field == nil || line.field == field {
            if let value = line.value {
                out += "  \(line.field) = \(value)  confidence \(String(format: "%.2f", line.confidence ?? 0))  [\(line.rule ?? "")]\n"
            } else {
                out += "  \(line.field) = null\n"
            }
            for candidate in line.candidates {
                let c = candidate.candidate
                out += "    \(candidate.won ? "✓" : "✗") \(c.value)" + (c.qualifier.map { " \($0.rawValue)" } ?? "")
                    + String(format: "  score %.2f", c.score) + "  \(c.ruleID)  \(c.section)  [\(candidate.span.lowerBound), \(candidate.span.upperBound))"
                    + "  «\(oneLine(candidate.text))»" + (candidate.won ? "" : "  — \(candidate.reason)") + "\n"
            }
            for rejected in line.rejected {
                out += "    · \(rejected.rule) matched «\(oneLine(rejected.text))» but \(rejected.why)\n"
            }
            for silent in line.silentRules {
                out += "    · \(silent.rule): \(silent.why)\n"
            }
        }
        if field == nil {
            out += "\ntables:\n"
            for table in e.tables {
                let filled = table.cells.values.reduce(0) { $0 + $1.compactMap { $0 }.count }
                let total = table.cells.values.reduce(0) { $0 + $1.count }
                out += "  \(table.spec.id): " + (table.found ? "\(table.rowRanges.count) rows read, \(filled) of \(total) cells filled, confidence \(String(format: "%.2f", table.confidence))" : "section not found") + "\n"
            }
            for check in e.failedChecks {
                out += "  ✗ \(check.name) \(check.subject): expected \(format(check.expected)), found \(format(check.found))\n"
            }
            if !e.warnings.isEmpty {
                out += "\nwarnings:\n" + e.warnings.map { "  \($0)\n" }.joined()
            }
        }
        return out
    }

    private static func oneLine(_ s: String) -> String {
        String(s.replacingOccurrences(of: "\n", with: "⏎").replacingOccurrences(of: "\t", with: "→").prefix(60))
    }

    private static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}
