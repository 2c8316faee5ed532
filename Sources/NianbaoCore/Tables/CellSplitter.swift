/// The readings of a row's cells. Cells the text separates are read as they are; figures that
/// ran together (`21710000218` for seven cells) are split every way that gives each cell a
/// number without a leading zero, for the table's arithmetic to choose from.
enum CellSplitter {
    /// Beyond this many readings a row is left undetermined rather than searched.
    static let limit = 50_000

    /// Readings of `cells` values from `tokens`; nil cells are blanks.
    static func readings(_ tokens: [CellToken], cells: Int, decimal: Bool) -> [[Double?]] {
        if tokens.count == cells {
            return [tokens.map { token in
                if case .figure(let text) = token { return Double(text) }
                return nil
            }]
        }
        guard tokens.count < cells, !tokens.isEmpty else { return [] }
        var figures: [String] = []
        for token in tokens {
            guard case .figure(let text) = token, !text.contains(".") || decimal else { return [] }
            figures.append(text)
        }
        var results: [[Double?]] = []
        split(figures[...], cells: cells, prefix: [], into: &results)
        return results
    }

    private static func split(_ figures: ArraySlice<String>, cells: Int, prefix: [Double?], into results: inout [[Double?]]) {
        guard results.count < limit else { return }
        guard let first = figures.first else {
            if cells == 0 { results.append(prefix) }
            return
        }
        let rest = figures.dropFirst()
        let restDigits = rest.reduce(0) { $0 + $1.count }
        let digits = Array(first.utf8)
        // This figure takes k cells; the others need at least one each and at most one per digit.
        let most = min(digits.count, cells - rest.count)
        let least = max(1, cells - restDigits)
        guard least <= most else { return }
        for k in least...most {
            for parts in partitions(digits[...], into: k) {
                split(rest, cells: cells - k, prefix: prefix + parts, into: &results)
            }
        }
    }

    /// Every way to cut `digits` into `k` numbers, none with a leading zero.
    private static func partitions(_ digits: ArraySlice<UInt8>, into k: Int) -> [[Double?]] {
        if k == 1 {
            guard digits.count == 1 || digits.first != 0x30 else { return [] }
            return [[Double(String(decoding: digits, as: UTF8.self))]]
        }
        var result: [[Double?]] = []
        let maxFirst = digits.count - (k - 1)
        guard maxFirst >= 1 else { return [] }
        for length in 1...maxFirst {
            let head = digits.prefix(length)
            if head.count > 1 && head.first == 0x30 { break }
            let value = Double(String(decoding: head, as: UTF8.self))
            for tail in partitions(digits.dropFirst(length), into: k - 1) { result.append([value] + tail) }
            if result.count > limit { break }
        }
        return result
    }
}
