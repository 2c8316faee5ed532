/// `kind: count` — a number with its qualifier words: groups `value`, `qpre` (约, 超过),
/// `qmid` (余, 多) and `qpost` (左右, 以上). `4.14万条` is 41400; fractions are not counts.
public struct CountKind: RuleKind {
    public static let name = "count"
    public static let fieldTypes: Set<FieldType> = [.count]

    public func values(from match: RuleMatch, groups: [String: String]) -> [(field: String, value: FieldValue, qualifier: Qualifier?)] {
        guard let field = groups["value"], let text = match.matching("value"),
              let number = ChineseNumberParser.parse(text), number >= 0, number < 1e12 else { return [] }
        let rounded = number.rounded()
        guard abs(rounded - number) < 1e-6 else { return [] }
        let words = ["qpre", "qmid", "qpost"].compactMap { match.matching($0) }.filter { !$0.isEmpty }
        return [(field, .count(Int(rounded)), Qualifier.from(words: words))]
    }
}
