import Foundation
import ICUKit

/// A document's text in the three forms extraction needs, all index-aligned after the first:
/// - `original`: the decoded document, which evidence offsets index;
/// - `display`: NFKC plus report folding, with a map back to `original` (values are copied from it);
/// - `matching`: `display` with traditional characters folded to simplified (and Taiwan wording
///   such as 資訊 to mainland 信息), for rules to match.
public struct ReportText: Sendable {
    public let original: [UInt16]
    public let display: MappedText
    public let matching: [UInt16]
    /// Offsets in `matching` where lines start (the first is 0).
    public let lineStarts: [Int]
    /// Whether the document is written (at least partly) in traditional script.
    public let hasTraditionalScript: Bool

    public var count: Int { matching.count }

    /// The display text of `range` (a range of `matching`/`display`).
    public func displayString(_ range: Range<Int>) -> String { UTF16Strings.string(display.units, range) }

    /// The matching text of `range`.
    public func matchingString(_ range: Range<Int>) -> String { UTF16Strings.string(matching, range) }

    /// The `original` span that `range` of the display text came from.
    public func originalRange(of range: Range<Int>) -> Range<Int> { display.sourceRange(of: range) }

    public func originalString(_ range: Range<Int>) -> String { UTF16Strings.string(original, range) }

    /// The index of the line holding `offset`.
    public func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The range of line `index`, without its line break.
    public func lineRange(_ index: Int) -> Range<Int> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : matching.count
        while end > start, CharacterClasses.isLineBreak(matching[end - 1]) { end -= 1 }
        return start..<end
    }

}

/// Turns decoded text into a `ReportText`. Holds ICU objects that are not thread-safe:
/// one preparer per thread.
public final class TextPreparer {
    private let normalizer: NFKCNormalizer
    let breaker: TextBreaker

    /// Builds the process-wide text tables (NFKC, traditional script) on a thread of their own,
    /// so that they are ready by the first document instead of holding up every worker.
    public static func warmUpInBackground() {
        Thread.detachNewThread {
            NFKCNormalizer.warmUp()
            ScriptFolding.warmUp()
        }
    }

    public init() throws {
        normalizer = try NFKCNormalizer()
        breaker = try TextBreaker()
    }

    public func prepare(_ original: [UInt16]) -> ReportText {
        let display = ReportFolding.fold(LineUnwrapper.unwrap(normalizer.normalize(original)))
        var matching = display.units
        let traditional = ScriptFolding.foldTraditional(&matching)
        if traditional { ScriptFolding.foldRegionalWords(&matching) }
        var lineStarts = [0]
        for (i, unit) in matching.enumerated() where unit == 0x0A && i + 1 < matching.count {
            lineStarts.append(i + 1)
        }
        return ReportText(original: original, display: display, matching: matching, lineStarts: lineStarts,
                          hasTraditionalScript: traditional)
    }

    /// The sentence (ICU sentence break, "zh") holding `offset`. Computed on demand within the
    /// offset's line, at most `radius` units either side (one-line bodies are whole documents):
    /// few matches ever need it, and segmenting whole documents costs.
    public func sentenceRange(in text: ReportText, containing offset: Int, radius: Int = 160) -> Range<Int> {
        let line = sentenceSearchRange(in: text, containing: offset, radius: radius)
        let units = Array(text.matching[line])
        let boundaries = breaker.sentenceBoundaries(units)
        var start = 0, end = units.count
        for boundary in boundaries {
            if boundary <= offset - line.lowerBound { start = boundary } else { end = boundary; break }
        }
        return (line.lowerBound + start)..<(line.lowerBound + end)
    }

    /// Where `sentenceRange` looks for the sentence holding `offset`: the sentence lies inside
    /// it, so a word absent from it is absent from the sentence, with no segmentation at all.
    public func sentenceSearchRange(in text: ReportText, containing offset: Int, radius: Int = 160) -> Range<Int> {
        let fullLine = text.lineRange(text.lineIndex(of: offset))
        return max(fullLine.lowerBound, offset - radius)..<min(fullLine.upperBound, offset + radius)
    }

    /// Whether `offset` of `text` is a word boundary (ICU "zh" word break, in a small window).
    /// ICU's dictionary only divides runs of ideographs: next to anything else the answer is
    /// known without it (`WordBreakShortcut`), and that is most counts (`，共3条。`).
    public func isWordBoundary(_ text: ReportText, at offset: Int) -> Bool {
        if let known = WordBreakShortcut.isBoundary(text.matching, at: offset) { return known }
        return text.matching.withUnsafeBufferPointer { breaker.isWordBoundary($0, at: offset) }
    }

    /// ICU's answer alone (tests compare it with the shortcut).
    public func icuIsWordBoundary(_ text: ReportText, at offset: Int) -> Bool {
        text.matching.withUnsafeBufferPointer { breaker.isWordBoundary($0, at: offset) }
    }
}
