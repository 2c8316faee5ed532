/// The template's sections as `sections.yaml` declares them: an id, a heading level, the words
/// a heading's title starts with (a regular expression, anchored at the title's start) and,
/// for a title other templates use for other content, words its body shows.
public struct SectionSpec: Sendable {
    public let id: String
    public let level: Int
    public let titlePattern: String
    /// One of them in the first `bodyReach` units after the title, or the heading is read as a
    /// part of 总体情况 promoted to the top (reports before 2019 write 二、主动公开政府信息情况 as prose).
    public var bodyWords: [String]

    public init(id: String, level: Int, titlePattern: String, bodyWords: [String] = []) {
        self.id = id
        self.level = level
        self.titlePattern = titlePattern
        self.bodyWords = bodyWords
    }

    public static let bodyReach = 400
}

public struct SectionCatalogue: Sendable {
    public let sections: [SectionSpec]
    /// Title words of a disclosure report, and how many top-level template sections also make one.
    public var reportTitlePattern: String = "(?:政府信息公开|政务公开)\\s*(?:工作)?\\s*(?:年度)?\\s*(?:报告|年报)"
    public var reportMinimumSections = 2

    public init(sections: [SectionSpec]) { self.sections = sections }

    /// Pseudo-sections every document has, besides the template's: the title lines, everything
    /// before the first section (`front`), the closing lines (`closing`), the whole document, and
    /// the lead of 总体情况 before its first part (`overview.lead`: empty when it has no parts),
    /// where many reports sum up the year before (一)主动公开 details it.
    public static let pseudoSections = ["title", "front", "closing", "document", "overview.lead"]

    public var ids: [String] { sections.map(\.id) + Self.pseudoSections }

    /// Whether scope `scope` covers section `id` (`overview` covers `overview.proactive`).
    public static func scope(_ scope: String, covers id: String) -> Bool {
        if scope == "document" || id == scope { return true }
        // id starts with scope + "." (compared byte by byte: this runs for every section of every document)
        var scopeBytes = scope.utf8.makeIterator(), idBytes = id.utf8.makeIterator()
        while let byte = scopeBytes.next() { guard idBytes.next() == byte else { return false } }
        return idBytes.next() == UInt8(ascii: ".")
    }
}
