/// Every rule keyword, ready to be found in a document in one pass (a table from a keyword's
/// first UTF-16 unit to the keywords that start with it).
final class KeywordIndex {
    let keywords: [[UInt16]]
    private let byString: [String: Int]
    /// For each UTF-16 unit, the first keyword starting with it (-1: none), and for each keyword
    /// the next one with the same first unit: flat tables, so the scan does no reference counting.
    private let firstStartingWith: [Int32]
    private let nextSameStart: [Int32]

    init(_ words: [String]) {
        var unique: [String] = []
        for word in words where !word.isEmpty && !unique.contains(word) { unique.append(word) }
        keywords = unique.map { Array($0.utf16) }
        byString = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1, $0) })
        var first = [Int32](repeating: -1, count: 65536)
        var next = [Int32](repeating: -1, count: keywords.count)
        for (i, keyword) in keywords.enumerated().reversed() {
            next[i] = first[Int(keyword[0])]
            first[Int(keyword[0])] = Int32(i)
        }
        firstStartingWith = first
        nextSameStart = next
    }

    func id(of keyword: String) -> Int? { byString[keyword] }

    /// Positions of every keyword in `units`, by keyword id, in one pass.
    func occurrences(in units: [UInt16]) -> [[Int]] {
        var found = [[Int]](repeating: [], count: keywords.count)
        units.withUnsafeBufferPointer { text in
            firstStartingWith.withUnsafeBufferPointer { first in
                for i in 0..<text.count {
                    var head = first[Int(text[i])]
                    while head >= 0 {
                        let keyword = keywords[Int(head)]
                        if i + keyword.count <= text.count {
                            var k = 1
                            while k < keyword.count && text[i + k] == keyword[k] { k += 1 }
                            if k == keyword.count { found[Int(head)].append(i) }
                        }
                        head = nextSameStart[Int(head)]
                    }
                }
            }
        }
        return found
    }
}
