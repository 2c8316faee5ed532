import Foundation

/// A comparison of records with gold files: per field, per rule, table cells, calibration, misses.
public struct Evaluation: Sendable {
    /// One field of one document that is not as gold has it.
    public struct Miss: Sendable {
        public let document: String
        public let field: String
        public let expected: String
        public let got: String
        public let rule: String?
        public let evidence: String?
    }

    /// How one rule did: candidates it produced, values chosen from it, and how many were right.
    public struct RuleStats: Sendable {
        public var fired = 0
        public var chosen = 0
        public var correct = 0
        public var precision: Double { chosen == 0 ? 0 : Double(correct) / Double(chosen) }
    }

    /// One bin of the reliability table: chosen values whose confidence lies in [lower, upper).
    public struct CalibrationBin: Sendable {
        public let lower: Double
        public let upper: Double
        public var count = 0
        public var correct = 0
        public var confidenceSum = 0.0
        public var accuracy: Double { count == 0 ? 0 : Double(correct) / Double(count) }
        public var meanConfidence: Double { count == 0 ? 0 : confidenceSum / Double(count) }
    }

    public var fields: [String: FieldScore] = [:]
    /// The same, comparing values only (qualifiers ignored).
    public var valueOnly: [String: FieldScore] = [:]
    public var rules: [String: RuleStats] = [:]
    public var misses: [Miss] = []
    public var cellsRight = 0
    public var cellsWrong = 0
    /// Cells filled where gold has null.
    public var cellsFilled = 0
    public var bins: [CalibrationBin] = (0..<10).map { CalibrationBin(lower: Double($0) / 10, upper: Double($0 + 1) / 10) }
    public var documents = 0
    /// Documents with a gold file that gave an error record (or no record).
    public var unread: [String] = []

    public var micro: FieldScore { fields.values.reduce(FieldScore(), +) }
    public var microValueOnly: FieldScore { valueOnly.values.reduce(FieldScore(), +) }
    public var cellAccuracy: Double {
        let total = cellsRight + cellsWrong + cellsFilled
        return total == 0 ? 1 : Double(cellsRight) / Double(total)
    }

    /// Expected calibration error: the count-weighted gap between confidence and accuracy per bin.
    public var expectedCalibrationError: Double {
        let total = bins.reduce(0) { $0 + $1.count }
        guard total > 0 else { return 0 }
        return bins.reduce(0) { $0 + Double($1.count) / Double(total) * abs($1.accuracy - $1.meanConfidence) }
    }
}

/// Scores records against gold files (FIELDS.md "Gold files").
public enum Evaluator {
    public static func evaluate(records: [String: JSONValue], golds: [GoldFile], goldTables: [String: Any?]) -> Evaluation {
        var evaluation = Evaluation()
        for gold in golds {
            evaluation.documents += 1
            guard let record = records[gold.document], record["error"] == nil else {
                evaluation.unread.append(gold.document)
                for name in FieldCatalogue.names {
                    var score = FieldScore()
                    score.add(expected: gold.fields[name] ?? nil, got: nil)
                    evaluation.fields[name, default: FieldScore()] = evaluation.fields[name, default: FieldScore()] + score
                    evaluation.valueOnly[name, default: FieldScore()] = evaluation.valueOnly[name, default: FieldScore()] + score
                }
                continue
            }
            scoreFields(record, gold, into: &evaluation)
            countAlternatives(record, into: &evaluation)
            if let tables = goldTables[gold.document] ?? nil {
                TableCellScorer.score(gold: tables, got: record["tables"]?.foundationValue, into: &evaluation)
            }
        }
        return evaluation
    }

    private static func scoreFields(_ record: JSONValue, _ gold: GoldFile, into evaluation: inout Evaluation) {
        for name in FieldCatalogue.names {
            let expected = gold.fields[name] ?? nil
            let got = GoldFile.recordValue(record, field: name)
            var score = FieldScore()
            score.add(expected: expected, got: got)
            evaluation.fields[name, default: FieldScore()] = evaluation.fields[name, default: FieldScore()] + score
            var valueScore = FieldScore()
            valueScore.add(expected: expected.map { .init(value: $0.value, qualifier: nil) },
                           got: got.map { .init(value: $0.value, qualifier: nil) })
            evaluation.valueOnly[name, default: FieldScore()] = evaluation.valueOnly[name, default: FieldScore()] + valueScore

            let entry = record["fields"]?[name]
            let rule: String? = { if case .string(let r)? = entry?["evidence"]?["rule"] { return r }; return nil }()
            let evidence: String? = { if case .string(let t)? = entry?["evidence"]?["text"] { return t }; return nil }()
            if let rule, got != nil {
                let right = expected != nil && expected == got
                evaluation.rules[rule, default: .init()].fired += 1
                evaluation.rules[rule, default: .init()].chosen += 1
                if right { evaluation.rules[rule, default: .init()].correct += 1 }
                if case .double(let confidence)? = entry?["confidence"] {
                    let bin = min(9, max(0, Int(confidence * 10)))
                    evaluation.bins[bin].count += 1
                    evaluation.bins[bin].confidenceSum += confidence
                    if right { evaluation.bins[bin].correct += 1 }
                }
            }
            if score.falsePositives + score.falseNegatives > 0 {
                evaluation.misses.append(.init(document: gold.document, field: name,
                                               expected: expected?.description ?? "null", got: got?.description ?? "null",
                                               rule: rule, evidence: evidence))
            }
        }
    }

    /// Candidates that lost still count as a rule firing.
    private static func countAlternatives(_ record: JSONValue, into evaluation: inout Evaluation) {
        guard case .array(let alternatives)? = record["alternatives"] else { return }
        for alternative in alternatives {
            if case .string(let rule)? = alternative["evidence"]?["rule"] { evaluation.rules[rule, default: .init()].fired += 1 }
        }
    }
}

/// Compares gold table cells with a record's (cells marked "?" in gold are not scored).
enum TableCellScorer {
    static func score(gold: Any, got: Any?, into evaluation: inout Evaluation) {
        switch gold {
        case let dictionary as [String: Any]:
            let other = got as? [String: Any]
            for (key, value) in dictionary { score(gold: value, got: other?[key], into: &evaluation) }
        case let array as [Any]:
            let other = got as? [Any]
            for (i, value) in array.enumerated() { score(gold: value, got: other.flatMap { i < $0.count ? $0[i] : nil }, into: &evaluation) }
        case let text as String where text == "?":
            return
        case is NSNull:
            if let got, !(got is NSNull) { evaluation.cellsFilled += 1 } else { evaluation.cellsRight += 1 }
        case let number as NSNumber:
            if let other = got as? NSNumber, abs(other.doubleValue - number.doubleValue) < 1e-9 {
                evaluation.cellsRight += 1
            } else {
                evaluation.cellsWrong += 1
            }
        default:
            evaluation.cellsWrong += 1
        }
    }
}

extension JSONValue {
    /// The value as Foundation objects (NSNumber, String, NSNull, arrays, dictionaries).
    public var foundationValue: Any {
        switch self {
        case .null: return NSNull()
        case .bool(let b): return NSNumber(value: b)
        case .int(let n): return NSNumber(value: n)
        case .double(let d): return NSNumber(value: d)
        case .string(let s): return s
        case .array(let items): return items.map(\.foundationValue)
        case .object(let pairs): return Dictionary(pairs.map { ($0.0, $0.1.foundationValue) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// A JSON value from Foundation objects (as JSONSerialization gives them; booleans read as numbers).
    public init(foundation value: Any) {
        switch value {
        case is NSNull: self = .null
        case let number as NSNumber:
            if number.doubleValue == number.doubleValue.rounded(), abs(number.doubleValue) < 1e15,
                    !String(describing: number).contains(".") { self = .int(number.intValue) }
            else { self = .double(number.doubleValue) }
        case let string as String: self = .string(string)
        case let array as [Any]: self = .array(array.map(JSONValue.init(foundation:)))
        case let dictionary as [String: Any]:
            self = .object(dictionary.keys.sorted().map { ($0, JSONValue(foundation: dictionary[$0]!)) })
        default: self = .null
        }
    }
}
