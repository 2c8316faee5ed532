/// A template table as read from one document: each row's cells (nil: blank or undetermined),
/// where each row came from, and what had to be assumed.
public struct ParsedTable: Sendable {
    public let spec: TableSpec
    public var cells: [String: [Double?]]
    /// Where each row was read, in `ReportText.matching`.
    public var rowRanges: [String: Range<Int>]
    public var warnings: [String]
    /// How far the table can be trusted: lowered by failed checks, assumptions and ambiguity.
    public var confidence: Double
    /// Whether the table's section was found at all.
    public var found: Bool

    public func cell(_ row: String, _ column: Int) -> Double? {
        guard let values = cells[row], column < values.count else { return nil }
        return values[column]
    }
}

/// One result of a check of the template's arithmetic.
public struct TableCheckResult: Sendable {
    public let name: String
    /// The row, column or group checked.
    public let subject: String
    public let passed: Bool
    /// The two sides compared (expected, found).
    public let expected: Double
    public let found: Double
}
