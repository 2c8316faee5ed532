/// Clause and sentence geometry around a match: where a clause starts, what it says before a value.
enum ClauseContext {
    /// Clause delimiters after normalization: , ; 。 ! ? : line breaks and tabs.
    @inline(__always) static func isDelimiter(_ u: UInt16) -> Bool {
        u == 0x2C || u == 0x3B || u == 0x3002 || u == 0x21 || u == 0x3F || u == 0x0A || u == 0x09 || u == 0x0D
    }

    @inline(__always) static func isSentenceEnd(_ u: UInt16) -> Bool {
        u == 0x3002 || u == 0x21 || u == 0x3F || u == 0x0A || u == 0x0D || u == 0x3B
    }

    /// The start of the clause holding `offset`.
    static func clauseStart(_ units: [UInt16], before offset: Int) -> Int {
        var i = offset
        while i > 0 && !isDelimiter(units[i - 1]) { i -= 1 }
        return i
    }

    /// The previous clause of the same sentence, if the clause starting at `start` has one.
    static func previousClause(_ units: [UInt16], clauseStart start: Int) -> Range<Int>? {
        guard start > 0, !isSentenceEnd(units[start - 1]) else { return nil }
        let end = start - 1
        let previousStart = clauseStart(units, before: end)
        return previousStart..<end
    }

    /// The next clause of the same sentence after the clause holding `offset`, if there is one.
    static func nextClause(_ units: [UInt16], after offset: Int) -> Range<Int>? {
        var i = offset
        while i < units.count && !isDelimiter(units[i]) { i += 1 }
        guard i < units.count, !isSentenceEnd(units[i]) else { return nil }
        var end = i + 1
        while end < units.count && !isDelimiter(units[end]) { end += 1 }
        return (i + 1)..<end
    }
}
