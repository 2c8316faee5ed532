/// A cell of a table as converted text prints it: blank, or a figure (digits, maybe a decimal
/// point; run-together cells arrive as one long figure).
enum CellToken: Equatable, Sendable {
    case blank
    case figure(String)

    var isBlank: Bool { self == .blank }
}

/// One row as the text gives it: its label cells (spaces and line breaks removed) and the cells
/// after the last label, before anyone decides which template row it is.
struct RawRow: Sendable {
    var labels: [String]
    var values: [CellToken]
    /// Where the row lies in `ReportText.matching`.
    var range: Range<Int>
    /// The converter separated the cells (tabs, pipes, lines): a figure is one cell, never split.
    var explicitCells = false
    /// Blank cells at the row's ends come from the layout (a label spanning two columns, a
    /// trailing tab), not from the table: true for tab- and pipe-separated rows.
    var edgeBlanksAreLayout = false

    var lastLabel: String { labels.last ?? "" }
    var fullLabel: String { labels.joined() }
    var hasFigure: Bool { values.contains { !$0.isBlank } }

    var withoutEdgeBlanks: [CellToken] {
        var cells = values
        while cells.last?.isBlank == true { cells.removeLast() }
        while cells.first?.isBlank == true { cells.removeFirst() }
        return cells
    }

    /// The value cells for a row of `count` cells. Where blanks at the ends are layout, they go,
    /// unless the row then falls short and keeping some makes it whole (6 blank applicant columns
    /// and a 总计); elsewhere blanks at the ends go only while there are too many cells.
    func trimmedValues(to count: Int) -> [CellToken] {
        if edgeBlanksAreLayout {
            let cells = withoutEdgeBlanks
            if cells.count == count { return cells }
        }
        var cells = values
        while cells.count > count, cells.last?.isBlank == true { cells.removeLast() }
        while cells.count > count, cells.first?.isBlank == true { cells.removeFirst() }
        return cells
    }
}
