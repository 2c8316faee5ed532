import ICUKit

/// Character tests on UTF-16 units that the text preparation needs, without building Characters.
enum CharacterClasses {
    @inline(__always) static func isHan(_ u: UInt16) -> Bool {
        (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u) || (0xF900...0xFAFF).contains(u) || u == 0x3007
    }
    /// CJK punctuation and the ASCII punctuation NFKC makes of full-width forms.
    @inline(__always) static func isPunctuation(_ u: UInt16) -> Bool {
        (0x3000...0x303F).contains(u) || (0x2010...0x206F).contains(u)
            || u == 0x28 || u == 0x29 || u == 0x2C || u == 0x3A || u == 0x3B || u == 0x21 || u == 0x3F
            || u == 0x5B || u == 0x5D || u == 0x2F || u == 0x25
    }
    @inline(__always) static func isDigit(_ u: UInt16) -> Bool { u >= 0x30 && u <= 0x39 }
    /// Spaces that carry no meaning inside Chinese prose (after NFKC U+3000 is already U+0020).
    @inline(__always) static func isSpace(_ u: UInt16) -> Bool { u == 0x20 || u == 0xA0 || (0x2000...0x200B).contains(u) }
    @inline(__always) static func isLineBreak(_ u: UInt16) -> Bool { u == 0x0A || u == 0x0D || u == 0x0C || u == 0x2028 || u == 0x2029 }
    /// A space, a line break, 〇 or `(`: what report folding looks at (one test for the common case).
    @inline(__always) static func isFoldable(_ u: UInt16) -> Bool {
        if u > 0x3007 { return false }
        if u <= 0x28 { return u == 0x20 || u == 0x0A || u == 0x0D || u == 0x0C || u == 0x28 }
        return u == 0x3007 || u == 0xA0 || (0x2000...0x200B).contains(u) || u == 0x2028 || u == 0x2029
    }
    /// Pinyin vowels with a tone mark (ā á ǎ à … ǖ ǘ ǚ ǜ).
    static func isToneMarkedVowel(_ u: UInt16) -> Bool { toneMarkedVowels.contains(u) }
    private static let toneMarkedVowels = Set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".utf16)
    /// Sets of Chinese characters hold their traditional forms too (兩 萬 億 條 項 個): text
    /// preparation looks at them before the text is folded to simplified script.
    static let chineseNumerals = withTraditionalForms("零〇一二两三四五六七八九十百千万亿")
    /// Table lookup, for hot loops (a Set lookup hashes).
    private static let numeralTable: [Bool] = {
        var table = [Bool](repeating: false, count: 65536)
        for u in chineseNumerals { table[Int(u)] = true }
        return table
    }()
    @inline(__always) static func isChineseNumeral(_ u: UInt16) -> Bool { u >= 0x3007 && numeralTable[Int(u)] }
    /// Characters that can continue a count on the next line: units and 余/多 (80\n余条).
    static let countContinuations = withTraditionalForms("余多条篇件场次人份个项起期则元万亿")

    private static func withTraditionalForms(_ simplified: String) -> Set<UInt16> {
        var units = Set(simplified.utf16)
        for (unit, folded) in ScriptFolding.traditionalToSimplified.enumerated() where units.contains(folded) {
            units.insert(UInt16(unit))
        }
        return units
    }
}
