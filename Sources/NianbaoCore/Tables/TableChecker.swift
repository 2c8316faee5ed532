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
                    guard let cells = table.cells[row.key], cells.count > 1, cells.allSatisfy({ $0 != nil }) else { continue }
                    let parts = cells.dropLast().reduce(0) { $0 + $1! }
                    results.append(result(name, row.key, parts, cells.last!!))
                }
            case .columnEquation(_, let left, let right):
                for (column, columnName) in columnNames(spec).enumerated() {
                    let l = left.map { table.cell($0, column) }, r = right.map { table.cell($0, column) }
                    guard l.allSatisfy({ $0 != nil }), r.allSatisfy({ $0 != nil }) else { continue }
                    results.append(result(name, columnName, l.reduce(0) { $0 + $1! }, r.reduce(0) { $0 + $1! }))
                }
            case .groupSum(_, let size):
                guard let cells = table.cells["all"] else { continue }
                for (g, group) in spec.groups.enumerated() {
                    let start = g * size
                    guard start + size <= cells.count else { break }
                    let slice = cells[start..<(start + size)]
                    guard slice.allSatisfy({ $0 != nil }) else { continue }
                    results.append(result(name, group.key, slice.dropLast().reduce(0) { $0 + $1! }, slice.last!!))
                }
            }
        }
        return results
    }

    static func columnNames(_ spec: TableSpec) -> [String] {
        if !spec.columns.isEmpty { return spec.columns }
        return (0..<(spec.rows.first?.cells ?? 0)).map { "column \($0 + 1)" }
    }

    private static func result(_ name: String, _ subject: String, _ expected: Double, _ found: Double) -> TableCheckResult {
        TableCheckResult(name: name, subject: subject, passed: abs(expected - found) < 1e-6, expected: expected, found: found)
    }
}
