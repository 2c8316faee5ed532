import Foundation

/// An evaluation as people read it (a table) and as programs read it (JSON).
public enum EvaluationReport {
    public static func json(_ e: Evaluation) -> JSONValue {
        func score(_ s: FieldScore) -> JSONValue {
            .object([("tp", .int(s.truePositives)), ("fp", .int(s.falsePositives)), ("fn", .int(s.falseNegatives)),
                     ("precision", .double(r(s.precision))), ("recall", .double(r(s.recall))), ("f1", .double(r(s.f1)))])
        }
        return .object([
            ("documents", .int(e.documents)),
            ("unread", .array(e.unread.map { .string($0) })),
            ("micro", score(e.micro)),
            ("micro_value_only", score(e.microValueOnly)),
            ("fields", .object(FieldCatalogue.names.map { name in
                (name, .object([("value_and_qualifier", score(e.fields[name] ?? FieldScore())),
                                ("value_only", score(e.valueOnly[name] ?? FieldScore()))]))
            })),
            ("table_cells", .object([("right", .int(e.cellsRight)), ("wrong", .int(e.cellsWrong)),
                                     ("filled_where_gold_null", .int(e.cellsFilled)), ("accuracy", .double(r(e.cellAccuracy)))])),
            ("rules", .object(e.rules.keys.sorted().map { id in
                let s = e.rules[id]!
                return (id, .object([("fired", .int(s.fired)), ("chosen", .int(s.chosen)), ("correct", .int(s.correct)),
                                     ("precision", .double(r(s.precision)))]))
            })),
            ("calibration", .object([
                ("ece", .double(r(e.expectedCalibrationError))),
                ("bins", .array(e.bins.filter { $0.count > 0 }.map { bin in
                    .object([("from", .double(bin.lower)), ("to", .double(bin.upper)), ("count", .int(bin.count)),
                             ("mean_confidence", .double(r(bin.meanConfidence))), ("accuracy", .double(r(bin.accuracy)))])
                })),
            ])),
            ("misses", .array(e.misses.map { miss in
                .object([("document", .string(miss.document)), ("field", .string(miss.field)),
                         ("expected", .string(miss.expected)), ("got", .string(miss.got)),
                         ("rule", miss.rule.map { .string($0) } ?? .null),
                         ("evidence", miss.evidence.map { .string($0) } ?? .null)])
            })),
        ])
    }

    public static func text(_ e: Evaluation) -> String {
        var out = "\(e.documents) documents with gold" + (e.unread.isEmpty ? "" : ", \(e.unread.count) unread: " + e.unread.joined(separator: ", ")) + "\n\n"
        out += pad("field", 28) + "  TP  FP  FN   P      R      F1     | value only: P      R      F1\n"
        for name in FieldCatalogue.names {
            let s = e.fields[name] ?? FieldScore(), v = e.valueOnly[name] ?? FieldScore()
            out += pad(name, 28) + counts(s) + "   " + ratios(s) + " |             " + ratios(v) + "\n"
        }
        out += pad("micro", 28) + counts(e.micro) + "   " + ratios(e.micro) + " |             " + ratios(e.microValueOnly) + "\n\n"
        out += String(format: "table cells: %d right, %d wrong, %d filled where gold is null: accuracy %.4f\n\n",
                      e.cellsRight, e.cellsWrong, e.cellsFilled, e.cellAccuracy)
        out += pad("rule", 40) + " fired chosen correct precision\n"
        for id in e.rules.keys.sorted() {
            let s = e.rules[id]!
            out += pad(id, 40) + String(format: " %5d %6d %7d %9.3f\n", s.fired, s.chosen, s.correct, s.precision)
        }
        out += "\ncalibration (chosen values): confidence bin, count, mean confidence, accuracy\n"
        for bin in e.bins where bin.count > 0 {
            out += String(format: "  [%.1f, %.1f)  %4d  %.3f  %.3f\n", bin.lower, bin.upper, bin.count, bin.meanConfidence, bin.accuracy)
        }
        out += String(format: "  expected calibration error: %.4f\n", e.expectedCalibrationError)
        if !e.misses.isEmpty {
            out += "\nmisses:\n"
            for miss in e.misses {
                out += "  \(miss.document)  \(miss.field): expected \(miss.expected), got \(miss.got)"
                if let rule = miss.rule { out += "  [\(rule)]" }
                if let evidence = miss.evidence { out += "  «\(evidence.replacingOccurrences(of: "\n", with: " ").prefix(60))»" }
                out += "\n"
            }
        }
        return out
    }

    private static func r(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    private static func counts(_ s: FieldScore) -> String { String(format: "%4d%4d%4d", s.truePositives, s.falsePositives, s.falseNegatives) }
    private static func ratios(_ s: FieldScore) -> String { String(format: "%.3f  %.3f  %.3f", s.precision, s.recall, s.f1) }
}
