/// A regular-expression match of a rule, with its named groups, over a prepared report text.
public struct RuleMatch {
    public let text: ReportText
    public let range: Range<Int>
    public let groups: [String: Range<Int>]

    public func matching(_ group: String) -> String? { groups[group].map { text.matchingString($0) } }
    public func display(_ group: String) -> String? { groups[group].map { text.displayString($0) } }
}

/// What a kind of rule makes of a match: values for fields. Each kind is one small type;
/// adding a kind is adding a file under `Kinds/` and a line in `RuleKinds.all`.
public protocol RuleKind: Sendable {
    /// The name rule files use in `kind:`.
    static var name: String { get }
    /// The field types this kind can fill.
    static var fieldTypes: Set<FieldType> { get }
    /// Values read from `match`, one per capture group listed in `groups` (group → field).
    func values(from match: RuleMatch, groups: [String: String]) -> [(field: String, value: FieldValue, qualifier: Qualifier?)]
}

public enum RuleKinds {
    public static let all: [String: any RuleKind] = [
        CountKind.name: CountKind(),
        ZeroKind.name: ZeroKind(),
        TextKind.name: TextKind(),
        TextKind.hostName: TextKind(lowercase: true),
        TextKind.noticeName: TextKind(),
        TextKind.emailName: TextKind(),
        DateKind.name: DateKind(),
        YearKind.name: YearKind(),
    ]
    /// Kinds that work on resolved fields rather than text.
    public static let derived: Set<String> = ["derive"]

    static func fieldTypes(of kind: String) -> Set<FieldType> {
        switch kind {
        case CountKind.name: return CountKind.fieldTypes
        case ZeroKind.name: return ZeroKind.fieldTypes
        case DateKind.name: return DateKind.fieldTypes
        case YearKind.name: return YearKind.fieldTypes
        case "derive": return [.count]
        default: return TextKind.fieldTypes
        }
    }
}
