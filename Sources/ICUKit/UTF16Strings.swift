@_implementationOnly import CICU

/// Fast conversions between Swift strings and UTF-16 code-unit buffers.
///
/// `String(decoding:as: UTF16.self)` runs at about 80 MB/s; going through `u_strToUTF8`
/// into an uninitialized String is several times faster, and every record builds many strings.
public enum UTF16Strings {
    public static func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        guard let base = units.baseAddress, units.count > 0 else { return "" }
        let capacity = units.count * 3
        return String(unsafeUninitializedCapacity: capacity) { out in
            var written: Int32 = 0
            var status = U_ZERO_ERROR
            out.withMemoryRebound(to: CChar.self) { chars in
                _ = u_strToUTF8WithSub_72(chars.baseAddress, Int32(capacity), &written,
                                          base, Int32(units.count), 0xFFFD, nil, &status)
            }
            return status.rawValue > U_ZERO_ERROR.rawValue ? 0 : Int(written)
        }
    }

    public static func string(_ units: [UInt16], _ range: Range<Int>) -> String {
        units.withUnsafeBufferPointer { string(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    public static func string(_ units: [UInt16]) -> String {
        units.withUnsafeBufferPointer { string($0) }
    }
}
