import Foundation
import XCTest
import NianbaoCore
import NianbaoFormats

/// Inputs that once were, or could be, trouble: every fuzzer finding kept in Tests/Fixtures/fuzz,
/// and hostile shapes written by hand. Each must give one record or error record, quickly.
final class FuzzRegressionTests: XCTestCase {
    private static let pipeline = try! ExtractionPipeline(ruleSet: Repository.ruleSet, maxBytes: 1 << 20,
                                                          converters: DocumentFormats.converters())

    private func survives(_ bytes: [UInt8], as name: String, file: StaticString = #filePath, line: UInt = #line) {
        let start = Date()
        let record = Self.pipeline.process(bytes: bytes, displayName: name).record
        XCTAssertNotNil(record["document"], file: file, line: line)
        XCTAssertLessThan(Date().timeIntervalSince(start), 10, "\(name) took too long", file: file, line: line)
    }

    func testKeptFuzzerFindings() throws {
        let folder = Repository.root.appendingPathComponent("Tests/Fixtures/fuzz")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where !name.hasPrefix(".") && name != "README.md" {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            survives(bytes, as: name + ".txt")
            survives(bytes, as: name + ".html")
        }
    }

    func testHostileTables() {
        let head = "某局2023年政府信息公开工作年度报告\n一、总体情况\n无。\n"
        // A 400-digit run-together figure for one row: the split search is bounded.
        survives(Array((head + "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量" + String(repeating: "1234567890", count: 40)).utf8), as: "long.txt")
        // Every row run together with figures that never add up.
        var rows = head + "三、收到和处理政府信息公开申请情况\n"
        for i in 0..<25 { rows += "\(i + 1).其他法律行政法规禁止公开" + String(repeating: "9", count: 30) }
        survives(Array(rows.utf8), as: "rows.txt")
        survives(Array((head + "二、主动公开政府信息情况\n规章" + String(repeating: "0", count: 5000)).utf8), as: "zeros.txt")
    }

    func testHostilePages() {
        survives(Array(("<html><body>" + String(repeating: "<div>", count: 20000) + "一、总体情况" + "</body></html>").utf8), as: "deep.html")
        survives(Array("<table><tr><td rowspan=\"99999999\" colspan=\"99999999\">三、本年度办理结果</td><td>1</td></tr><tr><td>2</td></tr></table>".utf8), as: "span.html")
        survives(Array("<html><head><meta charset=\"gb2312\"></head><body><p>\u{FFFF}\u{0}</p></body></html>".utf8), as: "charset.html")
        survives([0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E] + (0..<4000).map { UInt8(truncatingIfNeeded: $0 &* 131) }, as: "noise.html")
    }

    func testRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        for length in [1, 2, 3, 7, 100, 4096] {
            survives((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }, as: "random\(length).txt")
        }
    }
}
