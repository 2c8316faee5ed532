import Foundation

/// Sets each rule's prior from its measured precision and writes it back into the rule files,
/// changing nothing else in them.
///
/// The new prior is the rule's precision smoothed toward its current prior, as if the current
/// prior had been observed `weight` times: rules that were chosen rarely move little. Priors stay
/// within [0.05, 0.99], so no rule becomes certain from a small corpus.
public enum PriorCalibrator {
    public struct Change: Sendable {
        public let ruleID: String
        public let file: String
        public let line: Int
        public let old: Double
        public let new: Double
        public let chosen: Int
        public let correct: Int
    }

    public static func changes(ruleSet: RuleSet, evaluation: Evaluation, weight: Double = 4) -> [Change] {
        ruleSet.rules.compactMap { rule in
            guard let stats = evaluation.rules[rule.id], stats.chosen > 0, let line = rule.priorLine else { return nil }
            let smoothed = (Double(stats.correct) + weight * rule.prior) / (Double(stats.chosen) + weight)
            let new = (min(0.99, max(0.05, smoothed)) * 100).rounded() / 100
            guard abs(new - rule.prior) >= 0.005 else { return nil }
            return Change(ruleID: rule.id, file: rule.file, line: line, old: rule.prior, new: new,
                          chosen: stats.chosen, correct: stats.correct)
        }
    }

    /// Rewrites the `prior:` value on each change's line.
    public static func apply(_ changes: [Change]) throws {
        for (file, fileChanges) in Dictionary(grouping: changes, by: \.file) {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                throw RuleErrors(errors: [RuleError(file: file, line: 0, message: "cannot read rule file")])
            }
            var lines = text.components(separatedBy: "\n")
            for change in fileChanges {
                let index = change.line - 1
                guard index < lines.count, let range = lines[index].range(of: #"prior:\s*[0-9.]+"#, options: .regularExpression) else {
                    throw RuleErrors(errors: [RuleError(file: file, line: change.line, ruleID: change.ruleID, message: "no prior value on this line")])
                }
                lines[index].replaceSubrange(range, with: "prior: " + format(change.new))
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: file))
        }
    }

    static func format(_ value: Double) -> String {
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") && !text.hasSuffix(".0") { text.removeLast() }
        return text
    }
}
