import XCTest
import NianbaoCore
import ICUKit

final class TextPreparationTests: XCTestCase {
    private func prepare(_ s: String) -> ReportText {
        try! TextPreparer().prepare(Array(s.utf16))
    }

    func testFullWidthAndSpacesAreNormalizedWithOffsets() {
        // Seed 001's cells carry full-width spaces; seed 002 writes "共计公开 16 条".
        let text = prepare("共计公开　１６　条。")
        XCTAssertEqual(text.displayString(0..<text.count), "共计公开16条。")
        let digits = 4..<6  // "16" in the normalized text
        let original = text.originalRange(of: digits)
        XCTAssertEqual(text.originalString(original), "１６")
    }

    func testNumberSplitByPageBreakIsRejoined() {
        // Seed 003: "2023 年总计公开信息 80 余\n条。"
        let source = "2023 年总计公开信息 80 余\n条。其中："
        let text = prepare(source)
        XCTAssertEqual(text.displayString(0..<text.count), "2023年总计公开信息80余条。其中:")
        let span = text.originalRange(of: 11..<15)  // "80余条"
        XCTAssertEqual(text.originalString(span), "80 余\n条")
    }

    func testCountBrokenFromItsSentenceIsRejoined() {
        // A PDF conversion that broke a sentence before its count: the count is the sentence's.
        let text = prepare("共计发布信息\n\n7435 条，其中行政规范性文件\n\n38 条；\n行政许可\n\n12\n二、主动公开\n2023年")
        XCTAssertEqual(text.displayString(0..<text.count),
                       "共计发布信息7435条,其中行政规范性文件38条;\n行政许可\n\n12\n二、主动公开\n2023年",
                       "a table cell without its unit and a year after a heading keep their line breaks")
        XCTAssertEqual(text.originalString(text.originalRange(of: 6..<11)), "7435 条")
    }

    func testPinyinGlossesInsideWordsAreDropped() {
        // Mirror sites print 鎮(zhèn); a gloss without a tone mark, or not after a character, stays.
        let text = prepare("大蘆鎮(zhèn)人民政府發(fā)布(app)2023(jù)")
        XCTAssertEqual(text.displayString(0..<text.count), "大蘆鎮人民政府發布(app)2023(jù)")
        XCTAssertEqual(text.matchingString(0..<7), "大芦镇人民政府")
        XCTAssertEqual(text.originalString(text.originalRange(of: 2..<7)), "鎮(zhèn)人民政府")
    }

    func testIndentsGoSoThatASentenceOpensItsLine() {
        // Paragraphs indented with full-width spaces, or with the question marks a scraper left
        // for them (a Liaoning provincial page: "??2025年，辽宁省人民政府办公厅坚持…").
        let text = prepare("一、总体情况\n　　2025年,某某局坚持。\n??(一)主动公开\n  全年公开信息12条。\n  \n")
        XCTAssertEqual(text.displayString(0..<text.count), "一、总体情况\n2025年,某某局坚持。\n(一)主动公开\n全年公开信息12条。\n  \n")
        XCTAssertEqual(text.originalString(text.originalRange(of: 7..<12)), "2025年")
        // A question mark that ends a sentence stays.
        XCTAssertEqual(prepare("是否公开?\n是。").displayString(0..<8), "是否公开?\n是。")
    }

    func testTableCellsOnSeparateLinesStayApart() {
        let text = prepare("\t规章\n\t0\n\t0\n\n\t规范性文件\n\t1")
        XCTAssertEqual(text.displayString(0..<text.count), "\t规章\n\t0\n\t0\n\n\t规范性文件\n\t1")
    }

    func testTraditionalScriptIsFoldedForMatchingOnly() {
        let text = prepare("國辦公開辦函〔2021〕30號")
        XCTAssertEqual(text.matchingString(0..<text.count), "国办公开办函〔2021〕30号")
        XCTAssertEqual(text.displayString(0..<text.count), "國辦公開辦函〔2021〕30號")
        XCTAssertTrue(text.hasTraditionalScript)
    }

    /// Texts converted for Taiwan write 資訊 for 信息: matched as the mainland word, displayed as written.
    func testTaiwanWordingIsFoldedForMatchingOnly() {
        let text = prepare("《中華人民共和國政府資訊公開條例》")
        XCTAssertEqual(text.matchingString(0..<text.count), "《中华人民共和国政府信息公开条例》")
        XCTAssertEqual(text.displayString(0..<text.count), "《中華人民共和國政府資訊公開條例》")
        XCTAssertEqual(prepare("政务资讯").matchingString(0..<4), "政务资讯")
    }

    func testWrappedPdfLinesAndFootersAreJoined() {
        // The Shanghai reports: lines wrapped at the page width, page numbers between dashes.
        let line = "本年度报告中所列数据统计期限为的要求编制全文包括总体情况主动公开"  // a full line
        var source = ""
        for _ in 0..<6 { source += line + "\n" }
        // A full line that ends inside a date, then a page footer, then the rest of the sentence.
        source += "以及其他需要报告的事项等内容。本年度报告中所列数据统计期限为 2025\n— 1 —\n年 1 月 1 日至 12 月 31 日。\n"
        let text = prepare(source)
        XCTAssertTrue(text.displayString(0..<text.count).contains("统计期限为2025年1月1日至12月31日。"))
    }

    func testAnAddressWrappedAfterItsColonIsJoined() {
        // A PDF's layout text wraps right after 邮箱：; a colon before Chinese text still ends the line.
        let line = "本年度报告中所列数据统计期限为的要求编制全文包括总体情况主动公开"  // a full line
        var source = ""
        for _ in 0..<6 { source += line + "\n" }
        source += "如有疑问请与本机关联系地址为某市某区某路一号电子邮箱为邮箱：\nabc@example.gov.cn，电话：0635-7100756。\n"
        source += "本年度报告中所列数据统计期限为的要求编制全文包括总体情况如下：\n主动公开政府信息一百条。\n"
        let text = prepare(source).displayString(0..<prepare(source).count)
        XCTAssertTrue(text.contains("邮箱:abc@example.gov.cn"), text)
        XCTAssertTrue(text.contains("如下:\n主动公开"), text)
    }

    func testOneParagraphPerLineIsNotJoined() {
        let source = Repository.text("seeds/001_820fcc988f57598f.txt")
        let text = prepare(source)
        XCTAssertTrue(text.displayString(0..<text.count).contains("（一）主动公开\n".replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")))
    }

    func testSentenceBoundaries() throws {
        let preparer = try TextPreparer()
        let text = preparer.prepare(Array("主动公开政务信息147条。未收到申请。\n第二行。".utf16))
        XCTAssertEqual(preparer.sentenceRange(in: text, containing: 3), 0..<13)
        XCTAssertEqual(preparer.sentenceRange(in: text, containing: 14), 13..<19)
        XCTAssertEqual(preparer.sentenceRange(in: text, containing: 21), 20..<24)
    }
}

/// The word-break shortcut must give ICU's answer wherever it answers at all.
final class WordBreakShortcutTests: XCTestCase {
    func testShortcutAgreesWithICUOnEverySeedOffset() throws {
        let preparer = try TextPreparer()
        var answered = 0
        for gold in Repository.gold() where gold.document.hasPrefix("seeds/") {
            let text = preparer.prepare(Array(Repository.text(gold.document).utf16))
            for offset in 0...text.count {
                let shortcut = preparer.isWordBoundary(text, at: offset)
                let icu = preparer.icuIsWordBoundary(text, at: offset)
                if shortcut != icu {
                    XCTFail("\(gold.document) at \(offset): shortcut \(shortcut), ICU \(icu) in '\(text.matchingString(max(0, offset - 4)..<min(text.count, offset + 4)))'")
                    return
                }
                answered += 1
            }
        }
        XCTAssertGreaterThan(answered, 10_000)
    }

    /// Section titles are tried only where their first units allow (`PatternFirstUnits`): at every
    /// offset of every corpus document where ICU finds a title, the filter lets it through.
    func testTitleFilterNeverHidesATitle() throws {
        let preparer = try TextPreparer()
        let titles = Repository.ruleSet.sections.sections.map(\.titlePattern)
        let filters = titles.map(PatternFirstUnits.of)
        XCTAssertTrue(filters.allSatisfy { $0 != nil }, "every title pattern of sections.yaml is understood")
        let regexes = try titles.map { try ICURegex($0) }
        var found = 0
        for gold in Repository.gold() {
            let text = preparer.prepare(Array(Repository.text(gold.document).utf16))
            text.matching.withUnsafeBufferPointer { buffer in
                for (regex, filter) in zip(regexes, filters) {
                    regex.bind(buffer)
                    defer { regex.unbind() }
                    for offset in 0..<text.count where regex.prefixMatch(in: offset..<min(text.count, offset + 40)) != nil {
                        found += 1
                        XCTAssertTrue(filter?.contains(text.matching[offset]) ?? true, "\(gold.document) at \(offset): \(regex.pattern)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(found, 100)
    }

    /// `ICURegex.find` asks ICU only at offsets a match can start with: on every rule pattern
    /// and every corpus document, it finds exactly what ICU's own scan finds.
    func testFindingOnlyAtPossibleStartsFindsWhatICUFinds() throws {
        let preparer = try TextPreparer()
        let patterns = Repository.ruleSet.rules.filter { $0.kind != "derive" }.map(\.expandedPattern)
        let filtered = try patterns.map { try ICURegex($0) }
        let plain = try patterns.map { try ICURegex($0, filtersStarts: false) }
        XCTAssertGreaterThan(patterns.compactMap(PatternFirstUnits.of).count, patterns.count / 2, "most rule patterns show their first units")
        var matches = 0
        for gold in Repository.gold() {
            let text = preparer.prepare(Array(Repository.text(gold.document).utf16))
            text.matching.withUnsafeBufferPointer { buffer in
                for (fast, slow) in zip(filtered, plain) {
                    fast.bind(buffer); slow.bind(buffer)
                    defer { fast.unbind(); slow.unbind() }
                    // Whole documents and windows that start mid-text (look-behind sees before them).
                    for region in [0..<text.count, (text.count / 3)..<(text.count / 2)] {
                        let found = fast.find(in: region), expected = slow.find(in: region)
                        XCTAssertEqual(found.map(\.range), expected.map(\.range), "\(gold.document): \(fast.pattern)")
                        XCTAssertEqual(found.map(\.groups), expected.map(\.groups), "\(gold.document): \(fast.pattern)")
                        matches += found.count
                    }
                }
            }
        }
        XCTAssertGreaterThan(matches, 200)
    }

    func testUnitInsideAWordIsNoBoundary() throws {
        let preparer = try TextPreparer()
        let text = preparer.prepare(Array("修订3条例，发布3条。".utf16))
        XCTAssertFalse(preparer.isWordBoundary(text, at: 4))  // 条|例
        XCTAssertTrue(preparer.isWordBoundary(text, at: 9))   // 条|。
        XCTAssertTrue(preparer.isWordBoundary(text, at: 2))   // 订|3
    }
}
