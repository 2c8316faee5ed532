import ICUKit

/// Where a document's keywords and figures occur, and the windows around them that rules run in.
///
/// Running thirty patterns over whole sections is what made extraction slow. A rule runs only
/// near its keywords (words its matches contain or stand next to), and a count rule only near a
/// figure that has such a keyword in reach: narrative text has few figures, so few short windows.
final class KeywordWindows {
    /// How far from a keyword or figure a rule's match may reach, in UTF-16 units, unless the
    /// rule says otherwise (`reach:`).
    static let defaultReach = 40

    private let units: [UInt16]
    private let index: KeywordIndex
    private lazy var positions: KeywordOccurrences = index.occurrences(in: units)
    private let figureScanner: FigureScanner
    private lazy var figures: [Range<Int>] = figureScanner.figures(in: units)
    /// Every figure, with a unit after it or not, for rules whose counts may stand bare.
    private lazy var bareFigures: [Range<Int>] = FigureScanner.everyFigure.figures(in: units)
    /// Each figure's clause (from the last delimiter before it to the first after it), at most
    /// `clauseLimit` units either side: computed once, clipped per rule to its reach.
    private lazy var clauses: [Range<Int>] = clauses(of: figures)
    private lazy var bareClauses: [Range<Int>] = clauses(of: bareFigures)
    private static let clauseLimit = 200

    private func clauses(of figures: [Range<Int>]) -> [Range<Int>] {
        figures.map { figure in
            var start = figure.lowerBound, end = figure.upperBound
            while start > 0, figure.lowerBound - start < Self.clauseLimit, !ClauseContext.isDelimiter(units[start - 1]) { start -= 1 }
            while end < units.count, end - figure.upperBound < Self.clauseLimit, !ClauseContext.isDelimiter(units[end]) { end += 1 }
            return start..<end
        }
    }

    init(_ units: [UInt16], index: KeywordIndex, figureScanner: FigureScanner) {
        self.units = units
        self.index = index
        self.figureScanner = figureScanner
    }

    /// Whether any of `keywords` occurs anywhere in the document.
    func anyOccurs(_ keywords: [Int]) -> Bool { keywords.contains { !positions[$0].isEmpty } }

    /// The parts of `region` within `reach` of any of `keywords` (ids in the index), merged.
    func windows(for keywords: [Int], in region: Range<Int>, reach: Int) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        for keyword in keywords {
            let length = index.keywords[keyword].count
            let all = positions[keyword]
            // Positions are sorted: start at the first one that can reach into the region.
            var low = all.startIndex, high = all.endIndex
            while low < high { let mid = (low + high) / 2; if all[mid] + length <= region.lowerBound { low = mid + 1 } else { high = mid } }
            for position in all[low...] {
                if position >= region.upperBound { break }
                let lower = max(region.lowerBound, position - reach)
                let upper = min(region.upperBound, position + length + reach)
                if lower < upper { spans.append(lower..<upper) }
            }
        }
        return Self.merge(spans)
    }

    /// The clauses of `region` holding a figure that has one of `keywords` within reach (or any
    /// figure, when there are no keywords): where count rules run. `bare`: figures with no unit
    /// after them count too.
    func countWindows(for keywords: [Int], in region: Range<Int>, reach: Int, bare: Bool = false) -> [Range<Int>] {
        let near = keywords.isEmpty ? [region] : windows(for: keywords, in: region, reach: reach)
        guard !near.isEmpty else { return [] }
        var spans: [Range<Int>] = []
        var nearIndex = 0
        let figures = bare ? bareFigures : self.figures, clauses = bare ? bareClauses : self.clauses
        // Figures are sorted: start at the first one inside the region.
        var low = 0, high = figures.count
        while low < high { let mid = (low + high) / 2; if figures[mid].lowerBound < region.lowerBound { low = mid + 1 } else { high = mid } }
        for index in low..<figures.count {
            let figure = figures[index]
            if figure.lowerBound >= region.upperBound { break }
            // Both lists are sorted: walk them together.
            while nearIndex < near.count && near[nearIndex].upperBound <= figure.lowerBound { nearIndex += 1 }
            guard nearIndex < near.count, near[nearIndex].contains(figure.lowerBound) else { continue }
            // A count's match lies within the clause of its figure ({gap} never crosses , ; 。 or a
            // line break), and a clause is much shorter than the reach.
            let clause = clauses[index]
            let limit = min(reach, Self.clauseLimit)
            let start = max(clause.lowerBound, region.lowerBound, figure.lowerBound - limit)
            let end = min(clause.upperBound, region.upperBound, figure.upperBound + limit)
            spans.append(start..<end)
        }
        return Self.merge(spans)
    }

    static func merge(_ spans: [Range<Int>]) -> [Range<Int>] {
        var merged: [Range<Int>] = []
        merged.reserveCapacity(spans.count)
        let sorted = zip(spans, spans.dropFirst()).allSatisfy { $0.lowerBound <= $1.lowerBound }
        for span in sorted ? spans : spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// `spans` with the parts already in `covered` (sorted, disjoint) taken out.
    static func subtract(_ spans: [Range<Int>], _ covered: [Range<Int>]) -> [Range<Int>] {
        if covered.isEmpty { return spans }
        var result: [Range<Int>] = []
        for span in spans {
            var pieces = [span]
            for cut in covered where cut.overlaps(span) {
                pieces = pieces.flatMap { piece -> [Range<Int>] in
                    guard cut.overlaps(piece) else { return [piece] }
                    var parts: [Range<Int>] = []
                    if piece.lowerBound < cut.lowerBound { parts.append(piece.lowerBound..<cut.lowerBound) }
                    if cut.upperBound < piece.upperBound { parts.append(cut.upperBound..<piece.upperBound) }
                    return parts
                }
            }
            result += pieces
        }
        return result
    }
}
