/// Word boxes → the text of the pages that hold tables, with each table row on one line of
/// tab-separated cells, as the HTML and Word converters write rows:
///
///     （三）不予公开   1.属于国家秘密        0          →   \t（三）不予公开\t1.属于国家秘密\t\t…\t0
///                      2.其他法律行政法规禁止  0              \t\t2.其他法律行政法规禁止公开\t\t…\t0
///                      公开
///
/// A cell's wrapped lines become one cell and an empty cell an empty field, so figures stay in
/// their columns. Paragraphs on those pages come out line by line.
public enum PDFTableAssembler {
    /// Per page: its text when it holds (part of) a table, else nil.
    public static func pageTexts(_ pages: [[PDFWord]]) -> [String?] {
        let pages = pages.map(withoutOverprints)
        let heights = pages.joined().map(\.height).filter { $0 > 0 }.sorted()
        guard !heights.isEmpty else { return pages.map { _ in nil } }
        let textHeight = heights[heights.count / 2]
        let gapLimit = 0.2 * textHeight
        let bands = pages.enumerated().flatMap { PDFBand.bands($1, page: $0, gapLimit: gapLimit) }
        let tables = PDFTableFinder.tables(bands, textHeight: textHeight)
        var tableOfBand: [Int: Int] = [:]
        for (number, table) in tables.enumerated() {
            for index in table.bands { tableOfBand[index] = number }
        }
        var texts = [String?](repeating: nil, count: pages.count)
        for page in Set(tableOfBand.keys.map { bands[$0].page }) {
            var lines: [String] = []
            var previous: Int?
            for index in bands.indices where bands[index].page == page {
                let band = bands[index]
                // A blank line where a paragraph's worth of space is (not between a table's rows).
                if let previous, band.yMin - bands[previous].yMax >= 0.8 * textHeight,
                   tableOfBand[index] == nil || tableOfBand[previous] != tableOfBand[index] {
                    lines.append("")
                }
                if let table = tableOfBand[index] {
                    lines += PDFRowSplitter.rows(band, in: tables[table], gapLimit: gapLimit).map { row($0, in: tables[table]) }
                } else {
                    lines += PDFLineText.lines(band.words).map { PDFLineText.text($0) }
                }
                previous = index
            }
            texts[page] = lines.joined(separator: "\n") + "\n"
        }
        return texts
    }

    /// A page's words without those printed again over themselves (a bold face faked by
    /// printing twice, slightly shifted), which `pdftotext -raw` keeps.
    static func withoutOverprints(_ words: [PDFWord]) -> [PDFWord] {
        var kept: [PDFWord] = []
        var byText: [String: [PDFWord]] = [:]
        for word in words {
            let shift = 0.3 * word.height
            if byText[word.text, default: []].contains(where: { abs($0.xMin - word.xMin) < shift && abs($0.yMin - word.yMin) < shift }) {
                continue
            }
            byText[word.text, default: []].append(word)
            kept.append(word)
        }
        return kept
    }

    /// A row's cells, up to the last filled one, tab-separated.
    static func row(_ words: [PDFWord], in table: PDFTable) -> String {
        var cells = [[PDFWord]](repeating: [], count: table.columnBorders.count + 1)
        for word in words { cells[table.column(of: word)].append(word) }
        var texts = cells.map(PDFLineText.cellText)
        while texts.last?.isEmpty == true { texts.removeLast() }
        return texts.joined(separator: "\t")
    }
}
