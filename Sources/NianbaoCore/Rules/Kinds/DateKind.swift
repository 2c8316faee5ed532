/// `kind: date` — a calendar date (2024年1月30日, 2024-01-30, 二〇二四年一月三十日) as ISO 8601.
/// A date written without its year (…至12月31日) takes the year of the match's other date.
public struct DateKind: RuleKind {
    public static let name = "date"
    public static let fieldTypes: Set<FieldType> = [.date]

    public func values(from match: RuleMatch, groups: [String: String]) -> [(field: String, value: FieldValue, qualifier: Qualifier?)] {
        let texts = groups.sorted { $0.key < $1.key }.compactMap { group, field in match.matching(group).map { (field, $0) } }
        let knownYear = texts.lazy.compactMap { DateParser.parse($0.1)?.year }.first
        return texts.compactMap { field, text in
            guard let date = DateParser.parse(text) ?? knownYear.flatMap({ DateParser.parse("\($0)年" + text) }) else { return nil }
            return (field, .date(date), nil)
        }
    }
}
