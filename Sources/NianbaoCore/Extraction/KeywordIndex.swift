/// Every rule keyword, ready to be found in a document in one pass (a table from a keyword's
/// first UTF-16 unit to the keywords that start with it).
final class KeywordIndex {
    let keywords: [[UInt16]]
    private let byString: [String: Int]
    /// For each UTF-16 unit, the keywords starting with it (most units start none).
    private let startingWith: [[Int32]]

    init(_ words: [String]) {
        var unique: [String] = []
        for word in words where !word.isEmpty && !unique.contains(word) { unique.append(word) }
        keywords = unique.map { Array($0.utf16) }
        byString = Dictionary(uniqueKeysWithValues: unique.enumerated().map { ($1, $0) })
        var table = [[Int32]](repeating: [], count: 65536)
        for (i, keyword) in keywords.enumerated() { table[Int(keyword[0])].append(Int32(i)) }
        startingWith = table
    }

    func id(of keyword: String) -> Int? { byString[keyword] }

    /// Positions of every keyword in `units`, by keyword id, in one pass.
    func occurrences(in units: [UInt16]) -> [[Int]] {
        var found = [[Int]](repeating: [], count: keywords.count)
        units.withUnsafeBufferPointer { text in
            startingWith.withUnsafeBufferPointer { table in
                for i in 0..<text.count {
                    let heads = table[Int(text[i])]
                    if heads.isEmpty { continue }
                    for head in heads {
                        let keyword = keywords[Int(head)]
                        if i + keyword.count > text.count { continue }
                        var k = 1
                        while k < keyword.count && text[i + k] == keyword[k] { k += 1 }
                        if k == keyword.count { found[Int(head)].append(i) }
                    }
                }
            }
        }
        return found
    }
}
