import ICUKit

/// Decides which template row each value row of the text is.
///
/// A row whose label names one template row, in template order after the rows already placed,
/// is an anchor. Value rows without a usable label (PDF converters pull multi-line labels out of
/// their rows) take the template rows between their neighbouring anchors, in order, when there
/// are exactly as many of each and their cell counts fit; otherwise they are left out.
struct RowAligner {
    let spec: TableSpec
    private let labels: [ICURegex]
    private let namedRows = NamedRowsCache()

    init(spec: TableSpec) throws {
        self.spec = spec
        labels = try spec.rows.map { try ICURegex($0.labelPattern.isEmpty ? "(?!)" : $0.labelPattern) }
    }

    /// The template rows a label names, in order. Reports print the template's own labels, so
    /// the same few hundred labels come back document after document: each is matched against
    /// the row patterns once per thread.
    private final class NamedRowsCache {
        var rowsByLabel: [String: [Int]] = [:]
    }

    private func rowsNamed(by label: String) -> [Int] {
        if let known = namedRows.rowsByLabel[label] { return known }
        let units = Array(label.utf16)
        let rows = labels.indices.filter { !labels[$0].matches(in: units).isEmpty }
        // Bounded: a corpus of odd labels must not grow memory without end.
        if namedRows.rowsByLabel.count >= 4096 { namedRows.rowsByLabel.removeAll(keepingCapacity: true) }
        namedRows.rowsByLabel[label] = rows
        return rows
    }

    func align(_ rows: [RawRow]) -> [Int: RawRow] {
        var placed: [(row: RawRow, spec: Int?)] = []
        var last = -1
        var taken = Set<Int>()
        // Label text on lines of its own just before a row: a label a PDF converter split off
        // its row (`(二)部分公开(区` / `分处理的…  0 0 0` / `情形)`, cells spaced as loosely as rows).
        var labelAbove = ""
        for row in rows {
            guard row.hasFigure else { labelAbove += row.fullLabel; continue }
            defer { labelAbove = "" }
            let after = spec.ordered ? last : -1
            let joined = labelAbove.isEmpty || row.labels.isEmpty ? [] : [labelAbove + row.lastLabel, labelAbove + row.fullLabel]
            if let index = match(row, after: after, excluding: taken)
                ?? joined.lazy.compactMap({ self.match($0, after: after, excluding: taken) }).first {
                placed.append((row, index))
                taken.insert(index)
                last = index
            } else {
                placed.append((row, nil))
            }
        }
        var result: [Int: RawRow] = [:]
        for (row, index) in placed { if let index { result[index] = row } }
        // Fill the gaps between anchors with the unlabelled rows between them.
        var previous = -1
        var pending: [RawRow] = []
        guard spec.ordered else { return result }
        for (row, index) in placed + [(RawRow(labels: [], values: [], range: 0..<0), spec.rows.count)] {
            guard let index else {
                if couldBeARow(row) { pending.append(row) }
                continue
            }
            let gap = Array((previous + 1)..<index).filter { result[$0] == nil }
            if !pending.isEmpty, pending.count == gap.count,
               zip(pending, gap).allSatisfy({ fits($0.0, spec.rows[$0.1]) }) {
                for (row, slot) in zip(pending, gap) { result[slot] = row }
            }
            pending = []
            previous = index
        }
        return result
    }

    /// The first template row after `last` whose label the row's last label (else its whole label) names.
    private func match(_ row: RawRow, after last: Int, excluding taken: Set<Int>) -> Int? {
        for text in [row.lastLabel, row.fullLabel] {
            if let index = match(text, after: last, excluding: taken) { return index }
        }
        return nil
    }

    /// The first template row after `last`, not taken, whose label pattern `text` matches.
    private func match(_ text: String, after last: Int, excluding taken: Set<Int>) -> Int? {
        guard !text.isEmpty else { return nil }
        return rowsNamed(by: text).first { $0 > last && !taken.contains($0) }
    }

    /// Whether an unlabelled row can be a row of this table at all (a stray figure cannot).
    private func couldBeARow(_ row: RawRow) -> Bool {
        spec.rows.contains { fits(row, $0) }
    }

    private func fits(_ row: RawRow, _ rowSpec: TableRowSpec) -> Bool {
        if !row.explicitCells {
            let digits = row.values.reduce(0) { count, token in
                if case .figure(let f) = token { return count + f.utf8.count }
                return count
            }
            if digits < rowSpec.cells { return false }
        }
        let cells = row.trimmedValues(to: rowSpec.cells)
        return cells.count == rowSpec.cells || (!row.explicitCells && cells.count < rowSpec.cells && cells.allSatisfy { !$0.isBlank })
    }
}
