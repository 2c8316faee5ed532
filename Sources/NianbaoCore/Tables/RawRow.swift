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

    var lastLabel: String { labels.last ?? "" }
    var fullLabel: String { labels.joined() }
    var hasFigure: Bool { values.contains { !$0.isBlank } }

    /// The value cells with blank cells at the ends dropped until at most `count` remain
    /// (a row label spanning two columns leaves an empty cell before the figures).
    func trimmedValues(to count: Int) -> [CellToken] {
        var cells = values
        while cells.count > count, cells.last?.isBlank == true { cells.removeLast() }
        while cells.count > count, cells.first?.isBlank == true { cells.removeFirst() }
        return cells
    }
}
