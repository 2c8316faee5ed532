/// A value a rule example expects: a number (counts, years) or a string (text, dates).
public enum ExampleValue: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case text(String)

    public var description: String {
        switch self {
        case .number(let n): return String(n)
        case .text(let s): return s
        }
    }
}

/// One `examples:` entry: a sentence and what the rule must get from it.
public struct RuleExample: Sendable {
    public let text: String
    /// The field the value must land in (defaults to the rule's field).
    public let field: String?
    public let value: ExampleValue
    public let qualifier: Qualifier?
    public let line: Int
}

/// How a count rule picks its field from the publication channels named near the count.
public enum ChannelMode: String, Sendable {
    /// The rule's field, whatever channel is named.
    case fixed
    /// One channel named in the clause → that channel's field; none → the rule's field;
    /// several → `published_total` when that is the rule's field, else no value.
    case fromContext = "from_context"
    /// The rule's field only when the count's context names that one channel (as `from_context`
    /// reads it), else nothing: for parts of the report where a figure is no one's unless its
    /// channel is said (平台建设: 开通某某公众号,发布信息64条).
    case named
    /// A 分别 distribution: the channels listed in group `channels`, then 分别, then one figure
    /// per channel in the same order in group `values` (网站、微信公众号分别发布120条、35条); each
    /// figure, read by the rule's `each` pattern, fills its channel's field.
    case respectively

    /// Whether the field comes from the channels the context names.
    public var readsContext: Bool { self == .fromContext || self == .named }
}

/// A rule as written in a rule file, before its pattern is compiled.
public struct RuleDefinition: Sendable {
    public let id: String
    public let field: String
    public let kind: String
    public let scope: [String]
    /// Scopes also tried, after `scope`, when the document lacks the first `scope` section.
    public let fallbackScope: [String]
    public let keywords: [String]
    /// How far from a keyword (or, for counts, a figure) a match may reach, in characters.
    public let reach: Int
    /// The pattern as written, and with word classes expanded (what ICU compiles).
    public let pattern: String
    public let expandedPattern: String
    /// Words that reject a match when they stand before its value in the same clause…
    public let excludeBefore: [String]
    /// …or anywhere before it in the same sentence (其中 opens a breakdown: what follows are parts).
    public let excludeBeforeInSentence: [String]
    public let prior: Double
    public let channel: ChannelMode
    /// Capture group → field, for rules that fill several fields (period start and end).
    public let groups: [String: String]
    /// For `derive` rules: the field copied and the fields whose presence in the same section blocks it.
    public let derivedFrom: String?
    public let unlessSameSection: [String]
    public let examples: [RuleExample]
    public let counterExamples: [(text: String, line: Int)]
    public let file: String
    public let line: Int
    /// The line of the `prior:` value, so calibration can rewrite just that value.
    public let priorLine: Int?
    /// `extends_only`: the rule's value is taken only as the fuller form of a name another rule
    /// found (it adds to it before), never on its own.
    public var extendsOnly = false
    /// `bare_figures` (count rules): the rule's figure may stand with no unit after it
    /// (订阅人数为5973), so its windows open at every figure, not only at those with a unit.
    public var bareFigures = false
    /// `each` (for `channel: respectively`): how one figure of the `values` list reads, expanded.
    public var eachPattern: String?
    /// `object`, expanded: what the words of group `object` (between a verb and its count) must
    /// be, all of them (items in general, not one topic's: 发布信息 yes, 发布疫情防控信息 no).
    public var objectPattern: String?
    /// `not_from` (derive rules): rules whose values are not copied (a site's figure of its news
    /// alone is no overall figure), and the line that names them.
    public var notFrom: [String] = []
    public var notFromLine: Int?

    /// Every field this rule can fill.
    public var fields: [String] {
        if channel == .respectively { return ChannelCatalogue.channelFields }
        var result = [field]
        for name in groups.values.sorted() where !result.contains(name) { result.append(name) }
        if channel.readsContext {
            for name in ChannelCatalogue.channelFields where !result.contains(name) { result.append(name) }
            if !result.contains("published_total") { result.append("published_total") }
        }
        return result
    }
}
