import Foundation

/// One word of a PDF page as pdftotext places it: its text and box, in points from the page's
/// top left corner (`规章` at 37.5…61.5 × 95.3…109.3).
public struct PDFWord: Equatable, Sendable {
    public var text: String
    public var xMin: Double, yMin: Double, xMax: Double, yMax: Double

    public init(_ text: String, x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.text = text
        (xMin, xMax, yMin, yMax) = (x.lowerBound, x.upperBound, y.lowerBound, y.upperBound)
    }

    var height: Double { yMax - yMin }
    var centerY: Double { (yMin + yMax) / 2 }
}

/// Reads the words of each page from `pdftotext -bbox` XHTML:
/// `<page width="612" height="792"><word xMin="37.5" yMin="95.3" xMax="61.5" yMax="109.3">规章</word>…</page>`.
public enum PDFWordBoxReader {
    public static func pages(_ xhtml: String) -> [[PDFWord]] {
        xhtml.components(separatedBy: "<page ").dropFirst().map { words(onPage: $0) }
    }

    private static func words(onPage page: String) -> [PDFWord] {
        var words: [PDFWord] = []
        var rest = page[...]
        while let open = rest.range(of: "<word ") {
            guard let tagEnd = rest.range(of: ">", range: open.upperBound..<rest.endIndex),
                  let close = rest.range(of: "</word>", range: tagEnd.upperBound..<rest.endIndex) else { break }
            let attributes = rest[open.upperBound..<tagEnd.lowerBound]
            if let xMin = number("xMin", attributes), let yMin = number("yMin", attributes),
               let xMax = number("xMax", attributes), let yMax = number("yMax", attributes), xMin <= xMax, yMin <= yMax {
                words.append(PDFWord(unescape(rest[tagEnd.upperBound..<close.lowerBound]), x: xMin...xMax, y: yMin...yMax))
            }
            rest = rest[close.upperBound...]
        }
        return words
    }

    private static func number(_ name: String, _ attributes: Substring) -> Double? {
        guard let key = attributes.range(of: name + "=\"") else { return nil }
        let value = attributes[key.upperBound...].prefix { $0 != "\"" }
        return Double(value).flatMap { $0.isFinite ? $0 : nil }
    }

    /// pdftotext escapes only these five.
    private static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
