import XCTest
import ICUKit

final class CharsetDecoderTests: XCTestCase {
    // A sentence of seed 001.
    let sentence = "2023年度，我局共收到依申请公开件1件，已按要求办结。"

    func testUTF8AndBOM() throws {
        let decoder = try CharsetDecoder()
        let plain = try decoder.decode(Array(sentence.utf8))
        XCTAssertEqual(plain.charset, "UTF-8")
        XCTAssertEqual(UTF16Strings.string(plain.units), sentence)
        let bom = try decoder.decode([0xEF, 0xBB, 0xBF] + Array(sentence.utf8))
        XCTAssertEqual(UTF16Strings.string(bom.units), sentence)
    }

    func testUTF16WithBOM() throws {
        let decoder = try CharsetDecoder()
        let le: [UInt8] = [0xFF, 0xFE] + sentence.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + sentence.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(UTF16Strings.string(try decoder.decode(le).units), sentence)
        XCTAssertEqual(UTF16Strings.string(try decoder.decode(be).units), sentence)
    }

    func testGB18030IsDetectedEvenWhenShort() throws {
        let decoder = try CharsetDecoder()
        // "中文报告公开" in GBK/GB18030: ICU's detector alone takes it for UTF-16BE.
        let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4, 0xB1, 0xA8, 0xB8, 0xE6, 0xB9, 0xAB, 0xBF, 0xAA]
        let decoded = try decoder.decode(gbk)
        XCTAssertEqual(decoded.charset, "GB18030")
        XCTAssertEqual(UTF16Strings.string(decoded.units), "中文报告公开")
    }

    func testFailuresAreValuesNotCrashes() throws {
        let decoder = try CharsetDecoder()
        XCTAssertThrowsError(try decoder.decode([])) { XCTAssertEqual($0 as? DecodingFailure, .empty) }
        XCTAssertThrowsError(try decoder.decode([0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 0x1A, 0, 1, 2])) { error in
            guard case .binary? = error as? DecodingFailure else { return XCTFail("\(error)") }
        }
    }

    func testTruncatedUTF8KeepsTheWholeCharacters() throws {
        let decoder = try CharsetDecoder()
        let bytes = Array(sentence.utf8).dropLast(2)  // cut inside 。
        let decoded = try decoder.decode(Array(bytes))
        XCTAssertEqual(decoded.replacedCharacters, 1)
        XCTAssertEqual(UTF16Strings.string(decoded.units), String(sentence.dropLast()))
    }
}
