import ICUKit

/// Finds the template's headings (一、总体情况, (一)主动公开, ## 四、…行政复议…) anywhere a heading
/// can start — at a line start, or after a sentence or a figure when a converter ran a whole body
/// into one line — and classifies them by their title words (`sections.yaml`), not their numbers.
/// One splitter per thread (it holds ICU regexes).
public final class SectionSplitter {
    private let catalogue: SectionCatalogue
    /// One regex per heading kind, its alternatives the section titles in the order they are
    /// tried: level-1 numbering tries level-1 sections, then parts promoted to the top (some
    /// reports number 主动公开工作情况 as 三、); level-2 numbering names parts of 总体情况 only.
    private let level1Titles: Titles
    private let level2Titles: Titles

    private struct Titles {
        let regex: ICURegex
        /// The sections the title alternatives name, and each one's group number in `regex`.
        let specs: [SectionSpec]
        let groupNumbers: [Int]
        /// The units a title can start with (nil: any): most numberings (table rows, lists)
        /// are ruled out without asking ICU.
        let firstUnits: Set<UInt16>?
    }

    private let reportTitle: ICURegex
    /// A line that names a year's report (2023年…报告): the title, not a site's name or breadcrumb.
    private let yearTitle: ICURegex
    private let coverage: ScopeCoverage
    /// Sections whose body must show one of these words, by id (`body:` in sections.yaml).
    private let bodies: [String: [[UInt16]]]

    public init(catalogue: SectionCatalogue) throws {
        self.catalogue = catalogue
        coverage = ScopeCoverage(scopes: catalogue.ids, sectionIDs: catalogue.sections.map(\.id))
        reportTitle = try ICURegex(catalogue.reportTitlePattern)
        yearTitle = try ICURegex("(?:19|20)[0-9]{2}\\s*年度?\\n?[^\\n]{0,40}?(?:报告|年报)")
        let level1 = catalogue.sections.filter { $0.level == 1 }, level2 = catalogue.sections.filter { $0.level == 2 }
        level1Titles = try Self.titleRegex(level1 + level2)
        level2Titles = try Self.titleRegex(level2)
        bodies = Dictionary(uniqueKeysWithValues: catalogue.sections.filter { !$0.bodyWords.isEmpty }.map { spec in
            (spec.id, spec.bodyWords.map { Array($0.utf16) })
        })
    }

    public func split(_ text: ReportText) -> DocumentLayout {
        text.matching.withUnsafeBufferPointer { buffer in
            level1Titles.regex.bind(buffer)
            level2Titles.regex.bind(buffer)
            defer { level1Titles.regex.unbind(); level2Titles.regex.unbind() }
            var layout = split(text, units: text.matching, partsWithoutParent: false)
            // (一)主动公开, (二)依申请公开… with no 一、总体情况 above them (a page that lost the
            // heading): they are still its parts. Asked only then: elsewhere a contents list or a
            // notice's own numbering before the first section would pass for them.
            guard !layout.sections.contains(where: { $0.id == "overview" }) else { return layout }
            let again = split(text, units: text.matching, partsWithoutParent: true)
            if again.sections.count > layout.sections.count { layout = again }
            // A page whose sections are bracketed ((一)总体情况 … (四)收费及减免情况), their parts
            // numbered 1. 2.: with no section numbered 一、 at all, the brackets are the top level.
            guard layout.topLevelSectionCount == 0 else { return layout }
            let bracketed = split(text, units: text.matching, partsWithoutParent: false, bracketsAreTop: true)
            return bracketed.topLevelSectionCount >= catalogue.reportMinimumSections ? bracketed : layout
        }
    }

    /// `split` with the title regexes bound to `units` (the text's matching form).
    private func split(_ text: ReportText, units: [UInt16], partsWithoutParent: Bool,
                       bracketsAreTop: Bool = false) -> DocumentLayout {
        var headings: [(spec: SectionSpec, start: Int, titleEnd: Int)] = []
        var currentTop: String?
        for match in HeadingScanner.numberings(in: units) {
            let isLevel1 = bracketsAreTop ? units[match.range.lowerBound] == 0x28 : match.level == 1
            let titleStart = match.range.upperBound
            let titleEnd = min(units.count, titleStart + 40)
            guard isLevel1 || currentTop == "overview" || (partsWithoutParent && currentTop == nil),
                  var spec = classify(units, titleStart..<titleEnd, level1: isLevel1) else { continue }
            if let words = bodies[spec.id],
               !words.contains(where: { UnitSearch.contains(units, $0, in: titleStart..<min(units.count, titleStart + SectionSpec.bodyReach)) }),
               let part = classify(units, titleStart..<titleEnd, level1: false),
               !headings.contains(where: { $0.spec.id == part.id }) {
                spec = part
            }
            // Sections do not repeat: a second 总体情况 heading is a mention, not a section.
            if headings.contains(where: { $0.spec.id == spec.id }) { continue }
            if spec.level == 1 { currentTop = spec.id }
            // The heading runs to its line's end or its first full stop (one-line bodies), 40 units at most.
            var headingEnd = titleStart
            while headingEnd < min(units.count, titleStart + 40), !CharacterClasses.isLineBreak(units[headingEnd]),
                  units[headingEnd] != 0x3002 { headingEnd += 1 }
            headings.append((spec, lineOrHeadingStart(units, match.range.lowerBound), headingEnd))
        }
        var sections: [Section] = []
        for (i, heading) in headings.enumerated() {
            // A section runs to the next heading of the same or a higher level.
            var end = units.count
            for next in headings[(i + 1)...] where next.spec.level <= heading.spec.level {
                end = next.start
                break
            }
            sections.append(Section(id: heading.spec.id, range: heading.start..<max(end, heading.start),
                                    heading: heading.start..<heading.titleEnd))
        }
        let firstSection = headings.first(where: { $0.spec.level == 1 })?.start ?? units.count
        return DocumentLayout(sections: sections, title: titleRange(text, limit: firstSection),
                              front: 0..<firstSection, closing: closingRange(text), length: units.count,
                              coverage: coverage)
    }

    /// Whether the document is a disclosure report: its title words in its first 2,000 units,
    /// enough of the template's top-level sections, or 总体情况 with its 主动公开 part or words
    /// (a page cut after its first section).
    public func isReport(_ text: ReportText, layout: DocumentLayout) -> Bool {
        if layout.topLevelSectionCount >= catalogue.reportMinimumSections { return true }
        let ids = Set(layout.sections.map(\.id))
        if ids.contains("overview"), ids.contains("overview.proactive") { return true }
        // A page cut after 总体情况 whose parts' headings were lost still speaks of proactive
        // disclosure, and of applications or the regulations it reports under.
        if ids.contains("overview") {
            let occurs = { (word: [UInt16]) in UnitSearch.contains(text.matching, word, in: 0..<text.count) }
            if occurs(Self.proactive), Self.reportContext.contains(where: occurs) { return true }
        }
        let head = 0..<min(text.count, 2000)
        return !reportTitle.matches(in: text.matching, region: head).isEmpty
    }

    private static let proactive = Array("主动公开".utf16)
    private static let reportContext: [[UInt16]] = ["依申请", "政府信息公开条例"].map { Array($0.utf16) }

    private static func titleRegex(_ specs: [SectionSpec]) throws -> Titles {
        let pattern = "(?:" + specs.enumerated().map { "(?<s\($0.offset)>" + $0.element.titlePattern + ")" }.joined(separator: "|") + ")"
        let regex = try ICURegex(pattern)
        return Titles(regex: regex, specs: specs, groupNumbers: specs.indices.map { regex.groupNumber(named: "s\($0)")! },
                      firstUnits: PatternFirstUnits.of(pattern))
    }

    private func classify(_ units: [UInt16], _ title: Range<Int>, level1: Bool) -> SectionSpec? {
        let titles = level1 ? level1Titles : level2Titles
        if let first = titles.firstUnits, title.isEmpty || !first.contains(units[title.lowerBound]) { return nil }
        return titles.regex.prefixMatchGroup(in: title, among: titles.groupNumbers).map { titles.specs[$0] }
    }

    /// Headings that open a line start there (taking Markdown marks with them).
    private func lineOrHeadingStart(_ units: [UInt16], _ offset: Int) -> Int {
        var start = offset
        while start > 0, units[start - 1] == 0x23 || units[start - 1] == 0x2A || units[start - 1] == 0x20 { start -= 1 }
        return start > 0 && !CharacterClasses.isLineBreak(units[start - 1]) ? offset : start
    }

    /// The first four non-empty lines, but not past the first section. A web page may put its
    /// site name and navigation first: when those lines name no year's report, the title runs on
    /// to the first line that does, within the first twenty (a page's banner and menus come first).
    private func titleRange(_ text: ReportText, limit: Int) -> Range<Int> {
        var seen = 0
        var end = 0
        var fourLines = 0
        var previousLine = 0
        for index in text.lineStarts.indices {
            let line = text.lineRange(index)
            if line.lowerBound >= limit { break }
            end = min(line.upperBound, limit)
            let blank = isBlank(text.matching, line)
            if !blank { seen += 1 }
            if seen == 4 {
                fourLines = end
                if !yearTitle.matches(in: text.matching, region: 0..<end).isEmpty { break }
            } else if seen > 4 {
                // The title may break after its year (某某局2023年 / 政府信息公开工作年度报告).
                if !yearTitle.matches(in: text.matching, region: previousLine..<end).isEmpty { return 0..<end }
                if seen == 20 { return 0..<fourLines }
            }
            if !blank { previousLine = line.lowerBound }
        }
        return 0..<(seen > 4 ? fourLines : end)
    }

    /// The last five non-empty lines (signature, date, contacts).
    private func closingRange(_ text: ReportText) -> Range<Int> {
        var seen = 0
        var start = text.count
        for index in text.lineStarts.indices.reversed() {
            let line = text.lineRange(index)
            start = line.lowerBound
            if !isBlank(text.matching, line) { seen += 1 }
            if seen == 5 { break }
        }
        return start..<text.count
    }

    private func isBlank(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        units[range].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
