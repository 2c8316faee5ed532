@_implementationOnly import CICU

/// One of ICU's transliterators by id (`Traditional-Simplified`, `Simplified-Traditional`).
/// Not thread-safe: ICU's transliterator keeps state while it runs; one per thread.
public final class Transliterator {
    private let transliterator: UnsafeMutablePointer<UTransliterator?>

    public init(id: String) throws {
        let units = Array(id.utf16)
        guard let opened = try icuCall("utrans_openU", { status in
            units.withUnsafeBufferPointer { utrans_openU_72($0.baseAddress, Int32($0.count), UTRANS_FORWARD, nil, 0, nil, &status) }
        }) else { throw ICUError("utrans_openU", U_INVALID_ID) }
        transliterator = opened
    }

    deinit { utrans_close_72(transliterator) }

    /// `units` transliterated. The output may be longer than the input, so the buffer grows
    /// until ICU has room.
    public func transliterate(_ units: [UInt16]) throws -> [UInt16] {
        var capacity = units.count * 2 + 16
        while true {
            var buffer = units + [UInt16](repeating: 0, count: capacity - units.count)
            var length = Int32(units.count)
            var limit = length
            var status = U_ZERO_ERROR
            buffer.withUnsafeMutableBufferPointer {
                utrans_transUChars_72(transliterator, $0.baseAddress, &length, Int32(capacity), 0, &limit, &status)
            }
            if status == U_BUFFER_OVERFLOW_ERROR { capacity = max(capacity * 2, Int(length) + 16); continue }
            if status.rawValue > U_ZERO_ERROR.rawValue { throw ICUError("utrans_transUChars", status) }
            return Array(buffer[0..<Int(length)])
        }
    }

    /// `text` transliterated.
    public func transliterate(_ text: String) throws -> String {
        UTF16Strings.string(try transliterate(Array(text.utf16)))
    }
}
