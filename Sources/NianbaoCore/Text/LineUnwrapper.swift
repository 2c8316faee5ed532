import ICUKit

/// Undoes the layout of text converted from PDF: lines wrapped at the page width are rejoined
/// (`…统计周期\n为 2024 年…`) and page footers (`— 3 —`) are removed, keeping the offset map.
///
/// Wrapped text shows itself by many lines of nearly the same display width (the page width);
/// a line that reaches it, does not end a sentence and is followed by ordinary text continues on
/// the next line. Texts with one paragraph per line have no such width and are left alone.
enum LineUnwrapper {
    private struct Line {
        let range: Range<Int>      // without the line break
        let breakEnd: Int          // end of the line break (range.upperBound when at the end)
        let width: Int
        let first: UInt16?
        let last: UInt16?
        let isFooter: Bool
        let isTableRow: Bool
    }

    static func unwrap(_ text: MappedText) -> MappedText {
        let lines = split(text.units)
        let candidates = lines.filter { $0.width >= 30 && !$0.isTableRow }.map(\.width)
        guard candidates.count >= 5, let pageWidth = commonWidth(candidates) else {
            return lines.contains(where: \.isFooter) ? remove(footersOnly: true, lines, text, threshold: .max) : text
        }
        return remove(footersOnly: false, lines, text, threshold: pageWidth - 8)
    }

    private static func remove(footersOnly: Bool, _ lines: [Line], _ text: MappedText, threshold: Int) -> MappedText {
        var drop = [Bool](repeating: false, count: text.count)
        var previous: Line?
        for line in lines {
            if line.isFooter {
                for k in line.range.lowerBound..<line.breakEnd { drop[k] = true }
                continue
            }
            defer { previous = line }
            guard !footersOnly, let before = previous, before.width >= threshold, !before.isTableRow,
                  let last = before.last, !endsSentence(last) || introducesAddress(last, line), !startsBlock(text.units, line)
            else { continue }
            // Join: drop the break(s) between the previous line and this one, and a footer between them.
            for k in before.range.upperBound..<line.range.lowerBound where CharacterClasses.isLineBreak(text.units[k]) {
                drop[k] = true
            }
        }
        guard drop.contains(true) else { return text }
        var out = MappedTextBuilder(capacity: text.count)
        var k = 0
        while k < text.count {
            var end = k
            while end < text.count && !drop[end] { end += 1 }
            if end > k { out.append(text, k..<end) }
            k = end + 1
        }
        return out.build()
    }

    /// The page width: the display width most lines cluster at (within ±4), if a clear share does.
    private static func commonWidth(_ widths: [Int]) -> Int? {
        // Widths in order: the lines within ±4 of each width lie between two moving indices.
        let sorted = widths.sorted()
        var best: (width: Int, count: Int)?
        var low = 0, high = 0
        for (i, w) in sorted.enumerated() where i == 0 || sorted[i - 1] != w {
            while sorted[low] < w - 4 { low += 1 }
            while high < sorted.count && sorted[high] <= w + 4 { high += 1 }
            let count = high - low
            if count > best?.count ?? 0 || (count == best?.count && w > best!.width) { best = (w, count) }
        }
        guard let best, best.count >= 5, Double(best.count) >= 0.3 * Double(widths.count) else { return nil }
        return best.width
    }

    private static func split(_ units: [UInt16]) -> [Line] {
        units.withUnsafeBufferPointer { split($0) }
    }

    private static func split(_ units: UnsafeBufferPointer<UInt16>) -> [Line] {
        var lines: [Line] = []
        var start = 0
        let n = units.count
        while start <= n {
            var end = start
            while end < n, units[end] != 0x0A { end += 1 }
            var contentEnd = end
            while contentEnd > start, units[contentEnd - 1] == 0x0D || CharacterClasses.isSpace(units[contentEnd - 1]) { contentEnd -= 1 }
            var contentStart = start
            while contentStart < contentEnd, CharacterClasses.isSpace(units[contentStart]) { contentStart += 1 }
            var width = 0
            var hasTab = false
            var spaces = 0
            for k in contentStart..<contentEnd {
                let u = units[k]
                // A tab, or a gap of three spaces (PDF layout text), separates table cells.
                if u == 0x09 { hasTab = true }
                spaces = u == 0x20 ? spaces + 1 : 0
                if spaces >= 3 { hasTab = true }
                width += (u >= 0x1100 && !(0xFF61...0xFFDC).contains(u)) ? 2 : 1
            }
            let first = contentStart < contentEnd ? units[contentStart] : nil
            lines.append(Line(range: start..<contentEnd, breakEnd: min(end + 1, n), width: width,
                              first: first, last: contentEnd > contentStart ? units[contentEnd - 1] : nil,
                              isFooter: isFooter(units, contentStart..<contentEnd),
                              isTableRow: hasTab || first == 0x7C))
            if end >= n { break }
            start = end + 1
        }
        return lines
    }

    /// `— 3 —`, `- 12 -`: a page number between dashes.
    private static func isFooter(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> Bool {
        guard range.count >= 3, range.count <= 12 else { return false }
        guard isDash(units[range.lowerBound]), isDash(units[range.upperBound - 1]) else { return false }
        var digits = 0
        for k in range {
            let u = units[k]
            if CharacterClasses.isDigit(u) { digits += 1 } else if !isDash(u) && !CharacterClasses.isSpace(u) { return false }
        }
        return digits > 0
    }

    private static func isDash(_ u: UInt16) -> Bool {
        u == 0x2014 || u == 0x2013 || u == 0x2D || u == 0x2015 || u == 0x2500
    }

    private static func endsSentence(_ u: UInt16) -> Bool {
        u == 0x3002 || u == 0x21 || u == 0x3F || u == 0xFF01 || u == 0xFF1F || u == 0x3A || u == 0xFF1A
    }

    /// A colon at a wrap followed by Latin text (`邮箱：` then `abc@…`, `网址：` then `www.…` or a
    /// link): the value wrapped to the next line, and the colon ended no sentence.
    private static func introducesAddress(_ last: UInt16, _ next: Line) -> Bool {
        guard last == 0x3A || last == 0xFF1A, let first = next.first else { return false }
        return (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) || first == 0x5B || first == 0x3C
    }

    /// Lines that open a block of their own: headings, list items, table rows.
    private static func startsBlock(_ units: [UInt16], _ line: Line) -> Bool {
        guard let first = line.first else { return true }
        if first == 0x23 || first == 0x7C || first == 0x2A { return true }
        var k = line.range.lowerBound
        while k < line.range.upperBound, CharacterClasses.isSpace(units[k]) { k += 1 }
        // 一、 (一) （一） 1. 1、
        var j = k
        if j < line.range.upperBound, units[j] == 0x28 || units[j] == 0xFF08 { j += 1 }
        let numeralStart = j
        while j < line.range.upperBound, CharacterClasses.chineseNumerals.contains(units[j]) || CharacterClasses.isDigit(units[j]) { j += 1 }
        guard j > numeralStart, j < line.range.upperBound else { return false }
        let mark = units[j]
        return mark == 0x3001 || mark == 0x29 || mark == 0xFF09 || (mark == 0x2E && numeralStart == k)
    }
}
