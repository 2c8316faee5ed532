/// A calendar date as reports write it, printed as ISO 8601.
public struct ReportDate: Hashable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}

/// Parses `2024年1月30日`, `2024-01-30`, `2024.1.30`, `2024/1/30` and `二〇二四年一月三十日`
/// (spaces next to Chinese already removed by normalization; page headers may space the
/// dashes, 2024- 01- 22). Rejects impossible dates.
public enum DateParser {
    public static func parse(_ text: String) -> ReportDate? {
        var parts = text.split(whereSeparator: { "年月日-./ ".contains($0) }).map(String.init)
        parts = runTogether(parts, marked: text.contains("年") || text.contains("月"))
        guard parts.count == 3,
              let year = ChineseNumberParser.parseInteger(parts[0]),
              let month = ChineseNumberParser.parseInteger(parts[1]),
              let day = ChineseNumberParser.parseInteger(parts[2]),
              (1949...2100).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, year)
        else { return nil }
        return ReportDate(year: year, month: month, day: day)
    }

    /// Parts of a date whose 年 (and 月) a page lost, split where only one split is possible:
    /// 20211231 (8 digits) and 202111 (6) as year, month, day; 20231|1 and 202312|31 as year and
    /// month, then day; 2024|1231 as year, then month and day; 2023|11 (no 年 or 月 at all) as
    /// year, month 1, day 1. 2021111 could be 1 November or 11 January: left whole, it parses as
    /// nothing.
    private static func runTogether(_ parts: [String], marked: Bool) -> [String] {
        guard let first = parts.first, isDigits(first) else { return parts }
        let digits = Array(first)
        let year = String(digits.prefix(4))
        switch (parts.count, digits.count) {
        case (1, 8): return [year, String(digits[4..<6]), String(digits[6..<8])]
        case (1, 6): return [year, String(digits[4]), String(digits[5])]
        case (2, 5), (2, 6): return [year, String(digits[4...]), parts[1]]
        // A year given back to a date that lost its own (1231日 after 2024年): month and day.
        case (2, 4) where parts[1].count == 4 && isDigits(parts[1]):
            let monthDay = Array(parts[1])
            return [first, String(monthDay[0..<2]), String(monthDay[2..<4])]
        // The year kept apart by a space, month and day run together (2023 11日): one digit each.
        case (2, 4) where !marked && parts[1].count == 2 && isDigits(parts[1]):
            let monthDay = Array(parts[1])
            return [first, String(monthDay[0]), String(monthDay[1])]
        default: return parts
        }
    }

    private static func isDigits(_ text: String) -> Bool { text.utf8.allSatisfy { (0x30...0x39).contains($0) } }

    /// A year written in Arabic or Chinese digits (2023, 二〇二三).
    public static func parseYear(_ text: String) -> Int? {
        guard let year = ChineseNumberParser.parseInteger(text), (1949...2100).contains(year) else { return nil }
        return year
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
