/// `kind: year` — a year in Arabic or Chinese digits (2023, 二〇二三).
public struct YearKind: RuleKind {
    public static let name = "year"
    public static let fieldTypes: Set<FieldType> = [.year]

    public func values(from match: RuleMatch, groups: [String: String]) -> [(field: String, value: FieldValue, qualifier: Qualifier?)] {
        guard let field = groups["value"], let text = match.matching("value"), let year = DateParser.parseYear(text) else { return [] }
        return [(field, .year(year), nil)]
    }
}
