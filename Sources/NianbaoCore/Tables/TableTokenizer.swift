import ICUKit

/// Turns the text of a table section into rows of cells, whatever the converter made of it:
/// - one cell per line, each line starting with a tab, rows separated by blank lines (seeds 000, 001);
/// - one row per line, cells separated by tabs (seeds 002–004) or pipes (Markdown tables);
/// - free text where labels and figures follow each other (`行政许可 97`), or where the whole
///   table ran into one line with its cells' digits run together (the Pingtan dumps).
enum TableTokenizer {
    static func rows(_ units: [UInt16], in range: Range<Int>) -> [RawRow] {
        let lines = splitLines(units, range)
        let nonEmpty = lines.filter { !$0.isEmpty }
        // One cell per line: lines led by a tab that hold no other tab.
        let tabLed = nonEmpty.filter { line in
            units[line.lowerBound] == 0x09 && !units[(line.lowerBound + 1)..<line.upperBound].contains(0x09)
        }.count
        if nonEmpty.count >= 10, tabLed * 2 >= nonEmpty.count, lines.contains(where: \.isEmpty) {
            return blockRows(units, lines)
        }
        return lines.filter { !$0.isEmpty }.flatMap { lineRows(units, $0) }
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
        var cells: [String] = []
        var blockStart: Int?
        var blockEnd = 0
        func flush() {
            if let start = blockStart { rows.append(row(from: cells, range: start..<blockEnd)) }
            cells = []
            blockStart = nil
        }
        for line in lines {
            if line.isEmpty { flush(); continue }
            if blockStart == nil { blockStart = line.lowerBound }
            blockEnd = line.upperBound
            let text = UTF16Strings.string(units, line)
            if units[line.lowerBound] == 0x09 || cells.isEmpty {
                cells.append(String(text.drop { $0 == "\t" }))
            } else {
                cells[cells.count - 1] += text
            }
        }
        flush()
        return rows
    }

    /// One line: tab- or pipe-separated cells, or free text.
    private static func lineRows(_ units: [UInt16], _ line: Range<Int>) -> [RawRow] {
        let text = UTF16Strings.string(units, line)
        if text.contains("\t") {
            var row = row(from: text.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), range: line)
            row.edgeBlanksAreLayout = true
            return [row]
        }
        let trimmed = text.trimmingSpaces
        if trimmed.hasPrefix("|") {
            if trimmed.allSatisfy({ "|-: ".contains($0) }) { return [] }  // |---|---|
            var cells = trimmed.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if cells.first?.trimmingSpaces.isEmpty == true { cells.removeFirst() }
            if cells.last?.trimmingSpaces.isEmpty == true { cells.removeLast() }
            var row = row(from: cells, range: line)
            row.edgeBlanksAreLayout = true
            return [row]
        }
        return freeRows(units, line)
    }

    /// Cells → a row: the label cells, and the figures and blanks after the last label.
    private static func row(from cells: [String], range: Range<Int>) -> RawRow {
        var labels: [String] = []
        var values: [CellToken] = []
        for cell in cells {
            let text = cell.trimmingSpaces
            if text.isEmpty || text == "-" || text == "—" || text == "/" {
                values.append(.blank)
            } else if let figures = figures(in: text) {
                values += figures.map { .figure($0) }
            } else {
                labels.append(text.filter { !$0.isWhitespace })
                values = []
            }
        }
        return RawRow(labels: labels, values: values, range: range, explicitCells: true)
    }

    /// The figures of a cell made only of figures separated by spaces (`0 1 1`), else nil.
    private static func figures(in text: String) -> [String]? {
        let parts = text.split(separator: " ")
        guard !parts.isEmpty, parts.allSatisfy(isFigure) else { return nil }
        return parts.map(String.init)
    }

    static func isFigure<S: StringProtocol>(_ text: S) -> Bool {
        var seenDigit = false, seenPoint = false, lastWasPoint = false
        for c in text.utf8 {
            if c >= 0x30 && c <= 0x39 { seenDigit = true; lastWasPoint = false }
            else if c == 0x2E && seenDigit && !seenPoint { seenPoint = true; lastWasPoint = true }
            else { return false }
        }
        return seenDigit && !lastWasPoint
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
                let text = UTF16Strings.string(label.filter { $0 != 0x20 && $0 != 0x09 })
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
                      || (units[end] == 0x2E && end + 1 < line.upperBound && CharacterClasses.isDigit(units[end + 1]) && end > i) {
                    end += 1
                }
                var figure = Array(units[i..<end])
                // N. before a Chinese character is the next row's numbering, not part of the figure.
                var gave = false
                if end + 1 < line.upperBound, units[end] == 0x2E, CharacterClasses.isHan(units[end + 1]), !figure.contains(0x2E) {
                    if figure.count > 1 { figure.removeLast(); gave = true } else { figure = []; gave = true }
                }
                if !figure.isEmpty { figures.append(UTF16Strings.string(figure)) }
                if gave {
                    let numberStart = end - 1
                    if !figures.isEmpty { flush(at: numberStart) }
                    label.append(units[numberStart])
                }
                i = end
                continue
            }
            if u == 0x20 || u == 0x09 { i += 1; continue }
            if !figures.isEmpty { flush(at: i) }
            label.append(u)
            i += 1
        }
        flush(at: line.upperBound)
        return rows
    }
}
