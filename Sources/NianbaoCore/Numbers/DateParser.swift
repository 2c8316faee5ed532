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
        let parts = text.split(whereSeparator: { "年月日-./ ".contains($0) }).map(String.init)
        guard parts.count == 3,
              let year = ChineseNumberParser.parseInteger(parts[0]),
              let month = ChineseNumberParser.parseInteger(parts[1]),
              let day = ChineseNumberParser.parseInteger(parts[2]),
              (1949...2100).contains(year), (1...12).contains(month), day >= 1, day <= daysIn(month, year)
        else { return nil }
        return ReportDate(year: year, month: month, day: day)
    }

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
