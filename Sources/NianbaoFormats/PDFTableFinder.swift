/// The bands (rows) printed on one grid of columns. `columnBorders` are the x positions between
/// columns, left to right (the middles of the empty strips that run down the whole table).
struct PDFTable {
    let bands: [Int]
    let columnBorders: [Double]

    /// The column a word belongs to: how many borders lie left of its middle.
    func column(of word: PDFWord) -> Int {
        let middle = (word.xMin + word.xMax) / 2
        return columnBorders.firstIndex { $0 > middle } ?? columnBorders.count
    }
}

/// Finds tables among a document's bands (pages in order, so a table may run on over a page
/// break). A table starts at a band with words apart on one line and grows row by row while
/// its columns hold: an empty strip down the rows, which two rows' cells begin at (or end at,
/// when right-aligned), must stay empty. A paragraph or heading after the table fills such a
/// strip, or starts off the columns, or stands further off than the rows do from each other.
/// Running heads and page numbers between two pages of a table are passed over.
enum PDFTableFinder {
    static func tables(_ bands: [PDFBand], textHeight: Double) -> [PDFTable] {
        let furniture = pageFurniture(bands)
        var tables: [PDFTable] = []
        var start = 0
        while start < bands.count {
            guard !PDFCoverage(bands[start].words).gaps.isEmpty, !furniture.contains(start) else { start += 1; continue }
            var grid = Grid(bands[start], textHeight: textHeight)
            var rows = [start]
            var next = start + 1
            while next < bands.count {
                let last = rows[rows.count - 1]
                if !furniture.contains(next) {
                    guard grid.accepts(bands[next], after: bands[last]) else { break }
                    grid.add(bands[next], after: bands[last])
                    rows.append(next)
                }
                next += 1
            }
            if grid.isTable {
                tables.append(PDFTable(bands: rows, columnBorders: grid.coverage.gaps.map { ($0.lo + $0.hi) / 2 }))
                start = rows[rows.count - 1] + 1
            } else {
                start += 1
            }
        }
        return tables
    }

    /// The bands at the top and bottom of pages that are page furniture: a page number (`3`,
    /// `— 3 —`, `第3页`, `3/12`), or a running head or foot that other pages repeat but for its digits.
    static func pageFurniture(_ bands: [PDFBand]) -> Set<Int> {
        let edges = bands.indices.filter { index in
            let page = bands[index].page
            return index == 0 || bands[index - 1].page != page || index + 1 == bands.count || bands[index + 1].page != page
        }
        func text(_ index: Int) -> String { bands[index].words.map(\.text).joined() }
        func withoutDigits(_ index: Int) -> String { text(index).filter { !($0.isASCII && $0.isNumber) } }
        var pagesOf: [String: Set<Int>] = [:]
        for index in edges { pagesOf[withoutDigits(index), default: []].insert(bands[index].page) }
        return Set(edges.filter { index in
            let number = text(index).filter { !"-—–―─第页共/".contains($0) && !$0.isWhitespace }
            if number.count <= 6, number.first.map({ $0 != "0" }) == true, number.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return true
            }
            let repeated = withoutDigits(index)
            return repeated.count >= 2 && repeated.contains { $0.isLetter } && pagesOf[repeated, default: []].count >= 2
        })
    }

    /// The columns of the rows taken so far.
    private struct Grid {
        let textHeight: Double, tolerance: Double
        private(set) var coverage = PDFCoverage()
        /// Where words begin and where they end (with where those begin), by row.
        private var lefts = Edges(), rights = Edges()
        private var rows = 0, rowsWithColumns = 0
        private var widestRowGap: Double?
        /// Whether some row leaves a space wider than a character between its words.
        private var hasEmptyStretch = false

        init(_ band: PDFBand, textHeight: Double) {
            self.textHeight = textHeight
            tolerance = 0.1 * textHeight
            take(band)
        }

        /// Two rows with columns, one column border that rows line up at, and somewhere an empty
        /// stretch: lines of a paragraph (each a band of its own when widely spaced) have words
        /// apart only by spaces, and line up only by chance.
        var isTable: Bool {
            rows >= 2 && rowsWithColumns >= 2 && hasEmptyStretch && coverage.gaps.contains(where: isColumnBorder)
        }

        mutating func add(_ band: PDFBand, after previous: PDFBand) {
            if band.page == previous.page { widestRowGap = max(widestRowGap ?? 0, band.yMin - previous.yMax) }
            take(band)
        }

        private mutating func take(_ band: PDFBand) {
            for word in band.words {
                coverage.add(word)
                lefts.insert(Edge(x: word.xMin, word: word, row: rows))
                rights.insert(Edge(x: word.xMax, word: word, row: rows))
            }
            let gaps = PDFCoverage(band.words).gaps
            if !gaps.isEmpty { rowsWithColumns += 1 }
            if gaps.contains(where: { $0.hi - $0.lo >= textHeight }) { hasEmptyStretch = true }
            rows += 1
        }

        func accepts(_ band: PDFBand, after previous: PDFBand) -> Bool {
            var widened = coverage
            for word in band.words { widened.add(word) }
            let kept = widened.gaps
            func keeps(_ gap: (lo: Double, hi: Double)) -> Bool {
                kept.contains { min($0.hi, gap.hi) - max($0.lo, gap.lo) > 0 }
            }
            guard !kept.isEmpty, coverage.gaps.allSatisfy({ !isColumnBorder($0) || keeps($0) }) else { return false }
            if PDFCoverage(band.words).gaps.isEmpty {
                // One block of text: a row with one cell filled, or a heading or paragraph after
                // the table. It must fit in a column, and stand no further off than rows do from
                // each other; with no rows to compare (second row, page break), begin where a column does.
                guard coverage.gaps.allSatisfy(keeps) else { return false }
                if band.page == previous.page, let widestRowGap {
                    return band.yMin - previous.yMax <= 1.5 * widestRowGap + tolerance
                }
                let x = band.xMin
                return abs(x - (coverage.lo ?? x)) <= tolerance || coverage.gaps.contains { abs($0.hi - x) <= tolerance }
            }
            return true
        }

        /// An empty strip that cells of two rows begin at its right side, or end at its left
        /// side (right-aligned, not merely words of one width), or that has a column of centred
        /// cells beside it; with one row, any strip.
        private func isColumnBorder(_ gap: (lo: Double, hi: Double)) -> Bool {
            guard rows >= 2 else { return true }
            if Set(lefts.near(gap.hi, tolerance).map(\.row)).count >= 2 { return true }
            let ending = rights.near(gap.lo, tolerance)
            if Set(ending.map(\.word.xMin)).count >= 2 && Set(ending.map(\.row)).count >= 2 { return true }
            return coverage.spans.contains { span in
                (span.lo == gap.hi || span.hi == gap.lo) && hasCentredCells(span)
            }
        }

        /// Whether two rows have words of different widths centred on one line in this x-range.
        private func hasCentredCells(_ span: (lo: Double, hi: Double)) -> Bool {
            let words = lefts.within(span.lo...span.hi).sorted { $0.centre < $1.centre }
            for (index, word) in words.enumerated() {
                for other in words[(index + 1)...] {
                    if other.centre - word.centre > tolerance { break }
                    if other.row != word.row, abs(other.width - word.width) > tolerance { return true }
                }
            }
            return false
        }
    }

    private struct Edge {
        let x: Double, word: PDFWord, row: Int
        var centre: Double { (word.xMin + word.xMax) / 2 }
        var width: Double { word.xMax - word.xMin }
    }

    /// Edges sorted by x, for looking up those near a position.
    private struct Edges {
        private var sorted: [Edge] = []

        mutating func insert(_ edge: Edge) {
            sorted.insert(edge, at: firstIndex(notBelow: edge.x))
        }

        func near(_ x: Double, _ tolerance: Double) -> ArraySlice<Edge> {
            within((x - tolerance)...(x + tolerance))
        }

        func within(_ range: ClosedRange<Double>) -> ArraySlice<Edge> {
            let start = firstIndex(notBelow: range.lowerBound)
            var end = start
            while end < sorted.count, sorted[end].x <= range.upperBound { end += 1 }
            return sorted[start..<end]
        }

        private func firstIndex(notBelow x: Double) -> Int {
            var low = 0, high = sorted.count
            while low < high {
                let middle = (low + high) / 2
                if sorted[middle].x < x { low = middle + 1 } else { high = middle }
            }
            return low
        }
    }
}
