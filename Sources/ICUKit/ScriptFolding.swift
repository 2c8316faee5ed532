@_implementationOnly import CICU

/// Folds traditional Chinese characters to simplified ones, one UTF-16 unit for one, so that
/// offsets do not move and rules written in simplified script match 國辦公開辦函 as 国办公开办函.
///
/// The table comes from ICU's Traditional-Simplified transliterator applied to each BMP
/// ideograph by itself; only single-unit results are kept (phrase-level conversions are not
/// needed for matching keywords). A lookup per unit is far faster than transliterating text.
public enum ScriptFolding {
    /// Built from the pairs ICU's transliterator gives (`ScriptFoldingPairs.swift`): building them
    /// from ICU took most of a short run's start-up. A test checks them against ICU.
    public static let traditionalToSimplified: [UInt16] = {
        var table = (0...0xFFFF).map { UInt16($0) }
        var units = ScriptFoldingPairs.pairs.utf16.makeIterator()
        while let traditional = units.next(), let simplified = units.next() { table[Int(traditional)] = simplified }
        return table
    }()

    /// Bit `u` set when unit `u` folds to another: 8 KB, so the scan stays in the first-level
    /// cache and reads the 128 KB table only for the few units that change.
    private static let foldsBits: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: 1024)
        for (unit, folded) in traditionalToSimplified.enumerated() where folded != UInt16(unit) {
            bits[unit >> 6] |= 1 << UInt64(unit & 63)
        }
        return bits
    }()

    /// Builds the tables now (they are otherwise built on first use, while other threads wait).
    public static func warmUp() { _ = foldsBits }

    /// Folds `units` in place; returns whether any unit changed.
    @discardableResult
    public static func foldTraditional(_ units: inout [UInt16]) -> Bool {
        // Most reports are simplified throughout: look before writing, so that an array shared
        // with the display text is not copied for nothing.
        guard let first = firstFoldable(units) else { return false }
        var changed = false
        traditionalToSimplified.withUnsafeBufferPointer { table in
            foldsBits.withUnsafeBufferPointer { bits in
                units.withUnsafeMutableBufferPointer { units in
                    for i in first..<units.count where folds(units[i], bits) {
                        units[i] = table[Int(units[i])]
                        changed = true
                    }
                }
            }
        }
        return changed
    }

    /// Words that texts converted for Taiwan write differently (政府資訊公開 for 政府信息公开),
    /// folded after the characters, word for word of the same length: offsets do not move.
    private static let regionalWords: [(from: [UInt16], to: [UInt16])] = [("资讯", "信息"), ("网路", "网络")]
        .map { (Array($0.0.utf16), Array($0.1.utf16)) }

    /// Folds `units` (already folded to simplified characters) to mainland wording in place.
    public static func foldRegionalWords(_ units: inout [UInt16]) {
        units.withUnsafeMutableBufferPointer { units in
            guard units.count >= 2 else { return }
            for i in 0..<(units.count - 1) {
                for word in regionalWords where units[i] == word.from[0] && units[i + 1] == word.from[1] {
                    units[i] = word.to[0]
                    units[i + 1] = word.to[1]
                }
            }
        }
    }

    @inline(__always) private static func folds(_ unit: UInt16, _ bits: UnsafeBufferPointer<UInt64>) -> Bool {
        bits[Int(unit) >> 6] & (1 << UInt64(unit & 63)) != 0
    }

    private static func firstFoldable(_ units: [UInt16]) -> Int? {
        foldsBits.withUnsafeBufferPointer { bits in
            units.withUnsafeBufferPointer { units in
                (0..<units.count).first { folds(units[$0], bits) }
            }
        }
    }

    /// The table as ICU's Traditional-Simplified transliterator makes it, applied to each BMP
    /// ideograph by itself (only single-unit results are kept).
    public static func tableFromICU() -> [UInt16] {
        var table = (0...0xFFFF).map { UInt16($0) }
        // Transliterate all ideographs in one call, separated by newlines, then read them back:
        // one call is much cheaper than tens of thousands.
        let ranges: [ClosedRange<UInt16>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]
        var text: [UInt16] = []
        for range in ranges { for unit in range { text.append(unit); text.append(0x0A) } }
        guard let folded = try? Transliterator(id: "Traditional-Simplified").transliterate(text) else { return table }
        var lines = folded.split(separator: 0x0A, omittingEmptySubsequences: false).makeIterator()
        for range in ranges {
            for unit in range {
                guard let line = lines.next() else { return table }
                if line.count == 1, let folded = line.first, folded != unit { table[Int(unit)] = folded }
            }
        }
        return table
    }
}
