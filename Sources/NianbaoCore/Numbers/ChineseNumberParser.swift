/// Parses the numbers reports write: Arabic (`1,027`, `2.9万`, `4.14万`), Chinese numerals
/// (`二十九`, `一百零四`, `两`, `十`, `三千二百零五`, `一万二千`), digit-by-digit years (`二〇二四`)
/// and mixed forms (`3千`, `1360万`). Returns nil for anything else.
public enum ChineseNumberParser {
    private static let digitValues: [Character: Int] = [
        "零": 0, "〇": 0, "0": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let smallUnits: [Character: Int] = ["十": 10, "百": 100, "千": 1000]
    private static let largeUnits: [Character: Double] = ["万": 10_000, "亿": 100_000_000]

    public static func parse(_ text: String) -> Double? {
        let trimmed = text.filter { $0 != "," && $0 != " " }
        if trimmed.isEmpty { return nil }
        // Arabic with an optional Chinese multiplier: 2.9万, 1360万, 3千.
        var numericPart = Substring(trimmed)
        var multiplier = 1.0
        while let last = numericPart.last, largeUnits[last] != nil || smallUnits[last] != nil {
            multiplier *= largeUnits[last] ?? Double(smallUnits[last]!)
            numericPart = numericPart.dropLast()
        }
        if !numericPart.isEmpty, numericPart.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
            guard let value = Double(numericPart) else { return nil }
            return value * multiplier
        }
        return parseHan(trimmed)
    }

    /// An integer value, when the number is whole.
    public static func parseInteger(_ text: String) -> Int? {
        guard let value = parse(text), value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    private static func parseHan(_ text: String) -> Double? {
        let characters = Array(text)
        // Digit-by-digit numerals (二〇二四, 一九九八) carry no unit characters.
        if characters.count >= 2, characters.allSatisfy({ digitValues[$0] != nil }) {
            return Double(characters.reduce(0) { $0 * 10 + digitValues[$1]! })
        }
        var hundredMillions = 0.0  // completed 亿 groups
        var tenThousands = 0.0     // completed 万 groups below 亿
        var section = 0            // the current group below 万
        var digit: Int?            // the digit waiting for its unit
        for character in characters {
            if let value = digitValues[character] {
                digit = value
            } else if let unit = smallUnits[character] {
                section += (digit ?? 1) * unit  // 十 alone is 10
                digit = nil
            } else if character == "万" {
                let group = section + (digit ?? 0)
                tenThousands += Double(group == 0 ? 1 : group) * 10_000
                section = 0
                digit = nil
            } else if character == "亿" {
                let group = tenThousands + Double(section + (digit ?? 0))
                hundredMillions += (group == 0 ? 1 : group) * 100_000_000
                tenThousands = 0
                section = 0
                digit = nil
            } else {
                return nil
            }
        }
        return hundredMillions + tenThousands + Double(section + (digit ?? 0))
    }
}
