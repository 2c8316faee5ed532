/// One row of a template table: its key (FIELDS.md), the label that finds it, and its cells.
public struct TableRowSpec: Sendable {
    public let key: String
    public let labelPattern: String
    public let cells: Int
    /// Names of the cells when the row is written as an object (article 20: issued, repealed, in_force).
    public let columns: [String]?
    /// Cells may be fractional (fees in 万元).
    public let decimal: Bool
}

/// A narrative figure that fixes one cell: `制发规范性文件62件` fixes normative_documents.issued.
public struct TableHint: Sendable {
    public let row: String
    public let column: String
    /// Expanded pattern with a `value` group.
    public let pattern: String
}

/// A check of the template's arithmetic.
public enum TableCheckSpec: Sendable {
    /// Every row's last cell is the sum of the others.
    case rowSum(name: String)
    /// Column by column, the sum of the `left` rows equals the sum of the `right` rows.
    case columnEquation(name: String, left: [String], right: [String])
    /// In each group of `size` cells of a single row, the last is the sum of the others.
    case groupSum(name: String, size: Int)

    public var name: String {
        switch self {
        case .rowSum(let name), .columnEquation(let name, _, _), .groupSum(let name, _): return name
        }
    }
}

/// One of the template's tables as `tables.yaml` declares it.
public struct TableSpec: Sendable {
    public let id: String
    /// The section it is printed in.
    public let section: String
    public let rows: [TableRowSpec]
    /// Rows appear in template order (labels are matched only after the last row placed).
    public let ordered: Bool
    /// Names of the cells of a row (applications: the seven applicant columns).
    public let columns: [String]
    /// One row of figures under header labels (review/litigation), written as groups.
    public let singleRow: Bool
    public let headerPattern: String?
    public let groups: [(key: String, cells: Int)]
    public let checks: [TableCheckSpec]
    public let hints: [TableHint]
}
