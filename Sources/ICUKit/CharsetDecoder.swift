@_implementationOnly import CICU

/// Why bytes could not be turned into text.
public enum DecodingFailure: Error, Equatable, Sendable {
    case empty
    case binary(reason: String)
    case undecodable(charset: String, badCharacters: Int)
    case unsupportedCharset(String)
}

/// Text decoded from bytes, as UTF-16 code units, with the charset it was read as.
public struct DecodedText: Sendable {
    public let units: [UInt16]
    public let charset: String
    /// Characters ICU had to replace (U+FFFD) because the bytes were invalid in `charset`.
    public let replacedCharacters: Int
}

/// Decodes document bytes: byte-order marks first, then strict UTF-8, then ICU charset
/// detection (on a prefix: detection over a whole file runs at only ~40 MB/s) and conversion.
/// One decoder per thread: the ICU detector is not thread-safe.
public final class CharsetDecoder {
    private let detector: OpaquePointer
    /// Largest share of replaced characters tolerated before the text is called undecodable.
    public var maxReplacedShare = 0.001

    public init() throws {
        detector = try icuCall("ucsdet_open") { ucsdet_open_72(&$0) }
    }

    deinit { ucsdet_close_72(detector) }

    public func decode(_ bytes: [UInt8]) throws(DecodingFailure) -> DecodedText {
        if bytes.isEmpty { throw .empty }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return try decodeUTF8(bytes[3...], charset: "UTF-8 (BOM)")
        }
        if bytes.starts(with: [0xFF, 0xFE]) { return try convert(bytes[2...], from: "UTF-16LE") }
        if bytes.starts(with: [0xFE, 0xFF]) { return try convert(bytes[2...], from: "UTF-16BE") }
        var illFormedAt: Int?
        if let text = try? decodeUTF8(bytes[...], charset: "UTF-8", illFormedAt: &illFormedAt) { return text }
        // A UTF-8 file cut inside its last character: keep what is whole and say so (not worth
        // trying when the bytes are ill-formed before the last few, as GB18030 text is).
        for cut in 1...3 where bytes.count > cut && illFormedAt.map({ $0 + 4 > bytes.count - 3 }) ?? true {
            if let text = try? decodeUTF8(bytes.dropLast(cut), charset: "UTF-8 (truncated)") {
                return DecodedText(units: text.units, charset: text.charset, replacedCharacters: 1)
            }
        }
        let sample = bytes.prefix(8192)
        // GB18030 is what Chinese sites serve when they do not serve UTF-8: when a sample converts
        // cleanly into Chinese text, ICU's (slow, n-gram) detection has nothing to add.
        if let text = try? convert(sample, from: "GB18030", tolerateCut: true),
           text.replacedCharacters == 0, plausibility(text.units) >= 0.97 {
            return try convert(bytes[...], from: "GB18030")
        }
        let candidates = charsetCandidates(bytes)
        var best: (charset: String, score: Double)?
        for charset in candidates {
            guard let text = try? convert(sample, from: charset, tolerateCut: true) else { continue }
            let score = plausibility(text.units)
            if score > (best?.score ?? 0.5) { best = (charset, score) }
        }
        guard let chosen = best?.charset else {
            if let reason = binaryReason(bytes) { throw .binary(reason: reason) }
            throw .undecodable(charset: candidates.first ?? "unknown", badCharacters: bytes.count)
        }
        return try convert(bytes[...], from: chosen)
    }

    /// Charsets worth trying, ICU's guesses first, then the ones Chinese sites really use.
    /// Detection alone is not trusted: on short texts it mistakes GBK for UTF-16 or Korean.
    private func charsetCandidates(_ bytes: [UInt8]) -> [String] {
        let supported: Set<String> = ["GB18030", "UTF-16LE", "UTF-16BE", "Big5"]
        var result: [String] = []
        for guess in detectAll(bytes) {
            let name = ["GBK", "GB2312", "EUC-CN"].contains(guess) ? "GB18030" : guess
            if supported.contains(name) && !result.contains(name) { result.append(name) }
        }
        for name in ["GB18030", "UTF-16LE", "UTF-16BE", "Big5"] where !result.contains(name) { result.append(name) }
        return result
    }

    /// Share of units that are what Chinese reports are made of: ideographs, ASCII text,
    /// CJK punctuation and full-width forms. Wrong charsets give Hangul, private use, controls.
    private func plausibility(_ units: [UInt16]) -> Double {
        guard !units.isEmpty else { return 0 }
        var good = 0
        for unit in units {
            switch unit {
            case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF,
                 0x2000...0x206F, 0x2460...0x24FF, 0x00B7, 0x00D7:
                good += 1
            default: break
            }
        }
        return Double(good) / Double(units.count)
    }

    /// Strict UTF-8 to UTF-16: text of the Basic Multilingual Plane (nearly every report) in one
    /// pass of our own, anything else with ICU. `illFormedAt` receives where the bytes are
    /// certainly not UTF-8, when the fast pass saw it.
    private func decodeUTF8(_ bytes: ArraySlice<UInt8>, charset: String) throws(DecodingFailure) -> DecodedText {
        var illFormedAt: Int?
        return try decodeUTF8(bytes, charset: charset, illFormedAt: &illFormedAt)
    }

    private func decodeUTF8(_ bytes: ArraySlice<UInt8>, charset: String, illFormedAt: inout Int?) throws(DecodingFailure) -> DecodedText {
        switch BMPUTF8.convert(bytes) {
        case .converted(let units): return DecodedText(units: units, charset: charset, replacedCharacters: 0)
        case .containsNUL: throw .binary(reason: "contains NUL bytes")
        case .illFormed(let offset):
            illFormedAt = offset
            if bytes.contains(0) { throw .binary(reason: "contains NUL bytes") }
            throw .undecodable(charset: charset, badCharacters: 1)
        case .other: break
        }
        if bytes.contains(0) { throw .binary(reason: "contains NUL bytes") }
        var failed = false
        let units = [UInt16](unsafeUninitializedCapacity: bytes.count + 1) { out, count in
            bytes.withUnsafeBufferPointer { input in
                input.withMemoryRebound(to: CChar.self) { chars in
                    var written: Int32 = 0
                    var status = U_ZERO_ERROR
                    u_strFromUTF8_72(out.baseAddress, Int32(out.count), &written, chars.baseAddress, Int32(chars.count), &status)
                    failed = status.rawValue > U_ZERO_ERROR.rawValue
                    count = failed ? 0 : Int(written)
                }
            }
        }
        if failed { throw .undecodable(charset: charset, badCharacters: 1) }
        return DecodedText(units: units, charset: charset, replacedCharacters: 0)
    }

    /// A file is binary when it has NUL bytes or many C0 controls other than tab, CR, LF, FF.
    private func binaryReason(_ bytes: [UInt8]) -> String? {
        let sample = bytes.prefix(8192)
        var controls = 0
        for byte in sample {
            if byte == 0 { return "contains NUL bytes" }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        return controls * 50 > sample.count ? "\(controls) control bytes in the first \(sample.count)" : nil
    }

    /// ICU's charset guesses for a prefix of `bytes`, most confident first.
    private func detectAll(_ bytes: [UInt8]) -> [String] {
        let sample = Array(bytes.prefix(8192))
        return sample.withUnsafeBufferPointer { buffer -> [String] in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                var status = U_ZERO_ERROR
                ucsdet_setText_72(detector, chars.baseAddress, Int32(chars.count), &status)
                var count: Int32 = 0
                guard let matches = ucsdet_detectAll_72(detector, &count, &status),
                      status.rawValue <= U_ZERO_ERROR.rawValue else { return [] }
                var names: [String] = []
                for i in 0..<Int(count) {
                    if let match = matches[i], let name = ucsdet_getName_72(match, &status) {
                        names.append(String(cString: name))
                    }
                }
                return names
            }
        }
    }

    /// Converts with ICU; `tolerateCut` forgives a character cut at the end (for samples).
    private func convert(_ bytes: ArraySlice<UInt8>, from charset: String,
                         tolerateCut: Bool = false) throws(DecodingFailure) -> DecodedText {
        var status = U_ZERO_ERROR
        guard let converter = ucnv_open_72(charset, &status), status.rawValue <= U_ZERO_ERROR.rawValue else {
            throw .unsupportedCharset(charset)
        }
        defer { ucnv_close_72(converter) }
        let capacity = bytes.count + 1
        let units = [UInt16](unsafeUninitializedCapacity: capacity) { out, count in
            bytes.withUnsafeBufferPointer { input in
                input.withMemoryRebound(to: CChar.self) { chars in
                    var status = U_ZERO_ERROR
                    let written = ucnv_toUChars_72(converter, out.baseAddress, Int32(capacity),
                                                   chars.baseAddress, Int32(chars.count), &status)
                    count = status.rawValue > U_ZERO_ERROR.rawValue ? 0 : min(Int(written), capacity)
                }
            }
        }
        if units.isEmpty { throw .undecodable(charset: charset, badCharacters: bytes.count) }
        // ICU substitutes U+FFFD (or SUB, U+001A) for byte sequences that are invalid in the charset.
        var replaced = 0
        for unit in units where unit == 0xFFFD || unit == 0x1A { replaced += 1 }
        if tolerateCut, replaced > 0, units.last == 0xFFFD || units.last == 0x1A { replaced -= 1 }
        if Double(replaced) > maxReplacedShare * Double(units.count) + (tolerateCut ? 0 : 1) {
            throw .undecodable(charset: charset, badCharacters: replaced)
        }
        return DecodedText(units: units, charset: charset, replacedCharacters: replaced)
    }
}
