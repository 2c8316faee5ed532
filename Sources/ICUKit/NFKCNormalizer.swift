@_implementationOnly import CICU

/// UTF-16 text together with, for each of its code units, the span of the source text it came from.
///
/// Every transformation of a document (NFKC, folding, joining) produces one of these, so a match
/// anywhere in the transformed text can be traced back to the exact characters of the original.
public struct MappedText: Sendable {
    public var units: [UInt16]
    /// Source offset (UTF-16) of the first source unit that produced `units[i]`.
    public var sourceStart: [Int32]
    /// Source offset (UTF-16) just past the last source unit that produced `units[i]`.
    public var sourceEnd: [Int32]

    public init(identity units: [UInt16]) {
        self.units = units
        sourceStart = (0..<Int32(units.count)).map { $0 }
        sourceEnd = (1..<Int32(units.count + 1)).map { $0 }
    }

    public init(units: [UInt16], sourceStart: [Int32], sourceEnd: [Int32]) {
        self.units = units
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
    }

    public init() { self.init(units: [], sourceStart: [], sourceEnd: []) }

    public var count: Int { units.count }

    /// The source span of the transformed range `range` (an empty range maps to an empty span).
    public func sourceRange(of range: Range<Int>) -> Range<Int> {
        if range.isEmpty {
            let at = range.lowerBound < units.count ? Int(sourceStart[range.lowerBound])
                : (units.isEmpty ? 0 : Int(sourceEnd[units.count - 1]))
            return at..<at
        }
        return Int(sourceStart[range.lowerBound])..<Int(sourceEnd[range.upperBound - 1])
    }

    public mutating func reserve(_ n: Int) {
        units.reserveCapacity(n); sourceStart.reserveCapacity(n); sourceEnd.reserveCapacity(n)
    }

    @inline(__always)
    public mutating func append(_ unit: UInt16, from start: Int32, to end: Int32) {
        units.append(unit); sourceStart.append(start); sourceEnd.append(end)
    }

    /// Appends `range` of `other` with its map.
    public mutating func append(contentsOf other: MappedText, _ range: Range<Int>) {
        units.append(contentsOf: other.units[range])
        sourceStart.append(contentsOf: other.sourceStart[range])
        sourceEnd.append(contentsOf: other.sourceEnd[range])
    }

    /// Appends source units `range` unchanged (identity map).
    public mutating func appendIdentity(_ source: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
        units.append(contentsOf: source[range])
        sourceStart.append(contentsOf: Int32(range.lowerBound)..<Int32(range.upperBound))
        sourceEnd.append(contentsOf: Int32(range.lowerBound + 1)..<Int32(range.upperBound + 1))
    }
}

/// NFKC normalization (full-width digits and spaces, compatibility forms) that keeps an offset map.
///
/// Text already in NFKC is copied through in spans found by ICU's quick check; only the chunks
/// between normalization boundaries that need work are normalized, and all their output units map
/// to the whole source chunk. Shared and thread-safe: ICU's NFKC instance is immutable.
public struct NFKCNormalizer: @unchecked Sendable {
    private let normalizer: OpaquePointer

    public init() throws {
        guard let instance = try icuCall("unorm2_getNFKCInstance", { unorm2_getNFKCInstance_72(&$0) }) else {
            throw ICUError("unorm2_getNFKCInstance", U_MISSING_RESOURCE_ERROR)
        }
        normalizer = instance
    }

    public func normalize(_ source: [UInt16]) -> MappedText {
        var out = MappedText()
        out.reserve(source.count)
        source.withUnsafeBufferPointer { src in
            guard let base = src.baseAddress else { return }
            let n = src.count
            var pos = 0
            var chunk = [UInt16](repeating: 0, count: 64)
            while pos < n {
                var status = U_ZERO_ERROR
                let yes = Int(unorm2_spanQuickCheckYes_72(normalizer, base + pos, Int32(n - pos), &status))
                var stop = pos + (status.rawValue > U_ZERO_ERROR.rawValue ? 0 : yes)
                if stop >= n { copy(src, pos..<n, into: &out); break }
                // Back up to a boundary so that the chunk holds everything the next character can combine with.
                while stop > pos && !hasBoundaryBefore(src, at: stop) { stop -= 1 }
                copy(src, pos..<stop, into: &out)
                var end = stop + 1
                while end < n && !hasBoundaryBefore(src, at: end) { end += 1 }
                normalizeChunk(src, stop..<end, scratch: &chunk, into: &out)
                pos = end
            }
        }
        return out
    }

    @inline(__always)
    private func copy(_ src: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, into out: inout MappedText) {
        if !range.isEmpty { out.appendIdentity(src, range) }
    }

    private func hasBoundaryBefore(_ src: UnsafeBufferPointer<UInt16>, at index: Int) -> Bool {
        let unit = src[index]
        // A trailing surrogate is never a boundary: it belongs to the character before it.
        if unit & 0xFC00 == 0xDC00 { return false }
        var scalar = UInt32(unit)
        if unit & 0xFC00 == 0xD800, index + 1 < src.count, src[index + 1] & 0xFC00 == 0xDC00 {
            scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(src[index + 1]) - 0xDC00)
        }
        return unorm2_hasBoundaryBefore_72(normalizer, Int32(bitPattern: scalar)) != 0
    }

    private func normalizeChunk(_ src: UnsafeBufferPointer<UInt16>, _ range: Range<Int>,
                                scratch: inout [UInt16], into out: inout MappedText) {
        let needed = range.count * 18 + 8  // NFKC expands one character to at most 18 units
        if scratch.count < needed { scratch = [UInt16](repeating: 0, count: needed) }
        var status = U_ZERO_ERROR
        let written = scratch.withUnsafeMutableBufferPointer { buffer in
            unorm2_normalize_72(normalizer, src.baseAddress! + range.lowerBound, Int32(range.count),
                                buffer.baseAddress, Int32(buffer.count), &status)
        }
        if status.rawValue > U_ZERO_ERROR.rawValue {
            copy(src, range, into: &out)
            return
        }
        for i in 0..<Int(written) {
            out.append(scratch[i], from: Int32(range.lowerBound), to: Int32(range.upperBound))
        }
    }
}
