/// Word boundaries that need no dictionary. UAX #29 never joins an ideograph to a digit, a
/// Latin letter, punctuation or a space (rule WB999: break everywhere else), and ICU's Chinese
/// dictionary only divides runs of ideographs; so where exactly one side of an offset is an
/// ideograph and the other such a plain character, the offset is a boundary. Everything else
/// (two ideographs: 条|例 or 条例?) goes to ICU.
enum WordBreakShortcut {
    /// True when the offset is certainly a boundary, nil when ICU must decide.
    static func isBoundary(_ units: [UInt16], at offset: Int) -> Bool? {
        if offset <= 0 || offset >= units.count { return true }
        let before = units[offset - 1], after = units[offset]
        let hanBefore = isIdeograph(before), hanAfter = isIdeograph(after)
        if hanBefore && isPlain(after) || hanAfter && isPlain(before) { return true }
        return nil
    }

    /// CJK ideographs (unified, extension A, compatibility): the dictionary's domain.
    @inline(__always) private static func isIdeograph(_ u: UInt16) -> Bool {
        (0x4E00...0x9FFF).contains(u) || (0x3400...0x4DBF).contains(u) || (0xF900...0xFAFF).contains(u)
    }

    /// ASCII, and CJK punctuation that never extends a word: 、。〈〉《》「」『』【】 and quotes.
    @inline(__always) private static func isPlain(_ u: UInt16) -> Bool {
        u < 0x80 || (0x3001...0x3003).contains(u) || (0x3008...0x3011).contains(u) || (0x2018...0x201D).contains(u)
    }
}
