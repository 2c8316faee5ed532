/// `kind: zero` — a statement of absence (未收到…申请, 未收取…费) is a count of 0, exact.
public struct ZeroKind: RuleKind {
    public static let name = "zero"
    public static let fieldTypes: Set<FieldType> = [.count]

    public func values(from match: RuleMatch, groups: [String: String]) -> [(field: String, value: FieldValue, qualifier: Qualifier?)] {
        guard let field = groups["value"] else { return [] }
        return [(field, .count(0), .exact)]
    }
}
