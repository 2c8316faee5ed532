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
    /// Column by column, the sum of the `left` rows equals the sum of the `right` rows. Rows of
    /// `mayBeAbsent` are ones an edition of the template does not print: left out of the text
    /// together, they count for nothing.
    case columnEquation(name: String, left: [String], right: [String], mayBeAbsent: [String] = [])
    /// In each group of `size` cells of a single row, the last is the sum of the others.
    case groupSum(name: String, size: Int)

    public var name: String {
        switch self {
        case .rowSum(let name), .columnEquation(let name, _, _, _), .groupSum(let name, _): return name
        }
    }

    /// A column equation's rows as the text prints the table (`printed` says whether a row was
    /// found): without the `mayBeAbsent` rows when none of them is printed and all the others are,
    /// as on the 2019 template's one (六)其他处理 row. Nil for other checks.
    func equationRows(printed: (String) -> Bool) -> (left: [String], right: [String])? {
        guard case .columnEquation(_, let left, let right, let mayBeAbsent) = self else { return nil }
        guard !mayBeAbsent.isEmpty, !mayBeAbsent.contains(where: printed),
              (left + right).allSatisfy({ mayBeAbsent.contains($0) || printed($0) }) else { return (left, right) }
        return (left.filter { !mayBeAbsent.contains($0) }, right.filter { !mayBeAbsent.contains($0) })
    }
}

/// Another edition of the template, whose table prints some rows with other columns (the 2019
/// template's Article 20: 本年新制作数量… where 2021 has 本年制发件数…). Recognised by its header
/// words in the table's section; its rows are read with their own cell counts, and only the
/// cells that are the catalogue's columns are kept.
public struct TableEdition: Sendable {
    public let id: String
    public let headerPattern: String
    /// Row key → the row's cells in this edition, and which of them (1-based) fill the row's
    /// catalogue cells in order; empty: none does, the row is left null.
    public let rows: [String: (cells: Int, take: [Int])]

    /// `spec` as this edition prints it: its rows' cell counts, and no column names for them
    /// (narrative hints name the catalogue's columns, which these cells are not).
    func adjusting(_ spec: TableSpec) -> TableSpec {
        let rows = spec.rows.map { row -> TableRowSpec in
            guard let edition = self.rows[row.key] else { return row }
            return TableRowSpec(key: row.key, labelPattern: row.labelPattern, cells: edition.cells, columns: nil, decimal: row.decimal)
        }
        return TableSpec(id: spec.id, section: spec.section, rows: rows, ordered: spec.ordered, columns: spec.columns,
                         singleRow: spec.singleRow, headerPattern: spec.headerPattern, groups: spec.groups,
                         checks: spec.checks, hints: spec.hints, editions: [])
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
    public let editions: [TableEdition]
}
