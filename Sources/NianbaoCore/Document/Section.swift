/// A part of a document: a template section found by its heading, or a pseudo-section.
public struct Section: Sendable, Equatable {
    public let id: String
    /// Range in `ReportText.matching`, heading included.
    public let range: Range<Int>
    /// The heading's own range (empty for pseudo-sections).
    public let heading: Range<Int>
}

/// The sections found in one document.
public struct DocumentLayout: Sendable {
    /// Template sections in document order (level-2 parts as their own entries, after their parent).
    public let sections: [Section]
    public let title: Range<Int>
    public let front: Range<Int>
    public let closing: Range<Int>
    public let length: Int

    /// A layout in which every scope covers the whole text: for running a rule on one sentence.
    public static func everywhere(_ length: Int, catalogue: SectionCatalogue) -> DocumentLayout {
        DocumentLayout(sections: catalogue.sections.map { Section(id: $0.id, range: 0..<length, heading: 0..<0) },
                       title: 0..<length, front: 0..<length, closing: 0..<length, length: length, scopes: catalogue.ids)
    }

    /// The ranges that scope `scope` covers, in document order.
    public func ranges(for scope: String) -> [Range<Int>] {
        if let index = scopes.firstIndex(of: scope) { return rangesByScope[index] }
        return computeRanges(for: scope)
    }

    /// The ranges of the scope at `index` of the catalogue's scope ids (no hashing: hot path).
    func ranges(forScopeAt index: Int) -> [Range<Int>] { rangesByScope[index] }

    private let scopes: [String]
    private var rangesByScope: [[Range<Int>]] = []

    public init(sections: [Section], title: Range<Int>, front: Range<Int>, closing: Range<Int>, length: Int, scopes: [String]) {
        self.init(sections: sections, title: title, front: front, closing: closing, length: length,
                  coverage: ScopeCoverage(scopes: scopes))
    }

    init(sections: [Section], title: Range<Int>, front: Range<Int>, closing: Range<Int>, length: Int, coverage: ScopeCoverage) {
        self.sections = sections
        self.title = title
        self.front = front
        self.closing = closing
        self.length = length
        scopes = coverage.scopes
        // Each section is added to the scopes that cover it (looked up once), in document order.
        var ranges = [[Range<Int>]](repeating: [], count: scopes.count)
        for section in sections {
            for index in coverage.scopes(covering: section.id) { Self.add(section.range, to: &ranges[index]) }
        }
        for (index, scope) in coverage.pseudoScopes { ranges[index] = computeRanges(for: scope) }
        rangesByScope = ranges.map { $0.filter { !$0.isEmpty } }
    }

    /// Adds a section's range to a scope's ranges (in document order). A parent's range already
    /// holds its parts, so parts are skipped once the parent is taken.
    private static func add(_ range: Range<Int>, to ranges: inout [Range<Int>]) {
        if let last = ranges.last, last.contains(range.lowerBound) || last == range { return }
        ranges.append(range)
    }

    private func computeRanges(for scope: String) -> [Range<Int>] {
        switch scope {
        case "title": return [title]
        case "front": return [front]
        case "closing": return [closing]
        case "document": return [0..<length]
        case "overview.lead": return overviewLead.map { [$0] } ?? []
        default:
            var result: [Range<Int>] = []
            for section in sections where SectionCatalogue.scope(scope, covers: section.id) { Self.add(section.range, to: &result) }
            return result
        }
    }

    /// 总体情况 from its heading to its first part, when it has parts.
    private var overviewLead: Range<Int>? {
        guard let overview = sections.first(where: { $0.id == "overview" }),
              let part = sections.first(where: { $0.id.hasPrefix("overview.") && overview.range.contains($0.range.lowerBound) })
        else { return nil }
        return overview.range.lowerBound..<part.range.lowerBound
    }

    /// Template sections of the top level (`overview`, not `overview.proactive`); sections do not repeat.
    var topLevelSectionCount: Int { sections.filter { !$0.id.utf8.contains(UInt8(ascii: ".")) }.count }

    /// The innermost template section holding `offset`, or "front".
    public func sectionID(at offset: Int) -> String {
        var found = "front"
        for section in sections where section.range.contains(offset) { found = section.id }
        return found
    }
}

/// Which scopes (indices into a list of scope ids) cover each template section id, worked out
/// once per catalogue rather than by comparing ids for every section of every document.
struct ScopeCoverage: Sendable {
    let scopes: [String]
    /// The pseudo-sections among the scopes, with their indices.
    let pseudoScopes: [(index: Int, scope: String)]
    private let covering: [String: [Int]]

    init(scopes: [String], sectionIDs: [String] = []) {
        self.scopes = scopes
        pseudoScopes = scopes.enumerated().filter { SectionCatalogue.pseudoSections.contains($0.element) }.map { ($0.offset, $0.element) }
        var covering: [String: [Int]] = [:]
        for id in sectionIDs { covering[id] = Self.compute(id, scopes) }
        self.covering = covering
    }

    func scopes(covering id: String) -> [Int] { covering[id] ?? Self.compute(id, scopes) }

    /// Pseudo-sections (title, front, closing, document) have ranges of their own, not sections.
    private static func compute(_ id: String, _ scopes: [String]) -> [Int] {
        scopes.indices.filter { !SectionCatalogue.pseudoSections.contains(scopes[$0]) && SectionCatalogue.scope(scopes[$0], covers: id) }
    }
}
