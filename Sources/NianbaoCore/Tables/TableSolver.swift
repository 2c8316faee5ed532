/// Chooses among the readings of a table's rows with the template's arithmetic: the readings
/// of every row are combined, combinations that break a column equation are dropped, and a cell
/// is determined when every remaining combination gives it the same value. A table whose cells
/// the text separated has one reading per row and passes through unchanged (its checks are
/// reported, never "fixed").
enum TableSolver {
    /// Beyond this many combinations the ambiguous rows are left undetermined.
    static let searchLimit = 200_000

    static func solve(_ readings: [String: [[Double?]]], spec: TableSpec) -> [String: [Double?]] {
        var fixed: [String: [Double?]] = [:]
        var ambiguous: [(key: String, readings: [[Double?]])] = []
        for (key, options) in readings where !options.isEmpty {
            if options.count == 1 { fixed[key] = options[0] } else { ambiguous.append((key, options)) }
        }
        guard !ambiguous.isEmpty else { return fixed }
        ambiguous.sort { $0.key < $1.key }
        let equations = spec.checks.compactMap { check -> ([String], [String])? in
            if case .columnEquation(_, let left, let right) = check { return (left, right) }
            return nil
        }
        let combinations = ambiguous.reduce(1.0) { $0 * Double($1.readings.count) }
        var usedReadings = ambiguous.map { _ in Set<Int>() }
        if combinations <= Double(searchLimit), !equations.isEmpty {
            var choice = [Int](repeating: 0, count: ambiguous.count)
            func consistent(_ table: [String: [Double?]]) -> Bool {
                let columns = table.values.first?.count ?? 0
                for (left, right) in equations {
                    for column in 0..<columns {
                        var l = 0.0, r = 0.0, complete = true
                        for key in left { if let v = table[key]?[column] ?? nil { l += v } else { complete = false } }
                        for key in right { if let v = table[key]?[column] ?? nil { r += v } else { complete = false } }
                        if complete && abs(l - r) > 1e-6 { return false }
                    }
                }
                return true
            }
            func search(_ depth: Int, _ table: inout [String: [Double?]]) {
                if depth == ambiguous.count {
                    if consistent(table) { for (i, c) in choice.enumerated() { usedReadings[i].insert(c) } }
                    return
                }
                for (i, reading) in ambiguous[depth].readings.enumerated() {
                    choice[depth] = i
                    table[ambiguous[depth].key] = reading
                    search(depth + 1, &table)
                }
                table[ambiguous[depth].key] = nil
            }
            var table = fixed
            search(0, &table)
        }
        for (i, row) in ambiguous.enumerated() {
            let kept = usedReadings[i].isEmpty ? row.readings : usedReadings[i].sorted().map { row.readings[$0] }
            fixed[row.key] = agreement(kept)
        }
        return fixed
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
