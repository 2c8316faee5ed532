@_implementationOnly import CICU

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
        var out = MappedTextBuilder(capacity: source.count)
        source.withUnsafeBufferPointer { src in
            guard let base = src.baseAddress else { return }
            let n = src.count
            var pos = 0
            var chunk = [UInt16](repeating: 0, count: 64)
            while pos < n {
                var status = U_ZERO_ERROR
                let yes = Int(unorm2_spanQuickCheckYes_72(normalizer, base + pos, Int32(n - pos), &status))
                var stop = pos + (status.rawValue > U_ZERO_ERROR.rawValue ? 0 : yes)
                if stop >= n { out.appendIdentity(src, pos..<n); break }
                // Back up to a boundary so that the chunk holds everything the next character can combine with.
                while stop > pos && !hasBoundaryBefore(src, at: stop) { stop -= 1 }
                out.appendIdentity(src, pos..<stop)
                var end = stop + 1
                while end < n && !hasBoundaryBefore(src, at: end) { end += 1 }
                normalizeChunk(src, stop..<end, scratch: &chunk, into: &out)
                pos = end
            }
        }
        return out.build()
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
                                scratch: inout [UInt16], into out: inout MappedTextBuilder) {
        let needed = range.count * 18 + 8  // NFKC expands one character to at most 18 units
        if scratch.count < needed { scratch = [UInt16](repeating: 0, count: needed) }
        var status = U_ZERO_ERROR
        let written = scratch.withUnsafeMutableBufferPointer { buffer in
            unorm2_normalize_72(normalizer, src.baseAddress! + range.lowerBound, Int32(range.count),
                                buffer.baseAddress, Int32(buffer.count), &status)
        }
        if status.rawValue > U_ZERO_ERROR.rawValue {
            out.appendIdentity(src, range)
            return
        }
        out.appendReplacement(scratch[0..<Int(written)], source: range)
    }
}
