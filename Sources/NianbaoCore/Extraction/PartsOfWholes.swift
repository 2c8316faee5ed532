/// A figure after 其中 is a part of what its sentence stated before it. When that was already a
/// figure for the same field (新闻媒体发布200余篇，其中国家级媒体发布55篇), the part is not the
/// field's value: rules that take 其中 parts (其中网站254条) mean the parts of another field's figure.
enum PartsOfWholes {
    private static let partMark: [UInt16] = Array("其中".utf16)
    /// How far back in the sentence the whole may stand.
    private static let reach = 200

    /// `candidates` without the parts of a figure already stated for their field.
    static func removingParts(_ candidates: [Candidate], in units: [UInt16], trace: ((RuleTrace) -> Void)?) -> [Candidate] {
        candidates.filter { part in
            let whole = candidates.first { whole in
                whole.field == part.field && whole.value != part.value
                    && whole.range.upperBound <= part.range.lowerBound
                    && part.range.lowerBound - whole.range.upperBound <= reach
                    && isPart(units, between: whole.range.upperBound..<part.range.lowerBound)
            }
            if let whole {
                trace?(RuleTrace(ruleID: part.ruleID, range: part.range,
                                 outcome: "a part (after 其中) of the \(part.field) figure \(whole.value) stated before it"))
            }
            return whole == nil
        }
    }

    /// Whether `gap` opens a breakdown (其中) and stays in one sentence.
    private static func isPart(_ units: [UInt16], between gap: Range<Int>) -> Bool {
        !units[gap].contains(where: ClauseContext.isSentenceEnd) && UnitSearch.contains(units, partMark, in: gap)
    }
}
