/// Words → lines and their text: the words on one baseline left to right, and the lines of a
/// table cell rejoined the way a browser would show the cell on one line.
enum PDFLineText {
    /// Lines top to bottom, each a run of words whose middles share a height, left to right.
    static func lines(_ words: [PDFWord]) -> [[PDFWord]] {
        var lines: [(yMin: Double, yMax: Double, words: [PDFWord])] = []
        for word in words.sorted(by: { ($0.yMin, $0.xMin) < ($1.yMin, $1.xMin) }) {
            if let last = lines.indices.last, word.centerY > lines[last].yMin, word.centerY < lines[last].yMax {
                lines[last].words.append(word)
                lines[last].yMax = max(lines[last].yMax, word.yMax)
            } else {
                lines.append((word.yMin, word.yMax, [word]))
            }
        }
        return lines.map { $0.words.sorted { $0.xMin < $1.xMin } }
    }

    /// One line's text: pieces of a word that touch are joined, words get a space, and a gap
    /// wider than the text is high gets three (what `pdftotext -layout` shows between columns).
    static func text(_ line: [PDFWord], wideGaps: Bool = true) -> String {
        var text = ""
        var previous: PDFWord?
        for word in line {
            if let previous {
                let gap = word.xMin - previous.xMax, height = max(word.height, previous.height)
                if gap >= 0.1 * height { text += wideGaps && gap > height ? "   " : " " }
            }
            text += word.text
            previous = word
        }
        return text
    }

    /// A table cell's text on one line. Chinese wraps anywhere, so its lines join directly;
    /// Latin text wraps at a space, which comes back.
    static func cellText(_ words: [PDFWord]) -> String {
        var text = ""
        for line in lines(words).map({ Self.text($0, wideGaps: false) }) {
            if let last = text.unicodeScalars.last, let first = line.unicodeScalars.first, isNarrow(last), isNarrow(first) {
                text += " "
            }
            text += line
        }
        return text
    }

    /// Latin letters, digits and their punctuation, as opposed to CJK characters and full-width forms.
    private static func isNarrow(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x2E80 && !scalar.properties.isWhitespace && !(0x2010...0x206F).contains(scalar.value)
    }
}
