import ICUKit

/// A pattern rule ready to run on one thread: its definition, its ICU regex and its kind.
final class CompiledRule {
    let definition: RuleDefinition
    let regex: ICURegex
    let kind: any RuleKind
    /// Named groups the engine reads, with their numbers in `regex`.
    let groupNumbers: [(name: String, number: Int)]
    /// `exclude_before` and `exclude_before_in_sentence` words as UTF-16.
    let excludeBefore: [[UInt16]]
    let excludeBeforeInSentence: [[UInt16]]
    /// For `channel: respectively`: one figure of the list, and its count groups' numbers.
    let each: ICURegex?
    let eachGroupNumbers: [(name: String, number: Int)]
    /// For rules with `object`: what the words of group `object` must be, entirely.
    let object: ICURegex?
    /// The rule's keywords as ids of the finder's keyword index.
    var keywordIDs: [Int] = []
    /// The rule's scopes and fallback scopes as indices of the catalogue's scope ids.
    var scopeIndices: [Int] = []
    var fallbackScopeIndices: [Int] = []

    /// A list of the kinds of items counted, up to 等 (`{kinds_listed}`): what it names is no
    /// exclusion, since the count is of the kind after 等 (…政府文件、领导动态等政府信息N条).
    static let listedGroup = "listed"
    /// The words between a verb and its count, which `object` checks.
    static let objectGroup = "object"

    init(_ definition: RuleDefinition) throws {
        self.definition = definition
        let regex = try ICURegex(definition.expandedPattern)
        self.regex = regex
        kind = RuleKinds.all[definition.kind]!
        excludeBefore = definition.excludeBefore.map { Array($0.utf16) }
        excludeBeforeInSentence = definition.excludeBeforeInSentence.map { Array($0.utf16) }
        var names = CountKind.groupNames
        for group in definition.groups.keys where !names.contains(group) { names.append(group) }
        if definition.channel == .respectively { names += ["channels", "values"] }
        names.append(Self.listedGroup)
        if definition.objectPattern != nil { names.append(Self.objectGroup) }
        groupNumbers = names.compactMap { name in regex.groupNumber(named: name).map { (name, $0) } }
        let each = try definition.eachPattern.map { try ICURegex($0) }
        self.each = each
        eachGroupNumbers = each.map { each in
            CountKind.groupNames.compactMap { name in each.groupNumber(named: name).map { (name, $0) } }
        } ?? []
        object = try definition.objectPattern.map { try ICURegex($0) }
    }
}

/// Substring search over UTF-16 units.
enum UnitSearch {
    static func startsWith(_ units: [UInt16], _ prefix: [UInt16], at start: Int) -> Bool {
        start + prefix.count <= units.count && units[start..<(start + prefix.count)].elementsEqual(prefix)
    }

    static func contains(_ units: [UInt16], _ needle: [UInt16], in range: Range<Int>) -> Bool {
        firstIndex(units, needle, in: range) != nil
    }

    static func lastIndex(_ units: [UInt16], _ needle: [UInt16], in range: Range<Int>) -> Int? {
        var found: Int?
        var rest = range
        while let i = firstIndex(units, needle, in: rest) {
            found = i
            rest = (i + 1)..<range.upperBound
        }
        return found
    }

    static func firstIndex(_ units: [UInt16], _ needle: [UInt16], in range: Range<Int>) -> Int? {
        guard let first = needle.first, needle.count <= range.count else { return needle.isEmpty ? range.lowerBound : nil }
        var i = range.lowerBound
        let last = range.upperBound - needle.count
        while i <= last {
            if units[i] == first {
                var k = 1
                while k < needle.count && units[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
