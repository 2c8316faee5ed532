/// The readings of a row's cells. Cells the text separates are read as they are; figures that
/// ran together (`21710000218` for seven cells) are split every way that gives each cell a
/// number without a leading zero and that `accept` (the row's own arithmetic) takes, for the
/// table's arithmetic to choose from.
enum CellSplitter {
    /// Beyond this many readings (or this many tries) a row is left undetermined rather than searched.
    static let limit = 4_096
    static let effort = 200_000

    /// Readings of `cells` values from `tokens`; nil cells are blanks.
    static func readings(_ tokens: [CellToken], cells: Int, decimal: Bool,
                         accept: @escaping ([Double?]) -> Bool = { _ in true }) -> [[Double?]] {
        if tokens.count == cells {
            return [tokens.map { token in
                if case .figure(let text) = token { return Double(text) }
                return nil
            }]
        }
        guard tokens.count < cells, !tokens.isEmpty else { return [] }
        var figures: [[UInt8]] = []
        for token in tokens {
            guard case .figure(let text) = token, decimal || !text.utf8.contains(0x2E) else { return [] }
            figures.append(Array(text.utf8))
        }
        var search = Search(figures: figures, cells: cells, accept: accept)
        search.run(figure: 0, offset: 0, cellsLeft: cells)
        return search.gaveUp ? [] : search.results
    }

    /// A depth-first walk over the cut points, writing into one buffer (no intermediate arrays).
    private struct Search {
        let figures: [[UInt8]]
        /// Digits of the figures after figure `i`: `digitsAfter[i]`.
        let digitsAfter: [Int]
        let cells: Int
        let accept: ([Double?]) -> Bool
        var current: [Double?] = []
        var results: [[Double?]] = []
        var tries = 0
        var gaveUp = false

        init(figures: [[UInt8]], cells: Int, accept: @escaping ([Double?]) -> Bool) {
            self.figures = figures
            var after = [Int](repeating: 0, count: figures.count)
            for i in stride(from: figures.count - 2, through: 0, by: -1) { after[i] = after[i + 1] + figures[i + 1].count }
            digitsAfter = after
            self.cells = cells
            self.accept = accept
            current.reserveCapacity(cells)
        }

        /// Cells still to cut from figure `figure`, starting at digit `offset`.
        mutating func run(figure: Int, offset: Int, cellsLeft: Int) {
            if gaveUp { return }
            tries += 1
            if tries > CellSplitter.effort || results.count >= CellSplitter.limit { gaveUp = true; return }
            if figure == figures.count {
                if cellsLeft == 0, accept(current) { results.append(current) }
                return
            }
            let digits = figures[figure]
            let remaining = digits.count - offset
            let laterFigures = figures.count - figure - 1
            let laterDigits = digitsAfter[figure]
            guard cellsLeft >= laterFigures + 1, remaining + laterDigits >= cellsLeft else { return }
            // Take the next cell from this figure: 1…remaining digits (all of them closes the figure).
            let longest = digits[offset] == 0x30 ? 1 : remaining
            var value = 0.0
            for length in 1...longest {
                value = value * 10 + Double(digits[offset + length - 1] - 0x30)
                current.append(value)
                if length == remaining {
                    run(figure: figure + 1, offset: 0, cellsLeft: cellsLeft - 1)
                } else if cellsLeft - 1 > laterFigures {
                    run(figure: figure, offset: offset + length, cellsLeft: cellsLeft - 1)
                }
                current.removeLast()
                if gaveUp { return }
            }
        }
    }
}
