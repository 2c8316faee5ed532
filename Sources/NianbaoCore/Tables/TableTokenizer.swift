import ICUKit

/// Turns the text of a table section into rows of cells, whatever the converter made of it:
/// - one cell per line, each line starting with a tab, rows separated by blank lines (seeds 000, 001);
/// - one row per line, cells separated by tabs (seeds 002–004) or pipes (Markdown tables, and rows
///   with closing pipes only);
/// - free text where labels and figures follow each other (`行政许可 97`), or where the whole
///   table ran into one line with its cells' digits run together (the Pingtan dumps);
/// - one cell per line without tabs, as a web page's table copied as text gives it: a label
///   line, then a line for each of its figures.
/// Works on UTF-16 ranges; strings are made only for labels and figures.
enum TableTokenizer {
    private static let tab: UInt16 = 0x09, pipe: UInt16 = 0x7C, space: UInt16 = 0x20

    static func rows(_ units: [UInt16], in range: Range<Int>) -> [RawRow] {
        let lines = splitLines(units, range)
        let nonEmpty = lines.filter { !$0.isEmpty }
        // One cell per line: lines led by a tab that hold no other tab.
        let tabLed = nonEmpty.filter { line in
            units[line.lowerBound] == tab && !units[(line.lowerBound + 1)..<line.upperBound].contains(tab)
        }.count
        if nonEmpty.count >= 10, tabLed * 2 >= nonEmpty.count, lines.contains(where: \.isEmpty) {
            return blockRows(units, lines)
        }
        // Lines of one cell alone are the table's cells only where no line separates cells
        // itself; beside tab or pipe rows such a line is a page number or a stray figure.
        if nonEmpty.contains(where: { units[$0].contains(tab) || units[$0].contains(pipe) }) {
            return nonEmpty.flatMap { lineRows(units, $0) }
        }
        return joiningCellLines(units, nonEmpty)
    }

    /// Rows of the lines, with lines that hold one cell alone (`14`, `-`) taken as the next cells
    /// of the label line above them: that is a table flattened to one cell per line.
    private static func joiningCellLines(_ units: [UInt16], _ lines: [Range<Int>]) -> [RawRow] {
        var rows: [RawRow] = []
        // Whether the last row is a label line (with at most one figure), or such a line and the
        // cell lines after it.
        var takesCellLines = false
        for line in lines {
            if takesCellLines, let cell = loneCell(units[line]) {
                let last = rows.count - 1
                rows[last].values.append(cell)
                rows[last].range = rows[last].range.lowerBound..<line.upperBound
                rows[last].explicitCells = true
                continue
            }
            let lineRows = lineRows(units, line)
            rows += lineRows
            // Line unwrapping may have run a label's first cell into it (`申请数量0`).
            takesCellLines = lineRows.count == 1 && lineRows[0].values.count <= 1 && !lineRows[0].labels.isEmpty
        }
        return rows
    }

    /// The one cell a line holds alone: a figure, or a dash or slash for a blank.
    private static func loneCell(_ line: ArraySlice<UInt16>) -> CellToken? {
        let text = trim(line)
        if isFigure(text) { return .figure(asciiString(text)) }
        return isBlankMark(text) ? .blank : nil
    }

    /// A dash or slash alone, which tables print for a blank cell.
    private static func isBlankMark(_ text: ArraySlice<UInt16>) -> Bool {
        guard text.count == 1, let only = text.first else { return false }
        return only == 0x2D || only == 0x2014 || only == 0x2F
    }

    private static func splitLines(_ units: [UInt16], _ range: Range<Int>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = range.lowerBound
        for i in range where units[i] == 0x0A {
            lines.append(start..<trimCR(units, start, i))
            start = i + 1
        }
        if start < range.upperBound { lines.append(start..<trimCR(units, start, range.upperBound)) }
        return lines
    }

    private static func trimCR(_ units: [UInt16], _ start: Int, _ end: Int) -> Int {
        end > start && units[end - 1] == 0x0D ? end - 1 : end
    }

    /// One cell per line: a line starting with a tab opens a cell, other lines continue it.
    private static func blockRows(_ units: [UInt16], _ lines: [Range<Int>]) -> [RawRow] {
        var rows: [RawRow] = []
        var cells: [[UInt16]] = []
        var blockStart: Int?
        var blockEnd = 0
        func flush() {
            if let start = blockStart { rows.append(row(from: cells.map { $0[...] }, range: start..<blockEnd)) }
            cells = []
            blockStart = nil
        }
        for line in lines {
            if line.isEmpty { flush(); continue }
            if blockStart == nil { blockStart = line.lowerBound }
            blockEnd = line.upperBound
            if units[line.lowerBound] == tab || cells.isEmpty {
                cells.append(Array(units[line].drop { $0 == tab }))
            } else {
                cells[cells.count - 1] += units[line]
            }
        }
        flush()
        return rows
    }

    /// One line: tab- or pipe-separated cells, or free text.
    private static func lineRows(_ units: [UInt16], _ line: Range<Int>) -> [RawRow] {
        let slice = units[line]
        if slice.contains(tab) {
            var row = row(from: slice.split(separator: tab, omittingEmptySubsequences: false), range: line)
            row.edgeBlanksAreLayout = true
            return [row]
        }
        let trimmed = trim(slice)
        // Markdown rows open with a pipe; some converters only close them (`规章 | 0 | 0 | 0 |`).
        if trimmed.first == pipe || trimmed.last == pipe {
            // |---|---| separates a Markdown table's header from its body.
            if trimmed.allSatisfy({ $0 == pipe || $0 == 0x2D || $0 == 0x3A || $0 == space }) { return [] }
            var cells = trimmed.split(separator: pipe, omittingEmptySubsequences: false)
            if let first = cells.first, trim(first).isEmpty { cells.removeFirst() }
            if let last = cells.last, trim(last).isEmpty { cells.removeLast() }
            var row = row(from: cells, range: line)
            row.edgeBlanksAreLayout = true
            return [row]
        }
        return freeRows(units, line)
    }

    private static func trim(_ cell: ArraySlice<UInt16>) -> ArraySlice<UInt16> {
        var cell = cell
        while let first = cell.first, first == space || first == tab { cell = cell.dropFirst() }
        while let last = cell.last, last == space || last == tab { cell = cell.dropLast() }
        return cell
    }

    /// Cells → a row: the label cells, and the figures and blanks after the last label.
    private static func row(from cells: [ArraySlice<UInt16>], range: Range<Int>) -> RawRow {
        var labels: [String] = []
        var values: [CellToken] = []
        for cell in cells {
            let text = trim(cell)
            if text.isEmpty || isBlankMark(text) {
                values.append(.blank)
            } else if let figures = figures(in: text) {
                values += figures.map { .figure($0) }
            } else {
                labels.append(UTF16Strings.string(text.filter { $0 != space && $0 != tab }))
                values = []
            }
        }
        return RawRow(labels: labels, values: values, range: range, explicitCells: true)
    }

    /// The figures of a cell made only of figures separated by spaces (`0 1 1`), else nil.
    private static func figures(in text: ArraySlice<UInt16>) -> [String]? {
        // Usually one figure: no need to split.
        if isFigure(text) { return [asciiString(text)] }
        let parts = text.split(separator: space)
        guard !parts.isEmpty, parts.allSatisfy(isFigure) else { return nil }
        return parts.map(asciiString)
    }

    /// A figure's digits and point as a String, without an intermediate array.
    private static func asciiString(_ units: ArraySlice<UInt16>) -> String {
        String(unsafeUninitializedCapacity: units.count) { buffer in
            for (i, unit) in units.enumerated() { buffer[i] = UInt8(truncatingIfNeeded: unit) }
            return units.count
        }
    }

    /// Digits, with at most one decimal point between digits.
    static func isFigure(_ text: ArraySlice<UInt16>) -> Bool {
        var seenDigit = false, seenPoint = false, lastWasPoint = false
        for c in text {
            if c >= 0x30 && c <= 0x39 { seenDigit = true; lastWasPoint = false }
            else if c == 0x2E && seenDigit && !seenPoint { seenPoint = true; lastWasPoint = true }
            else { return false }
        }
        return seenDigit && !lastWasPoint
    }

    /// Whether a Chinese character comes at `start`, after any spaces.
    private static func startsLabel(_ units: [UInt16], after start: Int, before end: Int) -> Bool {
        var k = start
        while k < end, units[k] == space { k += 1 }
        return k < end && CharacterClasses.isHan(units[k])
    }

    /// Free text: a row is a run of label text and the figures after it. A figure glued to the
    /// next label's numbering (`40000042.其他…`: 4000004, then 2.其他) gives that digit back.
    private static func freeRows(_ units: [UInt16], _ line: Range<Int>) -> [RawRow] {
        var rows: [RawRow] = []
        var label: [UInt16] = []
        var figures: [String] = []
        var rowStart = line.lowerBound
        var i = line.lowerBound
        func flush(at end: Int) {
            if !label.isEmpty || !figures.isEmpty {
                let text = UTF16Strings.string(label)
                rows.append(RawRow(labels: text.isEmpty ? [] : [text], values: figures.map { .figure($0) }, range: rowStart..<end))
            }
            label = []
            figures = []
            rowStart = end
        }
        while i < line.upperBound {
            let u = units[i]
            if CharacterClasses.isDigit(u) {
                var end = i
                while end < line.upperBound,
                      CharacterClasses.isDigit(units[end])
                      || (units[end] == 0x2E && end > i && end + 1 < line.upperBound && CharacterClasses.isDigit(units[end + 1])) {
                    end += 1
                }
                var figure = units[i..<end]
                // N. before a Chinese character (`2.其他`, `2. 其他`) is the next row's numbering,
                // not part of the figure.
                var gave = false
                if end + 1 < line.upperBound, units[end] == 0x2E, !figure.contains(0x2E), startsLabel(units, after: end + 1, before: line.upperBound) {
                    figure = figure.dropLast()
                    gave = true
                }
                if !figure.isEmpty { figures.append(asciiString(figure)) }
                if gave {
                    let numberStart = end - 1
                    if !figures.isEmpty { flush(at: numberStart) }
                    label.append(units[numberStart])
                }
                i = end
                continue
            }
            if u == space || u == tab { i += 1; continue }
            if !figures.isEmpty { flush(at: i) }
            label.append(u)
            i += 1
        }
        flush(at: line.upperBound)
        return rows
    }
}
