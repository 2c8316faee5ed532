/// Finds heading numberings: a level-1 numeral with 、 (一、, 十二.) or a part at a line start
/// (第一部分), or a level-2 one: a
/// bracketed numeral ((一)) or a digit with . or 、 at a line start (1.), not inside Chinese text. A hand scan: it runs over every document,
/// and a regular expression with a look-behind at every position was the splitter's main cost.
enum HeadingScanner {
    struct Numbering {
        let level: Int
        /// From the numeral to past the mark and any spaces or Markdown ** after it.
        let range: Range<Int>
    }

    /// 一 to 十, the numerals of heading numbers (a switch: this runs at every 、 and bracket).
    @inline(__always) private static func isNumeral(_ u: UInt16) -> Bool {
        switch u {
        case 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: return true
        default: return false
        }
    }

    static func numberings(in units: [UInt16]) -> [Numbering] {
        var result: [Numbering] = []
        units.withUnsafeBufferPointer { text in
            let n = text.count
            var i = 0
            while i < n {
                let u = text[i]
                if u == 0x3001 || u == 0x2E, i > 0 {  // 、 or .
                    var start = i
                    while start > 0, i - start < 2, isNumeral(text[start - 1]) { start -= 1 }
                    // Not inside Chinese text, except right after a figure's unit: a one-line dump
                    // runs a table's last cell into the next heading (…收费金额52元三、收到和处理…).
                    if start < i, start == 0 || !CharacterClasses.isHan(text[start - 1])
                        || (start >= 2 && CharacterClasses.isDigit(text[start - 2])) {
                        result.append(Numbering(level: 1, range: start..<skipDecoration(text, i + 1)))
                    } else if start == i, CharacterClasses.isDigit(text[i - 1]), i < 2 || !CharacterClasses.isDigit(text[i - 2]),
                              i < 2 || CharacterClasses.isLineBreak(text[i - 2]) || text[i - 2] == 0x20 || text[i - 2] == 0x23 {
                        // 1. or 1、 at a line start: some reports number the parts of 总体情况 so.
                        result.append(Numbering(level: 2, range: (i - 1)..<skipDecoration(text, i + 1)))
                    }
                } else if u == 0x7B2C, let end = partEnd(text, at: i) {  // 第
                    result.append(Numbering(level: 1, range: i..<end))
                    i = end
                    continue
                } else if u == 0x28 {  // (
                    var end = i + 1
                    while end < n, end - i <= 2, isNumeral(text[end]) { end += 1 }
                    if end > i + 1, end < n, text[end] == 0x29 {
                        // Some pages put a mark after the bracket too ((三)、申请行政复议…).
                        var after = end + 1
                        if after < n, text[after] == 0x3001 || text[after] == 0x2E { after += 1 }
                        result.append(Numbering(level: 2, range: i..<skipDecoration(text, after)))
                        i = end
                    }
                }
                i += 1
            }
        }
        return result
    }

    /// Past 第一部分 and the mark or spaces after it, when it opens a line (some reports number
    /// their sections as parts: 第一部分 总体情况).
    private static func partEnd(_ text: UnsafeBufferPointer<UInt16>, at start: Int) -> Int? {
        if start > 0 {
            let before = text[start - 1]
            guard CharacterClasses.isLineBreak(before) || before == 0x20 || before == 0x23 || before == 0x2A else { return nil }
        }
        var end = start + 1
        while end < text.count, end - start <= 2, isNumeral(text[end]) { end += 1 }
        guard end > start + 1, end + 1 < text.count, text[end] == 0x90E8, text[end + 1] == 0x5206 else { return nil }  // 部分
        end += 2
        if end < text.count, text[end] == 0x3001 || text[end] == 0x3A { end += 1 }  // 、 or :
        return skipDecoration(text, end)
    }

    private static func skipDecoration(_ text: UnsafeBufferPointer<UInt16>, _ start: Int) -> Int {
        var end = start
        while end < text.count, text[end] == 0x20 || text[end] == 0x2A { end += 1 }
        return end
    }
}
