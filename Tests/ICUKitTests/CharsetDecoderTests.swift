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

    /// UTF-8 is read by a pass of our own for one- to three-byte characters: it must accept
    /// exactly the well-formed text (as the standard library judges it) and give the same units.
    func testUTF8FastPathIsStrictAndExact() throws {
        let decoder = try CharsetDecoder()
        let seed = Array(Self.seedSentences.utf8)
        var generator = SplitMix(seed: 7)
        for round in 0..<3000 {
            var bytes = seed
            // Flip, drop or insert a few bytes (some rounds keep the text as it is).
            for _ in 0..<(round % 4) {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[at] = UInt8(truncatingIfNeeded: generator.next())
                case 1: bytes.remove(at: at)
                default: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: at)
                }
            }
            let valid = String(validating: bytes, as: UTF8.self)
            let decoded = try? decoder.decode(bytes)
            if let valid, !bytes.contains(0) {
                XCTAssertEqual(decoded?.charset, "UTF-8", "round \(round)")
                XCTAssertEqual(decoded?.units, Array(valid.utf16), "round \(round)")
            } else {
                XCTAssertFalse(decoded?.charset == "UTF-8", "round \(round): ill-formed bytes read as UTF-8")
            }
        }
        // Four-byte characters and noncharacters are left to ICU, which reads them too.
        let nonchar = { (value: UInt32) in String(Character(Unicode.Scalar(value)!)) }
        for text in ["年报𠀀统计😀", "公开" + nonchar(0xFFFE) + "信息", "信息" + nonchar(0xFDD0)] {
            XCTAssertEqual(try decoder.decode(Array(text.utf8)).units, Array(text.utf16))
        }
        // A file cut inside its last character is still read, and said to be cut.
        let cut = try decoder.decode(Array(Array("公开信息".utf8).dropLast()))
        XCTAssertEqual(cut.charset, "UTF-8 (truncated)")
        XCTAssertEqual(UTF16Strings.string(cut.units), "公开信")
    }

    static let seedSentences = "二、主动公开政府信息情况\n2023年度，我局共收到依申请公开件1件（ａ），已按要求办结。é ü\t—— 3 ——\n"

    /// A small deterministic generator (the tests must not depend on a random seed).
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}
