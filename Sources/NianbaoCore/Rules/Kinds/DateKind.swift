/// `kind: date` — a calendar date (2024年1月30日, 2024-01-30, 二〇二四年一月三十日) as ISO 8601.
public struct DateKind: RuleKind {
    public static let name = "date"
    public static let fieldTypes: Set<FieldType> = [.date]

    public func values(from match: RuleMatch, groups: [String: String]) -> [(field: String, value: FieldValue, qualifier: Qualifier?)] {
        groups.sorted { $0.key < $1.key }.compactMap { group, field in
            guard let text = match.matching(group), let date = DateParser.parse(text) else { return nil }
            return (field, .date(date), nil)
        }
    }
}
