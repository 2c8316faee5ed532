import XCTest
import NianbaoCore

final class NumberParsingTests: XCTestCase {
    func testArabicNumbers() {
        XCTAssertEqual(ChineseNumberParser.parse("147"), 147)
        XCTAssertEqual(ChineseNumberParser.parse("1,027"), 1027)
        XCTAssertEqual(ChineseNumberParser.parse("2.9万"), 29_000)
        XCTAssertEqual(ChineseNumberParser.parse("4.14万"), 41_400)
        XCTAssertEqual(ChineseNumberParser.parse("1360万"), 13_600_000)
        XCTAssertEqual(ChineseNumberParser.parse("3千"), 3000)
    }

    func testChineseNumerals() {
        let cases: [(String, Double)] = [
            ("二十九", 29), ("一百零四", 104), ("两", 2), ("十", 10), ("十九", 19), ("八十", 80),
            ("三千二百零五", 3205), ("一万二千", 12_000), ("二百五十万", 2_500_000), ("一亿二千万", 120_000_000),
            ("二〇二四", 2024), ("一九九八", 1998), ("零", 0), ("三", 3),
        ]
        for (text, value) in cases { XCTAssertEqual(ChineseNumberParser.parse(text), value, text) }
    }

    func testNotNumbers() {
        XCTAssertNil(ChineseNumberParser.parse("条例"))
        XCTAssertNil(ChineseNumberParser.parse(""))
        XCTAssertNil(ChineseNumberParser.parseInteger("2.5"))
    }

    func testQualifiers() {
        XCTAssertEqual(Qualifier.from(words: ["约"]), .approximate)
        XCTAssertEqual(Qualifier.from(words: ["左右"]), .approximate)
        XCTAssertEqual(Qualifier.from(words: ["近"]), .approximate)
        XCTAssertEqual(Qualifier.from(words: ["余"]), .atLeast)
        XCTAssertEqual(Qualifier.from(words: ["多"]), .atLeast)
        XCTAssertEqual(Qualifier.from(words: ["以上"]), .atLeast)
        XCTAssertEqual(Qualifier.from(words: ["超过"]), .atLeast)
        XCTAssertEqual(Qualifier.from(words: ["近", "余"]), .atLeast)
        XCTAssertEqual(Qualifier.from(words: []), .exact)
    }

    func testDates() {
        XCTAssertEqual(DateParser.parse("2024年1月30日")?.description, "2024-01-30")
        XCTAssertEqual(DateParser.parse("2024-01-30")?.description, "2024-01-30")
        XCTAssertEqual(DateParser.parse("2024.1.3")?.description, "2024-01-03")
        XCTAssertEqual(DateParser.parse("2024- 01- 22")?.description, "2024-01-22", "a page header that spaces its dashes")
        // A page that lost 年 and 月: split only where one split is possible.
        XCTAssertEqual(DateParser.parse("20211231日")?.description, "2021-12-31")
        XCTAssertEqual(DateParser.parse("202111日")?.description, "2021-01-01")
        XCTAssertEqual(DateParser.parse("202312月31日")?.description, "2023-12-31")
        XCTAssertEqual(DateParser.parse("20231月1日")?.description, "2023-01-01")
        XCTAssertNil(DateParser.parse("2021111日"), "1 November or 11 January")
        XCTAssertEqual(DateParser.parse("2024年1231日")?.description, "2024-12-31", "the year given back to 1231日")
        XCTAssertEqual(DateParser.parse("2023 11日")?.description, "2023-01-01", "year apart, month and day run together")
        XCTAssertNil(DateParser.parse("2023年12月"), "a month is no date")
        XCTAssertNil(DateParser.parse("2024年1332日"))
        XCTAssertEqual(DateParser.parse("二〇二四年一月三十日")?.description, "2024-01-30")
        XCTAssertEqual(DateParser.parse("二〇二三年十二月三十一日")?.description, "2023-12-31")
        XCTAssertNil(DateParser.parse("2023年2月30日"))
        XCTAssertNil(DateParser.parse("2023年13月1日"))
        XCTAssertEqual(DateParser.parseYear("二〇二三"), 2023)
    }
}
