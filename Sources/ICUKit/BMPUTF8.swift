/// UTF-8 to UTF-16 for the text nearly every report is: one-, two- and three-byte characters of
/// the Basic Multilingual Plane. Anything it does not take on (four-byte characters,
/// noncharacters) is left to ICU; what it rejects as ill-formed is ill-formed by the Unicode
/// standard's table of well-formed UTF-8 (Table 3-7), so ICU's strict conversion would reject it too.
enum BMPUTF8 {
    enum Outcome {
        case converted([UInt16])
        case containsNUL
        /// The bytes are not UTF-8: the sequence starting at this offset of the slice is ill-formed
        /// (or cut short by the end).
        case illFormed(at: Int)
        /// Something to leave to ICU.
        case other
    }

    static func convert(_ bytes: ArraySlice<UInt8>) -> Outcome {
        bytes.withUnsafeBufferPointer { convert($0) }
    }

    private static func convert(_ input: UnsafeBufferPointer<UInt8>) -> Outcome {
        var failure: Outcome?  // nil: every byte converted
        let n = input.count
        let units = [UInt16](unsafeUninitializedCapacity: n) { out, count in
            var i = 0, o = 0
            while i < n {
                let b0 = input[i]
                if b0 < 0x80 {
                    if b0 == 0 { failure = .containsNUL; count = 0; return }
                    out[o] = UInt16(b0); i += 1; o += 1
                    continue
                }
                if b0 >= 0xC2 && b0 <= 0xDF {
                    guard i + 1 < n, input[i + 1] & 0xC0 == 0x80 else { failure = .illFormed(at: i); count = 0; return }
                    out[o] = UInt16(b0 & 0x1F) << 6 | UInt16(input[i + 1] & 0x3F)
                    i += 2; o += 1
                    continue
                }
                if b0 >= 0xE0 && b0 <= 0xEF {
                    // The second byte's range depends on the lead: no overlong forms, no surrogates.
                    let low: UInt8 = b0 == 0xE0 ? 0xA0 : 0x80, high: UInt8 = b0 == 0xED ? 0x9F : 0xBF
                    guard i + 2 < n, input[i + 1] >= low, input[i + 1] <= high, input[i + 2] & 0xC0 == 0x80 else {
                        failure = .illFormed(at: i)
                        count = 0; return
                    }
                    let unit = UInt16(b0 & 0x0F) << 12 | UInt16(input[i + 1] & 0x3F) << 6 | UInt16(input[i + 2] & 0x3F)
                    // Noncharacters: left to ICU, whatever it makes of them.
                    if (unit >= 0xFDD0 && unit <= 0xFDEF) || unit >= 0xFFFE { failure = .other; count = 0; return }
                    out[o] = unit
                    i += 3; o += 1
                    continue
                }
                // C0, C1, F5…FF never start a character; F0…F4 (four bytes) are left to ICU.
                failure = b0 >= 0xF0 && b0 <= 0xF4 ? .other : .illFormed(at: i)
                count = 0
                return
            }
            count = o
        }
        return failure ?? .converted(units)
    }
}
