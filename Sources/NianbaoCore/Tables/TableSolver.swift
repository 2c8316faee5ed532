/// Chooses among the readings of a table's rows with the template's arithmetic: the readings
/// of every row are combined, combinations that break a column equation are dropped, and a cell
/// is determined when every remaining combination gives it the same value. A table whose cells
/// the text separated has one reading per row and passes through unchanged (its checks are
/// reported, never "fixed").
enum TableSolver {
    /// Beyond this many combinations the ambiguous rows are left to what their own readings agree on.
    static let searchLimit = 20_000

    static func solve(_ readings: [String: [[Double?]]], spec: TableSpec) -> [String: [Double?]] {
        let keys = spec.rows.map(\.key)
        var table: [[Double?]?] = keys.map { key in readings[key].flatMap { $0.count == 1 ? $0[0] : nil } }
        let ambiguous: [(row: Int, readings: [[Double?]])] = keys.enumerated().compactMap { index, key in
            guard let options = readings[key], options.count > 1 else { return nil }
            return (index, options)
        }
        var result: [String: [Double?]] = [:]
        for (index, key) in keys.enumerated() { if let row = table[index] { result[key] = row } }
        guard !ambiguous.isEmpty else { return result }

        let equations: [(left: [Int], right: [Int])] = spec.checks.compactMap { check in
            guard case .columnEquation(_, let left, let right, _) = check else { return nil }
            return (left.compactMap { keys.firstIndex(of: $0) }, right.compactMap { keys.firstIndex(of: $0) })
        }
        let combinations = ambiguous.reduce(1.0) { $0 * Double($1.readings.count) }
        var kept = ambiguous.map { _ in Set<Int>() }
        if combinations <= Double(searchLimit), !equations.isEmpty {
            let columns = ambiguous[0].readings[0].count
            var choice = [Int](repeating: 0, count: ambiguous.count)
            func consistent() -> Bool {
                for equation in equations {
                    for column in 0..<columns {
                        var difference = 0.0
                        var complete = true
                        for row in equation.left {
                            guard let value = table[row]?[column] else { complete = false; break }
                            difference += value
                        }
                        if !complete { continue }
                        for row in equation.right {
                            guard let value = table[row]?[column] else { complete = false; break }
                            difference -= value
                        }
                        if complete && abs(difference) > 1e-6 { return false }
                    }
                }
                return true
            }
            func search(_ depth: Int) {
                if depth == ambiguous.count {
                    if consistent() { for (i, c) in choice.enumerated() { kept[i].insert(c) } }
                    return
                }
                for (i, reading) in ambiguous[depth].readings.enumerated() {
                    choice[depth] = i
                    table[ambiguous[depth].row] = reading
                    search(depth + 1)
                }
                table[ambiguous[depth].row] = nil
            }
            search(0)
        }
        for (i, row) in ambiguous.enumerated() {
            let options = kept[i].isEmpty ? row.readings : kept[i].sorted().map { row.readings[$0] }
            result[keys[row.row]] = agreement(options)
        }
        return result
    }

    /// Each cell's value where all readings agree, else nil.
    static func agreement(_ readings: [[Double?]]) -> [Double?] {
        guard let first = readings.first else { return [] }
        return first.indices.map { column in
            let value = first[column]
            return readings.allSatisfy { $0[column] == value } ? value : nil
        }
    }
}
