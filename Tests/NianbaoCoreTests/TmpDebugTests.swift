import XCTest
@testable import NianbaoCore
final class TmpDebugTests: XCTestCase {
    func testDump() throws {
        let doc = ProcessInfo.processInfo.environment["DOC"] ?? "seeds/002_edbe5b5558df7b9c.txt"
        let sec = ProcessInfo.processInfo.environment["SEC"] ?? "applications"
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let text = extractor.prepare(Array(Repository.text(doc).utf16))
        let layout = extractor.splitter.split(text)
        for region in layout.ranges(for: sec) {
            for row in TableTokenizer.rows(text.matching, in: region) {
                print("ROW", row.labels, row.values.map { t -> String in if case .figure(let f) = t { return f }; return "_" }, row.explicitCells)
            }
        }
    }
}
extension TmpDebugTests {
    func testTabs() throws {
        let p = try TextPreparer()
        let t = p.prepare(Array("标签\t\t0\t0\n下一行\t1\t2\n".utf16))
        print("PREP", t.matching.map { String($0, radix: 16) })
    }
}
