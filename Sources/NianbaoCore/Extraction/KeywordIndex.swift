/// Every rule keyword, ready to be found in a document in one pass.
///
/// The scan tests each unit against a bitmap of keywords' first units (8 KB, stays in the first
/// level cache), and only on a hit walks the keywords starting with that unit, stored flat so
/// that the loop does no reference counting.
final class KeywordIndex {
    let keywords: [[UInt16]]
    private let byString: [String: Int]
    /// Bit `u` set when some keyword starts with unit `u`.
    private let startBits: [UInt64]
    /// For each UTF-16 unit, the first keyword starting with it (-1: none), and for each keyword
    /// the next one with the same first unit.
    private let firstStartingWith: [Int32]
    private let nextSameStart: [Int32]
    /// All keywords' units end to end; keyword `k` is `flat[offsets[k]..<offsets[k + 1]]`.
    private let flat: [UInt16]
    private let offsets: [Int]

    init(_ words: [String]) {
        var unique: [String] = []
        for word in words where !word.isEmpty && !unique.contains(word) { unique.append(word) }
        keywords = unique.map { Array($0.utf16) }
        byString = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1, $0) })
        var bits = [UInt64](repeating: 0, count: 1024)
        var first = [Int32](repeating: -1, count: 65536)
        var next = [Int32](repeating: -1, count: keywords.count)
        for (i, keyword) in keywords.enumerated().reversed() {
            let unit = Int(keyword[0])
            bits[unit >> 6] |= 1 << UInt64(unit & 63)
            next[i] = first[unit]
            first[unit] = Int32(i)
        }
        startBits = bits
        firstStartingWith = first
        nextSameStart = next
        flat = keywords.flatMap { $0 }
        offsets = keywords.reduce(into: [0]) { $0.append($0.last! + $1.count) }
    }

    func id(of keyword: String) -> Int? { byString[keyword] }

    /// Positions of every keyword in `units`, in one pass.
    func occurrences(in units: [UInt16]) -> KeywordOccurrences {
        // Hits as (keyword, position) pairs first, then grouped by keyword with a counting sort:
        // two flat arrays per document instead of one array per keyword.
        var hits: [(keyword: Int32, position: Int32)] = []
        hits.reserveCapacity(units.count / 8)
        units.withUnsafeBufferPointer { text in
            startBits.withUnsafeBufferPointer { bits in
                firstStartingWith.withUnsafeBufferPointer { first in
                    nextSameStart.withUnsafeBufferPointer { next in
                        flat.withUnsafeBufferPointer { flat in
                            offsets.withUnsafeBufferPointer { offsets in
                                let n = text.count
                                for i in 0..<n {
                                    let unit = Int(text[i])
                                    if bits[unit >> 6] & (1 << UInt64(unit & 63)) == 0 { continue }
                                    var head = Int(first[unit])
                                    while head >= 0 {
                                        let start = offsets[head], length = offsets[head + 1] - start
                                        if i + length <= n {
                                            var k = 1
                                            while k < length && text[i + k] == flat[start + k] { k += 1 }
                                            if k == length { hits.append((Int32(head), Int32(i))) }
                                        }
                                        head = Int(next[head])
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var starts = [Int](repeating: 0, count: keywords.count + 1)
        for hit in hits { starts[Int(hit.keyword) + 1] += 1 }
        for k in 0..<keywords.count { starts[k + 1] += starts[k] }
        var fill = starts
        var positions = [Int](repeating: 0, count: hits.count)
        for hit in hits {
            positions[fill[Int(hit.keyword)]] = Int(hit.position)
            fill[Int(hit.keyword)] += 1
        }
        return KeywordOccurrences(starts: starts, positions: positions)
    }
}

/// Where each keyword of an index occurs in one document, in text order per keyword.
struct KeywordOccurrences {
    /// Keyword `k`'s positions are `positions[starts[k]..<starts[k + 1]]`.
    let starts: [Int]
    let positions: [Int]

    subscript(keyword: Int) -> ArraySlice<Int> { positions[starts[keyword]..<starts[keyword + 1]] }
}
