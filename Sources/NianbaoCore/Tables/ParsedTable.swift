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
    /// Rows printed with fewer cells than the template has, and what was assumed.
    public var shapeNotes: [ShapeNote] = []

    public func cell(_ row: String, _ column: Int) -> Double? { Self.cell(column, of: cells[row]) }

    /// Cell `column` of a row's cells (nil: no such row or column, or a blank cell).
    static func cell(_ column: Int, of row: [Double?]?) -> Double? {
        guard let row, column < row.count else { return nil }
        return row[column]
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

/// A row printed with fewer cells than the template has (seed 004 prints six of seven).
public struct ShapeNote: Sendable {
    public let row: String
    public let shown: Int
    public let expected: Int
    public let assumption: String
}
