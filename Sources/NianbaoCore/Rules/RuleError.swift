/// A problem in a rule file, with where it is: file, line and (when known) the rule's id.
public struct RuleError: Error, CustomStringConvertible, Sendable, Equatable {
    public let file: String
    public let line: Int
    public let ruleID: String?
    public let message: String

    public init(file: String, line: Int, ruleID: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.ruleID = ruleID
        self.message = message
    }

    public var description: String {
        "\(file):\(line): " + (ruleID.map { "rule \($0): " } ?? "") + message
    }
}

/// Every problem found while loading a rules folder (loading goes on past the first one).
public struct RuleErrors: Error, CustomStringConvertible, Sendable {
    public let errors: [RuleError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
