/// Splits a table's band into the rows it holds. A cell spanning rows (`rowspan`) prints its
/// label in the middle of them, and a label that wraps there bridges the gap between two rows,
/// so the band takes in both; the other columns still show that gap:
///
///                    3.危及“三安全一稳定”     0  0
///     （三）不予     4.保护第三方合法权益     0  0     ← one band, two rows
///     公开           5.属于三类内部事务信息   0  0
///
/// A cut goes where more columns show a gap than bridge it, two at least (one column with a gap
/// is more likely a cell of two paragraphs). Each cell's text goes whole to the row its middle is in.
enum PDFRowSplitter {
    private struct Block {
        let column: Int
        var words: [PDFWord]
        var yMin: Double, yMax: Double
    }

    static func rows(_ band: PDFBand, in table: PDFTable, gapLimit: Double) -> [[PDFWord]] {
        let blocks = Dictionary(grouping: band.words, by: table.column).flatMap { column, words in
            stacked(words, column: column, gapLimit: gapLimit)
        }
        // Gaps between the blocks of one column.
        let gaps = Dictionary(grouping: blocks, by: \.column).values.flatMap { column -> [(lo: Double, hi: Double)] in
            let sorted = column.sorted { $0.yMin < $1.yMin }
            return zip(sorted, sorted.dropFirst()).map { ($0.yMax, $1.yMin) }
        }
        let cuts = gaps.map { ($0.lo + $0.hi) / 2 }.filter { y in
            let showing = gaps.filter { $0.lo < y && y < $0.hi }.count
            let bridging = blocks.filter { $0.yMin < y && y < $0.yMax }.count
            return showing >= 2 && showing > bridging
        }.sorted()
        guard !cuts.isEmpty else { return [band.words] }
        var rows = [[PDFWord]](repeating: [], count: cuts.count + 1)
        for block in blocks {
            let middle = (block.yMin + block.yMax) / 2
            rows[cuts.firstIndex { $0 > middle } ?? cuts.count] += block.words
        }
        return rows.filter { !$0.isEmpty }
    }

    /// A column's words in blocks of lines with no gap between them: its cells.
    private static func stacked(_ words: [PDFWord], column: Int, gapLimit: Double) -> [Block] {
        var blocks: [Block] = []
        for word in words.sorted(by: { $0.yMin < $1.yMin }) {
            if let last = blocks.indices.last, word.yMin - blocks[last].yMax <= gapLimit {
                blocks[last].words.append(word)
                blocks[last].yMax = max(blocks[last].yMax, word.yMax)
            } else {
                blocks.append(Block(column: column, words: [word], yMin: word.yMin, yMax: word.yMax))
            }
        }
        return blocks
    }
}
