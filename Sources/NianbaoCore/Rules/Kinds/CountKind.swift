/// `kind: count` — a number with its qualifier words: groups `value`, `qpre` (约, 超过),
/// `qmid` (余, 多), `mult` (the 万 of 20余万) and `qpost` (左右, 以上). `4.14万条` is 41400;
/// fractions are not counts.
/// A second count, `value2` with `qpre2`/`qmid2`, is added to the first: a field FIELDS.md
/// counts "together" is often written as its two parts (人大代表建议15件、政协委员提案20件).
public struct CountKind: RuleKind {
    public static let name = "count"
    public static let fieldTypes: Set<FieldType> = [.count]
    /// The groups a count reads besides value, qpre, qmid, qpost and unit: the multiplier, and
    /// the second addend's, as `{count}` and `{count:2}` name them.
    static let otherGroups = ["mult", "value2", "qpre2", "qmid2", "mult2"]
    /// Every group a count reads.
    static let groupNames = ["value", "qpre", "qmid", "qpost", "unit"] + otherGroups

    public func values(from match: RuleMatch, groups: [String: String]) -> [(field: String, value: FieldValue, qualifier: Qualifier?)] {
        guard let field = groups["value"], var total = Self.count(match.matching("value"), times: match.matching("mult")) else { return [] }
        var words = ["qpre", "qmid", "qpost"].compactMap { match.matching($0) }
        if let addend = match.matching("value2") {
            guard let second = Self.count(addend, times: match.matching("mult2")) else { return [] }
            total += second
            words += ["qpre2", "qmid2"].compactMap { match.matching($0) }
        }
        return [(field, .count(total), Qualifier.from(words: words.filter { !$0.isEmpty }))]
    }

    /// A whole, non-negative number below 10¹², or nil; `multiplier` is a 万 or 亿 written after 余/多.
    private static func count(_ text: String?, times multiplier: String? = nil) -> Int? {
        guard let text, let parsed = ChineseNumberParser.parse(text) else { return nil }
        let number = parsed * (multiplier == "亿" ? 1e8 : multiplier == "万" ? 1e4 : 1)
        guard number >= 0, number < 1e12 else { return nil }
        let rounded = number.rounded()
        return abs(rounded - number) < 1e-6 ? Int(rounded) : nil
    }
}
