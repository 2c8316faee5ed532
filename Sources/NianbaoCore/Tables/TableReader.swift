import ICUKit

/// Reads the template's tables from a prepared, sectioned report: rows from the section text,
/// template rows from labels and order, cells from the text or, where figures ran together,
/// from the template's arithmetic. One reader per thread (it holds ICU regexes).
final class TableReader {
    private typealias Reading = (spec: TableSpec, aligner: RowAligner, hints: [(TableHint, ICURegex)], header: ICURegex?)
    private let tables: [(reading: Reading, editions: [(edition: TableEdition, detector: ICURegex, reading: Reading)])]

    init(ruleSet: RuleSet) throws {
        func reading(_ spec: TableSpec) throws -> Reading {
            (spec, try RowAligner(spec: spec), try spec.hints.map { ($0, try ICURegex($0.pattern)) },
             try spec.headerPattern.map { try ICURegex($0) })
        }
        tables = try ruleSet.tables.map { spec in
            (try reading(spec), try spec.editions.map { ($0, try ICURegex($0.headerPattern), try reading($0.adjusting(spec))) })
        }
    }

    func read(_ text: ReportText, layout: DocumentLayout) -> (tables: [ParsedTable], checks: [TableCheckResult]) {
        var parsed: [ParsedTable] = []
        var checks: [TableCheckResult] = []
        for table in tables {
            let result = readEdition(of: table, text: text, layout: layout)
            var tableChecks = TableChecker.check(result)
            tableChecks += result.shapeNotes.map {
                TableCheckResult(name: "\(result.spec.id).shape", subject: $0.row, passed: false,
                                 expected: Double($0.expected), found: Double($0.shown))
            }
            var final = result
            let failed = tableChecks.filter { !$0.passed && !$0.name.hasSuffix(".shape") }.count
            if failed > 0 {
                final.confidence *= max(0.3, 1 - 0.15 * Double(failed))
                final.warnings.append("\(result.spec.id): \(failed) arithmetic checks fail")
            }
            parsed.append(final)
            checks += tableChecks
        }
        return (parsed, checks)
    }

    /// The table as the edition of the template the report uses prints it. Another edition's
    /// rows are read with their own cells; only the cells that are the catalogue's are kept.
    private func readEdition(of table: (reading: Reading, editions: [(edition: TableEdition, detector: ICURegex, reading: Reading)]),
                             text: ReportText, layout: DocumentLayout) -> ParsedTable {
        let spec = table.reading.spec
        guard let region = layout.ranges(for: spec.section).first,
              let (edition, _, reading) = table.editions.first(where: { !$0.detector.matches(in: text.matching, region: region).isEmpty })
        else { return read(table.reading, text: text, layout: layout) }
        let printed = read(reading, text: text, layout: layout)
        var parsed = ParsedTable(spec: spec, cells: printed.cells, rowRanges: printed.rowRanges, warnings: printed.warnings,
                                 confidence: printed.confidence, found: printed.found, shapeNotes: printed.shapeNotes)
        var dropped: [String] = []
        for row in spec.rows {
            guard let editionRow = edition.rows[row.key] else { continue }
            let cells = parsed.cells[row.key] ?? []
            parsed.cells[row.key] = editionRow.take.isEmpty
                ? Array(repeating: nil, count: row.cells)
                : editionRow.take.map { $0 <= cells.count ? cells[$0 - 1] : nil }
            if editionRow.take.isEmpty { dropped.append(row.key) }
        }
        parsed.warnings.append("\(spec.id): printed on the \(edition.id) edition of the template"
            + (dropped.isEmpty ? "" : "; its columns for \(dropped.joined(separator: ", ")) are not the catalogue's, so they are left null"))
        return parsed
    }

    private func read(_ table: Reading, text: ReportText, layout: DocumentLayout) -> ParsedTable {
        let spec = table.spec
        var parsed = ParsedTable(spec: spec, cells: [:], rowRanges: [:], warnings: [], confidence: 0.95, found: false)
        let regions = layout.ranges(for: spec.section)
        guard let region = regions.first else {
            for row in spec.rows { parsed.cells[row.key] = Array(repeating: nil, count: row.cells) }
            return parsed
        }
        parsed.found = true
        let rows = TableTokenizer.rows(text.matching, in: region)
        var assigned: [Int: RawRow]
        if spec.singleRow {
            assigned = singleRow(rows, spec: spec, header: table.header).map { [0: $0] } ?? [:]
        } else {
            assigned = table.aligner.align(rows)
        }
        var readings: [String: [[Double?]]] = [:]
        var shapeNotes: [ShapeNote] = []
        for (index, rowSpec) in spec.rows.enumerated() {
            guard let row = assigned[index] else {
                parsed.cells[rowSpec.key] = Array(repeating: nil, count: rowSpec.cells)
                continue
            }
            parsed.rowRanges[rowSpec.key] = row.range
            var options = rowReadings(row, rowSpec, spec: spec, notes: &shapeNotes)
            options = applyHints(table.hints, row: rowSpec, to: options, text: text, layout: layout)
            if options.count > 1 { parsed.confidence *= 0.97 }
            readings[rowSpec.key] = options
        }
        // Rows with too few cells: one warning per assumption, and less confidence for each.
        for assumption in Set(shapeNotes.map(\.assumption)).sorted() {
            let rows = shapeNotes.filter { $0.assumption == assumption }
            let shapes = Set(rows.map { "\($0.shown) cells for \($0.expected) columns" }).sorted().joined(separator: ", ")
            parsed.warnings.append("\(spec.id): \(rows.count) row(s) with \(shapes) (\(rows.map(\.row).joined(separator: ", "))); \(assumption)")
            parsed.confidence *= 0.85
        }
        parsed.shapeNotes = shapeNotes
        let solved = TableSolver.solve(readings, spec: spec)
        for rowSpec in spec.rows where parsed.cells[rowSpec.key] == nil {
            parsed.cells[rowSpec.key] = solved[rowSpec.key] ?? Array(repeating: nil, count: rowSpec.cells)
            if let options = readings[rowSpec.key], options.count > 1,
               let cells = parsed.cells[rowSpec.key], cells.contains(where: { $0 == nil }) {
                parsed.warnings.append("\(spec.id).\(rowSpec.key): run-together figures with \(options.count) possible splits; undetermined cells left null")
            }
        }
        if let unread = unreadNote(spec: spec, rows: rows, assigned: assigned) { parsed.warnings.append(unread) }
        return parsed
    }

    /// What the reader missed, so that a null cell the text does not state and one it states in
    /// a layout the reader does not know look different in the record.
    private func unreadNote(spec: TableSpec, rows: [RawRow], assigned: [Int: RawRow]) -> String? {
        if assigned.isEmpty {
            return rows.contains(where: \.hasFigure)
                ? "\(spec.id): the section holds figures, but no row of the table was recognised in them"
                : "\(spec.id): the section holds no figures"
        }
        guard !spec.singleRow else { return nil }
        let missing = spec.rows.indices.filter { assigned[$0] == nil }.map { spec.rows[$0].key }
        guard !missing.isEmpty else { return nil }
        return "\(spec.id): \(missing.count) of \(spec.rows.count) rows not found in the text (\(missing.joined(separator: ", ")))"
    }

    /// Readings of one row, after the row-level arithmetic (row and group sums) for split rows.
    private func rowReadings(_ row: RawRow, _ rowSpec: TableRowSpec, spec: TableSpec, notes: inout [ShapeNote]) -> [[Double?]] {
        let tokens = row.trimmedValues(to: rowSpec.cells)
        if (tokens.count == rowSpec.cells && (!row.edgeBlanksAreLayout || row.withoutEdgeBlanks.count == rowSpec.cells))
            || !row.explicitCells {
            let options = CellSplitter.readings(tokens, cells: rowSpec.cells, decimal: rowSpec.decimal) {
                self.rowArithmeticHolds($0, spec: spec)
            }
            if !options.isEmpty { return options }
            // No split keeps the row's own arithmetic: the row is undetermined, not guessed.
            if tokens.count < rowSpec.cells && !row.explicitCells {
                notes.append(ShapeNote(row: rowSpec.key, shown: tokens.count, expected: rowSpec.cells,
                                       assumption: "no split of the run-together figures adds up; the row is left null"))
                return [Array(repeating: nil, count: rowSpec.cells)]
            }
        }
        // Fewer separated cells than the template has: say what is assumed, and assume little.
        let shown = row.edgeBlanksAreLayout ? row.withoutEdgeBlanks : tokens
        let figures = shown.compactMap { token -> Double? in if case .figure(let f) = token { return Double(f) }; return nil }
        func note(_ assumption: String) {
            notes.append(ShapeNote(row: rowSpec.key, shown: shown.count, expected: rowSpec.cells, assumption: assumption))
        }
        if shown.count == rowSpec.cells - 1, figures.count == shown.count {
            if figures.allSatisfy({ $0 == 0 }) {
                note("all shown are 0, so every cell is taken as 0")
                return [Array(repeating: 0, count: rowSpec.cells)]
            }
            // A blank last cell of a row whose last cell is its sum: the sum (a converter dropped it).
            if spec.checks.contains(where: { if case .rowSum = $0 { return true }; return false }),
               row.values.count >= rowSpec.cells, case .blank? = row.trimmedValues(to: rowSpec.cells).last {
                note("the blank 总计 is taken as the sum of the row")
                return [figures + [figures.reduce(0, +)]]
            }
        }
        if tokens.count == rowSpec.cells {
            return [tokens.map { token in if case .figure(let f) = token { return Double(f) }; return nil }]
        }
        if rowSpec.cells == 3, shown.count == 2, figures.count == 2 {
            note("the two are taken as the first and last cells, the middle one unknown")
            return [[figures[0], nil, figures[1]]]
        }
        note("the row is left null")
        return [Array(repeating: nil, count: rowSpec.cells)]
    }

    private func rowArithmeticHolds(_ cells: [Double?], spec: TableSpec) -> Bool {
        func holds(_ slice: ArraySlice<Double?>) -> Bool {
            guard let sides = TableChecker.sumSides(slice) else { return true }
            return abs(sides.parts - sides.total) <= 1e-6
        }
        for check in spec.checks {
            switch check {
            case .rowSum:
                if !holds(cells[...]) { return false }
            case .groupSum(_, let size):
                var start = 0
                while start + size <= cells.count {
                    if !holds(cells[start..<(start + size)]) { return false }
                    start += size
                }
            case .columnEquation: continue
            }
        }
        return true
    }

    /// The single row of a header-and-figures table: the figures of rows with no label, or with
    /// header words only, in order, up to the table's cell count.
    private func singleRow(_ rows: [RawRow], spec: TableSpec, header: ICURegex?) -> RawRow? {
        let cells = spec.rows.first?.cells ?? 0
        var values: [CellToken] = []
        var explicit = true
        var range: Range<Int>?
        for row in rows where row.hasFigure {
            if !row.labels.isEmpty {
                guard let header, !header.matches(in: Array(row.fullLabel.utf16)).isEmpty else { continue }
            }
            values += row.values.filter { !$0.isBlank }
            explicit = explicit && row.explicitCells
            range = range.map { $0.lowerBound..<row.range.upperBound } ?? row.range
            if values.count >= cells { break }
        }
        guard let range, !values.isEmpty else { return nil }
        return RawRow(labels: [], values: values, range: range, explicitCells: explicit && values.count >= cells)
    }

    /// Narrative figures that fix a cell narrow that row's readings (when any reading agrees).
    private func applyHints(_ hints: [(TableHint, ICURegex)], row: TableRowSpec, to options: [[Double?]],
                            text: ReportText, layout: DocumentLayout) -> [[Double?]] {
        guard options.count > 1 else { return options }
        var narrowed = options
        for (hint, regex) in hints where hint.row == row.key {
            guard let column = row.columns?.firstIndex(of: hint.column), let group = regex.groupNumber(named: "value") else { continue }
            for scope in ["overview", "front", "other"] {
                for region in layout.ranges(for: scope) {
                    for match in regex.matches(in: text.matching, region: region) {
                        guard let range = match.groups[group], let value = Double(text.matchingString(range)) else { continue }
                        let kept = narrowed.filter { $0[column] == value }
                        if !kept.isEmpty { narrowed = kept }
                    }
                }
            }
        }
        return narrowed
    }
}
