import Yams

/// Read access to a composed YAML node that turns every shape error into a `RuleError` with
/// the node's line, so that a malformed rule file names file, line and rule.
struct YAMLNode {
    let node: Node
    let file: String
    var ruleID: String?

    var line: Int { node.mark?.line ?? 0 }

    func error(_ message: String) -> RuleError { RuleError(file: file, line: line, ruleID: ruleID, message: message) }

    func child(_ key: String) -> YAMLNode? {
        guard case .mapping(let mapping) = node, let value = mapping[key] else { return nil }
        return YAMLNode(node: value, file: file, ruleID: ruleID)
    }

    var keys: [String] {
        guard case .mapping(let mapping) = node else { return [] }
        return mapping.keys.compactMap(\.string)
    }

    /// Pairs of a mapping, with the key's line.
    func pairs() throws -> [(key: String, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else { throw error("expected a mapping") }
        return try mapping.map { key, value in
            guard let name = key.string else { throw error("mapping key is not a string") }
            return (name, YAMLNode(node: value, file: file, ruleID: ruleID))
        }
    }

    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("expected a string") }
        return scalar.string
    }

    func double() throws -> Double {
        guard let value = Double(try string()) else { throw error("expected a number, found '\(node.string ?? "")'") }
        return value
    }

    func bool() throws -> Bool {
        switch try string() {
        case "true", "yes": return true
        case "false", "no": return false
        case let other: throw error("expected true or false, found '\(other)'")
        }
    }

    func items() throws -> [YAMLNode] {
        guard case .sequence(let sequence) = node else { throw error("expected a list") }
        return sequence.map { YAMLNode(node: $0, file: file, ruleID: ruleID) }
    }

    func strings() throws -> [String] {
        if case .scalar = node { return [try string()] }
        return try items().map { try $0.string() }
    }

    /// `key`'s value, or an error naming the missing key.
    func required(_ key: String) throws -> YAMLNode {
        guard let value = child(key) else { throw error("missing '\(key)'") }
        return value
    }

    static func compose(_ text: String, file: String) throws -> YAMLNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw RuleError(file: file, line: 1, message: "empty rule file")
            }
            return YAMLNode(node: node, file: file)
        } catch let error as YamlError {
            throw RuleError(file: file, line: Self.line(of: error), message: "YAML syntax: \(Self.problem(of: error))")
        }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 1
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            return problem + (context.map { " \($0.text)" } ?? "")
        default: return String(describing: error)
        }
    }
}
