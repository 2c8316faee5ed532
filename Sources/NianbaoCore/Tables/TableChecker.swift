/// Evaluates a table's checks (`tables.yaml`) on its final cells. A check with a blank or
/// undetermined cell is not evaluated.
enum TableChecker {
    static func check(_ table: ParsedTable) -> [TableCheckResult] {
        var results: [TableCheckResult] = []
        let spec = table.spec
        for check in spec.checks {
            let name = "\(spec.id).\(check.name)"
            switch check {
            case .rowSum:
                for row in spec.rows {
                    guard let sides = table.cells[row.key].flatMap({ sumSides($0[...]) }) else { continue }
                    results.append(result(name, row.key, sides.parts, sides.total))
                }
            case .columnEquation:
                guard let (left, right) = check.equationRows(printed: { table.rowRanges[$0] != nil }) else { continue }
                // Each row's cells looked up once, not once per column.
                let leftRows = left.map { table.cells[$0] }, rightRows = right.map { table.cells[$0] }
                for (column, columnName) in columnNames(spec).enumerated() {
                    let l = leftRows.map { ParsedTable.cell(column, of: $0) }, r = rightRows.map { ParsedTable.cell(column, of: $0) }
                    guard l.allSatisfy({ $0 != nil }), r.allSatisfy({ $0 != nil }) else { continue }
                    results.append(result(name, columnName, l.reduce(0) { $0 + $1! }, r.reduce(0) { $0 + $1! }))
                }
            case .groupSum(_, let size):
                guard let cells = table.cells["all"] else { continue }
                for (g, group) in spec.groups.enumerated() {
                    let start = g * size
                    guard start + size <= cells.count else { break }
                    guard let sides = sumSides(cells[start..<(start + size)]) else { continue }
                    results.append(result(name, group.key, sides.parts, sides.total))
                }
            }
        }
        return results
    }

    /// The sum of all cells but the last, and the last (the template's 总计), when none is blank.
    static func sumSides(_ cells: ArraySlice<Double?>) -> (parts: Double, total: Double)? {
        guard cells.count > 1, let total = cells.last ?? nil else { return nil }
        var parts = 0.0
        for cell in cells.dropLast() {
            guard let cell else { return nil }
            parts += cell
        }
        return (parts, total)
    }

    static func columnNames(_ spec: TableSpec) -> [String] {
        if !spec.columns.isEmpty { return spec.columns }
        return (0..<(spec.rows.first?.cells ?? 0)).map { "column \($0 + 1)" }
    }

    private static func result(_ name: String, _ subject: String, _ expected: Double, _ found: Double) -> TableCheckResult {
        TableCheckResult(name: name, subject: subject, passed: abs(expected - found) < 1e-6, expected: expected, found: found)
    }
}
