import XCTest
import ICUKit

final class TextToolsTests: XCTestCase {
    func testNFKCKeepsAMapToTheSource() throws {
        let source = Array("共８０余条，ＡＢ　①".utf16)
        let mapped = try NFKCNormalizer().normalize(source)
        XCTAssertEqual(UTF16Strings.string(mapped.units), "共80余条,AB 1")
        // Each normalized unit points at the full-width character it came from.
        for i in 0..<mapped.count {
            XCTAssertEqual(mapped.sourceRange(of: i..<(i + 1)), i..<(i + 1))
        }
        XCTAssertEqual(mapped.sourceRange(of: 1..<3), 1..<3)
        XCTAssertEqual(UTF16Strings.string(source, mapped.sourceRange(of: 1..<3)), "８０")
    }

    func testNFKCOfDecomposingCharacter() throws {
        // ㈠ becomes "(一)": three units that all map to the one source character.
        let mapped = try NFKCNormalizer().normalize(Array("㈠主动公开".utf16))
        XCTAssertEqual(UTF16Strings.string(mapped.units), "(一)主动公开")
        XCTAssertEqual(mapped.sourceRange(of: 0..<3), 0..<1)
        XCTAssertEqual(mapped.sourceRange(of: 3..<5), 1..<3)
    }

    func testWordBoundaries() throws {
        let breaker = try TextBreaker()
        let text = Array("公开信息12条例如2023年".utf16)
        text.withUnsafeBufferPointer { units in
            XCTAssertTrue(breaker.isWordBoundary(units, at: 4))    // before 12
            XCTAssertFalse(breaker.isWordBoundary(units, at: 7))   // inside 条例
            XCTAssertFalse(breaker.isWordBoundary(units, at: 12))  // inside 2023
        }
        let words = breaker.words(Array("其中网站254条。".utf16))
        XCTAssertEqual(words.count, 4)
    }

    func testSentenceBoundaries() throws {
        let breaker = try TextBreaker()
        XCTAssertEqual(breaker.sentenceBoundaries(Array("一二。三四！五\n六".utf16)), [0, 3, 6, 8, 9])
    }

    func testRegexNamedGroupsAndRegions() throws {
        let regex = try ICURegex("(?<![0-9])(?<value>[0-9]+)条")
        let text = Array("网站254条，微信公众号143条".utf16)
        let number = try XCTUnwrap(regex.groupNumber(named: "value"))
        XCTAssertNil(regex.groupNumber(named: "missing"))
        let all = regex.matches(in: text)
        XCTAssertEqual(all.map { UTF16Strings.string(text, $0.groups[number]!) }, ["254", "143"])
        // Look-behind sees before the region: "54条" inside "254条" is not a match.
        XCTAssertTrue(regex.matches(in: text, region: 3..<6).isEmpty)
    }

    func testRegexSyntaxErrorSaysWhere() {
        XCTAssertThrowsError(try ICURegex("公开(?<value>[0-9]+条")) { error in
            XCTAssertEqual((error as? RegexSyntaxError)?.reason, "U_REGEX_MISMATCHED_PAREN")
        }
    }

    func testTraditionalFolding() {
        var units = Array("國辦公開辦函 主動公開 蜀山區教育體育局".utf16)
        XCTAssertTrue(ScriptFolding.foldTraditional(&units))
        XCTAssertEqual(UTF16Strings.string(units), "国办公开办函 主动公开 蜀山区教育体育局")
        var simplified = Array("主动公开政府信息".utf16)
        XCTAssertFalse(ScriptFolding.foldTraditional(&simplified))
    }
}
