import XCTest
import NianbaoFormats

/// Tables put together from PDF word boxes: wrapped labels joined, empty cells kept, a table
/// running on over a page break on its first page's columns, paragraphs left out of tables.
final class PDFTableTests: XCTestCase {
    /// A word as a renderer prints 12-point text: Chinese 12 points wide a character, Latin 6.
    private func word(_ text: String, x: Double, y: Double) -> PDFWord {
        let width = text.unicodeScalars.reduce(0.0) { $0 + ($1.value < 0x2E80 ? 6 : 12) }
        return PDFWord(text, x: x...(x + width), y: y...(y + 14))
    }

    /// Three pages: a heading, a paragraph and a table's first rows (columns at x 40, 180, 260
    /// and 320; lines of a cell 14.25 apart, rows 5 points apart); the table's last rows, whose
    /// middle columns are empty, and a heading; a paragraph.
    private var pages: [[PDFWord]] {
        let page1 = [
            word("一、总体情况", x: 30, y: 10),
            word(String(repeating: "公开", count: 20), x: 30, y: 40),
            word("其他需要报告的事项。", x: 30, y: 54.25),
            word("项目", x: 40, y: 100), word("自然人", x: 180, y: 100), word("法人", x: 260, y: 100),
            word("Total", x: 320, y: 100), word("count", x: 320, y: 114.25),
            word("一、本年新收政府信息", x: 40, y: 133.25), word("公开申请数量", x: 40, y: 147.5),
            word("3", x: 180, y: 140.4), word("3", x: 320, y: 140.4),
            word("二、上年结转", x: 40, y: 166.5), word("1", x: 180, y: 166.5), word("2", x: 260, y: 166.5),
            word("3", x: 320, y: 166.5),
        ]
        let page2 = [
            word("三、办理结果", x: 40, y: 30), word("1", x: 320, y: 30),
            word("四、结转", x: 40, y: 49), word("0", x: 320, y: 49),
            word("二、其他情况", x: 30, y: 80),
        ]
        return [page1, page2, [word("无。", x: 30, y: 30)]]
    }

    func testRowsBecomeTabSeparatedLines() {
        let texts = PDFTableAssembler.pageTexts(pages)
        XCTAssertEqual(texts.count, 3)
        XCTAssertEqual(texts[0], """
            一、总体情况

            \(String(repeating: "公开", count: 20))
            其他需要报告的事项。

            项目\t自然人\t法人\tTotal count
            一、本年新收政府信息公开申请数量\t3\t\t3
            二、上年结转\t1\t2\t3

            """)
        // The columns come from the whole table, so empty ones on this page still count.
        XCTAssertEqual(texts[1], "三、办理结果\t\t\t1\n四、结转\t\t\t0\n\n二、其他情况\n")
        XCTAssertNil(texts[2], "a page without a table keeps its layout text")
    }

    func testAPageNumberDoesNotEndATable() {
        var numbered = pages
        numbered[0].append(word("— 1 —", x: 280, y: 760))
        let texts = PDFTableAssembler.pageTexts(numbered)
        XCTAssertEqual(texts[0], PDFTableAssembler.pageTexts(pages)[0]! + "\n— 1 —\n")
        XCTAssertEqual(texts[1], "三、办理结果\t\t\t1\n四、结转\t\t\t0\n\n二、其他情况\n")
    }

    func testALabelSpanningRowsKeepsThemApart() {
        // （三）不予公开 spans two rows; wrapped in their middle, it bridges the gap between them.
        let page = [
            word("类别", x: 40, y: 100), word("情形", x: 120, y: 100), word("数量", x: 260, y: 100), word("总计", x: 300, y: 100),
            word("1.甲", x: 120, y: 119), word("1", x: 260, y: 119), word("1", x: 300, y: 119),
            word("（三）不予", x: 40, y: 121.75), word("公开", x: 40, y: 136),
            word("2.乙", x: 120, y: 138), word("2", x: 260, y: 138), word("2", x: 300, y: 138),
            word("3.丙", x: 120, y: 157), word("3", x: 260, y: 157), word("3", x: 300, y: 157),
        ]
        XCTAssertEqual(PDFTableAssembler.pageTexts([page])[0], "类别\t情形\t数量\t总计\n\t1.甲\t1\t1\n（三）不予公开\t2.乙\t2\t2\n\t3.丙\t3\t3\n")
    }

    func testTextPrintedTwiceCountsOnce() {
        var page = pages[0]
        page.append(word("二、上年结转", x: 40.4, y: 166.9))  // a faked bold: the label again, a little shifted
        XCTAssertEqual(PDFTableAssembler.pageTexts([page])[0], PDFTableAssembler.pageTexts([pages[0]])[0])
    }

    func testParagraphsAloneMakeNoTable() {
        let prose = [word("一、总体情况", x: 30, y: 10), word(String(repeating: "公开", count: 20), x: 30, y: 40),
                     word("联系电话", x: 30, y: 70), word("12345678", x: 84, y: 70)]
        XCTAssertEqual(PDFTableAssembler.pageTexts([prose]), [nil])
    }

    func testWordBoxesAreReadFromPdftotextOutput() {
        let xhtml = """
            <!DOCTYPE html><html><head><title>report</title></head><body><doc>
              <page width="612.000000" height="792.000000">
                <word xMin="37.5" yMin="95.25" xMax="61.5" yMax="109.3">规章</word>
                <word xMin="153" yMin="95.8" xMax="165" yMax="109.1">A&amp;B&lt;</word>
              </page>
              <page width="612.000000" height="792.000000">
              </page>
            </doc></body></html>
            """
        XCTAssertEqual(PDFWordBoxReader.pages(xhtml), [
            [PDFWord("规章", x: 37.5...61.5, y: 95.25...109.3), PDFWord("A&B<", x: 153...165, y: 95.8...109.1)],
            [],
        ])
    }
}
