import ICUKit

/// Report-specific clean-up after NFKC, each step keeping the offset map:
/// - spaces next to Chinese characters go (`2023 年` → `2023年`, `16 条` → `16条`), spaces between
///   two numbers stay (table cells); so does a line's indent;
/// - a line break inside a count goes (`80 余\n条`, `80\n\n余条`: PDF page breaks), and one
///   between words and the count that ends their sentence (`共计发布信息\n\n7435 条`);
/// - `〇` next to Arabic digits is a zero (`2〇23`);
/// - a pinyin gloss after a character goes (`鎮(zhèn)`: some mirror sites print them inside words).
enum ReportFolding {
    static func fold(_ text: MappedText) -> MappedText {
        text.units.withUnsafeBufferPointer { fold(text, $0) }
    }

    private static func fold(_ text: MappedText, _ units: UnsafeBufferPointer<UInt16>) -> MappedText {
        let n = units.count
        var out = MappedTextBuilder(capacity: n)
        var i = 0
        var runStart = 0  // units from runStart to i are copied unchanged, in one go
        while i < n {
            let unit = units[i]
            if !CharacterClasses.isFoldable(unit) { i += 1; continue }
            if CharacterClasses.isSpace(unit) || CharacterClasses.isLineBreak(unit) {
                var end = i
                var hasBreak = false
                while end < n, CharacterClasses.isSpace(units[end]) || CharacterClasses.isLineBreak(units[end]) {
                    if CharacterClasses.isLineBreak(units[end]) { hasBreak = true }
                    end += 1
                }
                let before: UInt16? = i > 0 ? units[i - 1] : nil
                let after: UInt16? = end < n ? units[end] : nil
                if hasBreak ? breaksCount(before, after) || breaksBeforeCount(before, units, end) : spaceIsNoise(before, after) {
                    // Copy what came before in one piece, and skip the run.
                    if runStart < i { out.append(text, runStart..<i) }
                    runStart = end
                } else if hasBreak || i == 0 {
                    // A line's indent goes, so that a sentence opening the line opens it.
                    var lineStart = end
                    while lineStart > i, !CharacterClasses.isLineBreak(units[lineStart - 1]) { lineStart -= 1 }
                    let textStart = lostIndentEnd(units, from: end)
                    if textStart > lineStart, textStart < n, !CharacterClasses.isLineBreak(units[textStart]) {
                        if runStart < lineStart { out.append(text, runStart..<lineStart) }
                        runStart = textStart
                        i = textStart
                        continue
                    }
                }
                i = end
                continue
            }
            if unit == 0x28, i > 0, CharacterClasses.isHan(units[i - 1]), let end = pinyinGlossEnd(units, from: i) {
                if runStart < i { out.append(text, runStart..<i) }
                runStart = end
                i = end
                continue
            }
            if unit == 0x3007,
               (i > 0 && CharacterClasses.isDigit(units[i - 1])) || (i + 1 < n && CharacterClasses.isDigit(units[i + 1])) {
                if runStart < i { out.append(text, runStart..<i) }
                out.appendReplacement(0x30, for: i..<(i + 1), of: text)
                runStart = i + 1
            }
            i += 1
        }
        if runStart < n { out.append(text, runStart..<n) }
        return out.build()
    }

    /// Where a line's text starts after its indent at `start`: a scraper that lost full-width
    /// spaces leaves question marks there (`??2025年，…`), which stand before text, never alone.
    private static func lostIndentEnd(_ units: UnsafeBufferPointer<UInt16>, from start: Int) -> Int {
        var end = start
        while end < units.count, end - start < 4, units[end] == 0x3F { end += 1 }
        guard end > start, end < units.count, CharacterClasses.isHan(units[end]) || CharacterClasses.isDigit(units[end]) || units[end] == 0x28 else { return start }
        return end
    }

    /// A space run between a Chinese character and a Chinese character, digit or punctuation
    /// (either order) only separates what a reader reads as one.
    private static func spaceIsNoise(_ before: UInt16?, _ after: UInt16?) -> Bool {
        guard let before, let after else { return false }
        let hanBefore = CharacterClasses.isHan(before) || CharacterClasses.isPunctuation(before)
        let hanAfter = CharacterClasses.isHan(after) || CharacterClasses.isPunctuation(after)
        if hanBefore && (hanAfter || CharacterClasses.isDigit(after)) { return true }
        if hanAfter && CharacterClasses.isDigit(before) { return true }
        return false
    }

    /// The end of `(zhèn)` at `start`: one syllable of lowercase pinyin, with a tone mark (so that
    /// `(a)` or `(app)` stay), closed within eight units.
    private static func pinyinGlossEnd(_ units: UnsafeBufferPointer<UInt16>, from start: Int) -> Int? {
        var k = start + 1
        var toneMarked = false
        while k < units.count, k - start <= 8 {
            let u = units[k]
            if u == 0x29 { return toneMarked && k > start + 1 ? k + 1 : nil }
            if (0x61...0x7A).contains(u) { k += 1; continue }
            guard CharacterClasses.isToneMarkedVowel(u) else { return nil }
            toneMarked = true
            k += 1
        }
        return nil
    }

    /// A line break between a Chinese character and a count that goes on in figures and a unit
    /// (`…共计发布信息` / `7435 条`): a converter broke the sentence there, not a heading or a table
    /// row (whose cells carry no unit).
    private static func breaksBeforeCount(_ before: UInt16?, _ units: UnsafeBufferPointer<UInt16>, _ start: Int) -> Bool {
        guard let before, CharacterClasses.isHan(before), start < units.count, CharacterClasses.isDigit(units[start]) else { return false }
        var k = start
        while k < units.count, k - start < 12, CharacterClasses.isDigit(units[k]) || units[k] == 0x2C || units[k] == 0x2E { k += 1 }
        while k < units.count, CharacterClasses.isSpace(units[k]) { k += 1 }
        return k < units.count && CharacterClasses.countContinuations.contains(units[k])
    }

    /// A line break between a number (or 余/多) and the unit or 余/多 that completes it.
    private static func breaksCount(_ before: UInt16?, _ after: UInt16?) -> Bool {
        guard let before, let after else { return false }
        let numberBefore = CharacterClasses.isDigit(before) || CharacterClasses.chineseNumerals.contains(before)
            || before == 0x4F59 /* 余 */ || before == 0x591A /* 多 */
        return numberBefore && CharacterClasses.countContinuations.contains(after)
    }
}
