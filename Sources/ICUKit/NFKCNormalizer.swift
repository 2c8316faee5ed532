@_implementationOnly import CICU

/// NFKC normalization (full-width digits and spaces, compatibility forms) that keeps an offset map.
///
/// Most characters of a report are either left alone by NFKC or turned into one other character
/// whatever surrounds them (full-width `，` → `,`, `１` → `1`, U+3000 → space). A table built once
/// from ICU gives those in one lookup, and such one-for-one changes keep offsets as they are;
/// every other character (a decomposition such as `㈠` → `(一)`, combining sequences, surrogate
/// pairs) goes to ICU with the chunk between its normalization boundaries, and the chunk's output
/// maps to the whole source chunk. Shared and thread-safe: ICU's NFKC instance is immutable.
public struct NFKCNormalizer: @unchecked Sendable {
    private let normalizer: OpaquePointer
    /// For each BMP unit: its NFKC form when that is one unit and needs no context, else `slow`.
    private let table: [UInt16]
    private static let slow: UInt16 = 0xFFFF

    public init() throws {
        guard let instance = try icuCall("unorm2_getNFKCInstance", { unorm2_getNFKCInstance_72(&$0) }) else {
            throw ICUError("unorm2_getNFKCInstance", U_MISSING_RESOURCE_ERROR)
        }
        normalizer = instance
        table = Self.sharedTable
    }

    /// Builds the shared table now (it is otherwise built on first use, while other threads wait).
    public static func warmUp() { _ = sharedTable }

    /// Built once per process (Swift initializes globals exactly once, thread-safely).
    private static let sharedTable: [UInt16] = {
        var status = U_ZERO_ERROR
        guard let instance = unorm2_getNFKCInstance_72(&status) else { return [UInt16](repeating: slow, count: 65536) }
        return buildTable(instance)
    }()

    private static func buildTable(_ normalizer: OpaquePointer) -> [UInt16] {
        var table = [UInt16](repeating: slow, count: 65536)
        var output = [UInt16](repeating: 0, count: 32)
        for c in 0..<0x10000 where !(0xD800...0xDFFF).contains(c) && c != 0xFFFF {
            let scalar = Int32(c)
            if unorm2_isInert_72(normalizer, scalar) != 0 { table[c] = UInt16(c); continue }
            guard unorm2_hasBoundaryBefore_72(normalizer, scalar) != 0,
                  unorm2_hasBoundaryAfter_72(normalizer, scalar) != 0 else { continue }
            var status = U_ZERO_ERROR
            var unit = UInt16(c)
            let written = output.withUnsafeMutableBufferPointer { buffer in
                unorm2_normalize_72(normalizer, &unit, 1, buffer.baseAddress, Int32(buffer.count), &status)
            }
            if status.rawValue <= U_ZERO_ERROR.rawValue, written == 1, output[0] != slow,
               unorm2_isInert_72(normalizer, Int32(output[0])) != 0 {
                table[c] = output[0]
            }
        }
        return table
    }

    public func normalize(_ source: [UInt16]) -> MappedText {
        // One table pass maps every unit the table knows; the others (rare: `…`, `㈠`, surrogate
        // pairs) are noted and left for ICU.
        var slowAt: [Int] = []
        let mapped = source.withUnsafeBufferPointer { src in
            table.withUnsafeBufferPointer { table in
                [UInt16](unsafeUninitializedCapacity: src.count) { out, count in
                    for i in 0..<src.count {
                        let unit = table[Int(src[i])]
                        if unit == Self.slow { slowAt.append(i); out[i] = src[i] } else { out[i] = unit }
                    }
                    count = src.count
                }
            }
        }
        if slowAt.isEmpty { return MappedText(identity: mapped) }
        var out = MappedTextBuilder(capacity: source.count + 16)
        source.withUnsafeBufferPointer { src in
            mapped.withUnsafeBufferPointer { mapped in
                var chunk = [UInt16](repeating: 0, count: 64)
                var done = 0  // units of `src` already written
                for start in slowAt where start >= done {
                    out.appendOneToOne(UnsafeBufferPointer(rebasing: mapped[done..<start]), source: done..<start)
                    // The slow chunk starts here (the character before has a boundary after it)
                    // and runs to the next normalization boundary.
                    var end = start + 1
                    while end < src.count && !hasBoundaryBefore(src, at: end) { end += 1 }
                    normalizeChunk(src, start..<end, scratch: &chunk, into: &out)
                    done = end
                }
                out.appendOneToOne(UnsafeBufferPointer(rebasing: mapped[done..<src.count]), source: done..<src.count)
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
