/// Named pattern fragments (`classes.yaml`) that rule patterns use as `{name}`: channels, units,
/// numbers and dates are defined once and reused. `{0,16}` and other quantifiers are left alone.
public struct WordClasses: Sendable {
    private var definitions: [String: (pattern: String, file: String, line: Int)] = [:]
    private var expanded: [String: String] = [:]

    public init() {}

    public var names: [String] { definitions.keys.sorted() }

    /// A class's expanded pattern, if defined.
    public func definition(_ name: String) -> String? { expanded[name] }

    mutating func define(_ name: String, _ pattern: String, file: String, line: Int) throws {
        if let previous = definitions[name] {
            throw RuleError(file: file, line: line,
                            message: "word class '\(name)' already defined at \(previous.file):\(previous.line)")
        }
        definitions[name] = (pattern, file, line)
    }

    /// Expands every class reference in all definitions once; reports unknown names and cycles.
    mutating func resolveAll() throws {
        for name in definitions.keys.sorted() {
            let definition = definitions[name]!
            expanded[name] = try expand(definition.pattern, file: definition.file, line: definition.line,
                                        ruleID: nil, visiting: [name])
        }
    }

    /// `pattern` with every `{name}` replaced by `(?:definition)`.
    public func expand(_ pattern: String, file: String, line: Int, ruleID: String?) throws -> String {
        try expand(pattern, file: file, line: line, ruleID: ruleID, visiting: [])
    }

    private func expand(_ pattern: String, file: String, line: Int, ruleID: String?, visiting: Set<String>) throws -> String {
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { result += rest[open...]; return result }
            let reference = String(rest[afterOpen..<close])
            // {count:2}: the class with a suffix on each of its group names, for a second copy in one pattern.
            let parts = reference.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            let suffix = parts.count == 2 ? String(parts[1]) : ""
            let isReference = !name.isEmpty && name.first!.isLetter
                && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
                && (parts.count == 1 || (!suffix.isEmpty && suffix.allSatisfy { $0.isASCII && $0.isNumber }))
            // \p{Han}, \N{…} and \{ are regex syntax, not class references.
            let previous = open > rest.startIndex ? rest[rest.index(before: open)] : " "
            let escaped = previous == "\\" || ((previous == "p" || previous == "P" || previous == "N")
                && rest.index(before: open) > rest.startIndex && rest[rest.index(rest.index(before: open), offsetBy: -1)] == "\\")
            guard isReference, !escaped else {
                result += rest[open...close]
                rest = rest[rest.index(after: close)...]
                continue
            }
            if visiting.contains(name) {
                throw RuleError(file: file, line: line, ruleID: ruleID, message: "word class '\(name)' refers to itself")
            }
            var body: String
            if let done = expanded[name] {
                body = done
            } else if let definition = definitions[name] {
                body = try expand(definition.pattern, file: definition.file, line: definition.line,
                                  ruleID: ruleID, visiting: visiting.union([name]))
            } else {
                throw RuleError(file: file, line: line, ruleID: ruleID, message: "unknown word class '{\(name)}'")
            }
            if !suffix.isEmpty { body = Self.suffixingGroupNames(body, with: suffix) }
            rest = rest[rest.index(after: close)...]
            // A quantified reference ({wechat}?) stays a plain group: the guard would not be optional.
            result += Self.startsWithQuantifier(rest) ? "(?:" + body + ")" : Self.guardedGroup(body)
        }
        result += rest
        return result
    }

    /// `pattern` with `suffix` after the name of each named group and back-reference
    /// (`(?<value>` → `(?<value2>`); look-behinds `(?<=` and `(?<!` are no names.
    static func suffixingGroupNames(_ pattern: String, with suffix: String) -> String {
        var result = ""
        var rest = Substring(pattern)
        while let range = rest.firstRange(of: "<") {
            let before = rest[..<range.lowerBound]
            let opensName = before.hasSuffix("(?") || before.hasSuffix("\\k")
            result += before + "<"
            rest = rest[range.upperBound...]
            guard opensName, rest.first?.isLetter == true, let close = rest.firstIndex(of: ">") else { continue }
            result += rest[..<close] + suffix
            rest = rest[close...]
        }
        return result + rest
    }

    /// `?`, `*`, `+` or `{2,40}` (not a class reference such as `{gap}`).
    private static func startsWithQuantifier(_ text: Substring) -> Bool {
        guard let first = text.first else { return false }
        if "?*+".contains(first) { return true }
        return first == "{" && text.dropFirst().first?.isNumber == true
    }

    /// `(?:body)`, and when the body is a plain list of words (`局|委员会|人民政府`), a look-ahead
    /// for their first characters before it: ICU tries alternatives one by one, and inside a
    /// lazy loop (`\p{Han}{2,40}?{agency_end}`) failing on one character test instead of thirty
    /// words is most of a rule's time. The look-ahead changes nothing about what matches.
    static func guardedGroup(_ body: String) -> String {
        var list = Substring(body)
        if list.hasPrefix("(?:"), list.hasSuffix(")") { list = list.dropFirst(3).dropLast() }
        let words = list.split(separator: "|", omittingEmptySubsequences: false)
        let metacharacters: Set<Character> = ["\\", "(", ")", "[", "]", "{", "}", "|", "?", "*", "+", ".", "^", "$", "-", "&"]
        guard words.count >= 4, words.allSatisfy({ !$0.isEmpty && !$0.contains(where: metacharacters.contains) }) else {
            return "(?:" + body + ")"
        }
        var firsts: [Character] = []
        for word in words where !firsts.contains(word.first!) { firsts.append(word.first!) }
        return "(?=[" + String(firsts) + "])(?:" + list + ")"
    }
}
