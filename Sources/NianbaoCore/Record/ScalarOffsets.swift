/// Converts UTF-16 offsets of a text to Unicode scalar (code point) offsets, the unit records use
/// (what Python's `str` indexes). Identity, and free, for texts without surrogate pairs.
struct ScalarOffsets {
    private let highSurrogates: [Int]

    init(_ units: [UInt16]) {
        var found: [Int] = []
        for (i, unit) in units.enumerated() where unit & 0xFC00 == 0xD800 { found.append(i) }
        highSurrogates = found
    }

    func scalarOffset(_ utf16Offset: Int) -> Int {
        if highSurrogates.isEmpty { return utf16Offset }
        // Each pair wholly before the offset counts one unit less.
        var low = 0, high = highSurrogates.count
        while low < high {
            let mid = (low + high) / 2
            if highSurrogates[mid] + 1 < utf16Offset { low = mid + 1 } else { high = mid }
        }
        return utf16Offset - low
    }
}
