/// Words of one page stacked without a gap between them: a paragraph, or a table row, whose
/// cells all sit between the same two gaps however many lines each of them wraps to.
struct PDFBand {
    let page: Int
    let words: [PDFWord]
    let yMin: Double, yMax: Double

    var xMin: Double { words.map(\.xMin).min() ?? 0 }

    /// Cuts a page's words into bands at every vertical gap wider than `gapLimit`. Lines of a
    /// paragraph or of a cell follow each other with next to no gap; rows and paragraphs leave one.
    static func bands(_ words: [PDFWord], page: Int, gapLimit: Double) -> [PDFBand] {
        var bands: [PDFBand] = []
        var current: [PDFWord] = []
        var top = 0.0, bottom = 0.0
        for word in words.sorted(by: { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }) {
            if !current.isEmpty, word.yMin - bottom > gapLimit {
                bands.append(PDFBand(page: page, words: current, yMin: top, yMax: bottom))
                current = []
            }
            if current.isEmpty { top = word.yMin; bottom = word.yMax }
            current.append(word)
            bottom = max(bottom, word.yMax)
        }
        if !current.isEmpty { bands.append(PDFBand(page: page, words: current, yMin: top, yMax: bottom)) }
        return bands
    }
}

/// The x-ranges that words cover, merged: the gaps between them are where columns can part.
struct PDFCoverage {
    private(set) var spans: [(lo: Double, hi: Double)] = []

    init(_ words: [PDFWord] = []) {
        for word in words { add(word) }
    }

    mutating func add(_ word: PDFWord) {
        var lo = word.xMin, hi = word.xMax
        var first = spans.count, last = -1
        for (index, span) in spans.enumerated() where span.lo <= hi && span.hi >= lo {
            first = min(first, index)
            last = index
            lo = min(lo, span.lo)
            hi = max(hi, span.hi)
        }
        if last >= 0 {
            spans.replaceSubrange(first...last, with: [(lo, hi)])
        } else {
            spans.insert((lo, hi), at: spans.firstIndex { $0.lo > hi } ?? spans.count)
        }
    }

    /// The empty x-ranges between covered ones, left to right.
    var gaps: [(lo: Double, hi: Double)] {
        zip(spans, spans.dropFirst()).map { ($0.hi, $1.lo) }
    }

    var lo: Double? { spans.first?.lo }
}
