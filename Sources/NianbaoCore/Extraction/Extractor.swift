import ICUKit

/// Everything extraction learned about one document.
public struct Extraction: Sendable {
    public let text: ReportText
    public let layout: DocumentLayout
    public let candidates: [Candidate]
    public let fields: [String: ResolvedField]
    public let alternatives: [Alternative]
    public let tables: [ParsedTable]
    public let checks: [TableCheckResult]
    public let warnings: [String]
}

/// Decoded text in, fields out: prepare the text, find the sections, run the rules, resolve.
/// Not thread-safe (ICU handles): make one extractor per thread from a shared `RuleSet`.
public final class Extractor {
    public let ruleSet: RuleSet
    let preparer: TextPreparer
    let splitter: SectionSplitter
    let finder: CandidateFinder
    let tableReader: TableReader
    private let derivation: Derivation
    private let resolver = Resolver()
    /// Whether tables are read (benchmarks compare the narrative alone with other tools).
    public var readsTables = true

    public init(ruleSet: RuleSet) throws {
        self.ruleSet = ruleSet
        preparer = try TextPreparer()
        splitter = try SectionSplitter(catalogue: ruleSet.sections)
        finder = try CandidateFinder(ruleSet: ruleSet, preparer: preparer)
        derivation = Derivation(ruleSet: ruleSet)
        tableReader = try TableReader(ruleSet: ruleSet)
    }

    public func prepare(_ units: [UInt16]) -> ReportText { preparer.prepare(units) }

    /// Starts (or, with false, stops and clears) timing each rule.
    public func profileRules(_ on: Bool) { finder.ruleTimes = on ? [:] : nil }

    /// Time spent in each rule since profiling started.
    public var ruleTimes: [String: Duration] { finder.ruleTimes ?? [:] }

    /// How often rule `id` asked ICU for a match, how often it found one, and whether it does so only where a match can start.
    public func regexAttempts(ofRule id: String) -> (attempts: Int, hits: Int, filtersStarts: Bool)? {
        finder.rule(id).map { ($0.regex.attempts, $0.regex.hits, $0.regex.filtersStarts) }
    }

    public func extract(_ units: [UInt16]) -> Extraction { extract(prepared: preparer.prepare(units)) }

    public func extract(prepared text: ReportText, trace: ((RuleTrace) -> Void)? = nil) -> Extraction {
        let layout = splitter.split(text)
        guard splitter.isReport(text, layout: layout) else {
            // Nothing is extracted from what is not a report: figures would be invented.
            return Extraction(text: text, layout: layout, candidates: [], fields: [:], alternatives: [], tables: [],
                              checks: [], warnings: ["not a disclosure report: no report title and fewer than "
                                                     + "\(ruleSet.sections.reportMinimumSections) template sections"])
        }
        var candidates = finder.candidates(in: text, layout: layout, trace: trace)
        var first = resolver.resolve(candidates)
        let (kept, belowParts) = TotalsAndParts.removingTotalsBelowParts(candidates, resolved: first.fields, in: text.matching)
        let (keptOutlets, outlets) = SeveralOutlets.removingRivalOutlets(kept, resolved: first.fields)
        let dropped = belowParts + outlets
        if !dropped.isEmpty {
            candidates = keptOutlets
            first = resolver.resolve(candidates)
        }
        let derived = derivation.candidates(from: first.fields, all: candidates)
        candidates += derived
        // Resolution depends on the candidates alone: with nothing derived it would repeat itself.
        var (fields, alternatives) = derived.isEmpty ? first : resolver.resolve(candidates)
        alternatives += dropped
        var (tables, checks) = readsTables ? tableReader.read(text, layout: layout) : ([], [])
        checks += CrossCheck.narrativeAgainstTables(fields: &fields, tables: &tables)
        var warnings: [String] = readsTables ? [] : ["tables not read (narrative and metadata fields only)"]
        if layout.sections.isEmpty {
            warnings.append("no template section headings found: not a disclosure report, or an unusual layout")
        }
        for (name, field) in fields.sorted(by: { $0.key < $1.key })
        where field.support == 1 && FieldCatalogue.spec(name)?.policy == .bestScore {
            let rivals = alternatives.filter { $0.candidate.field == name && $0.candidate.scopeRank <= field.evidence.scopeRank }
            if !rivals.isEmpty {
                let values = Set(rivals.map { $0.candidate.value.description }).sorted().joined(separator: ", ")
                warnings.append("\(name): chose \(field.value) over \(values) stated in equally preferred sections")
            }
        }
        for table in tables { warnings += table.warnings }
        return Extraction(text: text, layout: layout, candidates: candidates, fields: fields,
                          alternatives: alternatives, tables: tables, checks: checks, warnings: warnings)
    }
}
