/// A field's value: a string, a year, a date or a count.
public enum FieldValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    case text(String)
    case year(Int)
    case date(ReportDate)
    case count(Int)

    public var description: String {
        switch self {
        case .text(let s): return s
        case .year(let y): return String(y)
        case .date(let d): return d.description
        case .count(let n): return String(n)
        }
    }

    /// The value as an example in a rule file writes it.
    public var exampleValue: ExampleValue {
        switch self {
        case .text(let s): return .text(s)
        case .date(let d): return .text(d.description)
        case .year(let n), .count(let n): return .number(n)
        }
    }
}


/// One value a rule proposes for a field, with where it was found and how much it is trusted.
public struct Candidate: Sendable {
    public let field: String
    public let value: FieldValue
    /// Counts only.
    public let qualifier: Qualifier?
    public let ruleID: String
    /// The rule's prior, lowered for scopes later in the rule's preference list.
    public let score: Double
    /// The section the match lies in (its id), or "document".
    public let section: String
    /// Where the evidence lies in the matching/display text (a range of `ReportText.matching`).
    public let range: Range<Int>
    /// 0 for the rule's preferred scope, 1 for the next, …
    public let scopeRank: Int
    /// From an `extends_only` rule: chosen only as the fuller form of another candidate's name.
    public var extendsOnly = false
}
