import ICUKit

/// Runs pattern rules over a prepared, sectioned report and returns every candidate value.
/// One finder per thread: it holds ICU regexes and a word-break iterator.
final class CandidateFinder {
    private let rules: [CompiledRule]
    private let channels: ChannelCatalogue.Matcher
    private let preparer: TextPreparer
    private let keywordIndex: KeywordIndex
    private let figureScanner: FigureScanner
    private static let summationStarts: [[UInt16]] = ["共", "累计", "合计", "总计"].map { Array($0.utf16) }
    /// When a clause may open before its 共: 微信公众号，今年共推送290条 is still the account's.
    private static let timeOpenings: [[UInt16]] = ["今年", "全年", "本年度", "本年", "年内", "当年", "一年来"].map { Array($0.utf16) }

    init(ruleSet: RuleSet, preparer: TextPreparer) throws {
        rules = try ruleSet.rules.filter { !RuleKinds.derived.contains($0.kind) }.map(CompiledRule.init)
        channels = try ChannelCatalogue.Matcher(ruleSet.channels)
        self.preparer = preparer
        let index = KeywordIndex(rules.flatMap(\.definition.keywords))
        let scopeIDs = ruleSet.sections.ids
        for rule in rules {
            rule.keywordIDs = rule.definition.keywords.compactMap { index.id(of: $0) }
            rule.scopeIndices = rule.definition.scope.compactMap { scopeIDs.firstIndex(of: $0) }
            rule.fallbackScopeIndices = rule.definition.fallbackScope.compactMap { scopeIDs.firstIndex(of: $0) }
        }
        keywordIndex = index
        figureScanner = FigureScanner(followers: try ruleSet.classes.definition("count_follower").map { try ICUCharacterSet(pattern: $0) })
    }

    func rule(_ id: String) -> CompiledRule? { rules.first { $0.definition.id == id } }

    /// Time spent per rule, when profiling (`nianbao bench --profile`).
    var ruleTimes: [String: Duration]?

    /// Candidates of all rules; `trace` (when given) receives why matches were rejected.
    func candidates(in text: ReportText, layout: DocumentLayout, trace: ((RuleTrace) -> Void)? = nil) -> [Candidate] {
        let keywords = KeywordWindows(text.matching, index: keywordIndex, figureScanner: figureScanner)
        return text.matching.withUnsafeBufferPointer { buffer in
            channels.bind(buffer)
            defer { channels.unbind() }
            var result: [Candidate] = []
            let clock = ContinuousClock()
            for rule in rules {
                let start = ruleTimes == nil ? nil : clock.now
                result += candidates(of: rule, in: text, buffer: buffer, layout: layout, keywords: keywords, trace: trace)
                if let start { ruleTimes?[rule.definition.id, default: .zero] += clock.now - start }
            }
            return PartsOfWholes.removingParts(result, in: text.matching, trace: trace)
        }
    }

    /// Candidates of one rule in `text` (for examples and explanations).
    func candidates(of rule: CompiledRule, in text: ReportText, layout: DocumentLayout) -> [Candidate] {
        let keywords = KeywordWindows(text.matching, index: keywordIndex, figureScanner: figureScanner)
        return text.matching.withUnsafeBufferPointer { buffer in
            channels.bind(buffer)
            defer { channels.unbind() }
            return candidates(of: rule, in: text, buffer: buffer, layout: layout, keywords: keywords, trace: nil)
        }
    }

    /// Candidates of one rule. Each scope's sections are searched in turn (earlier scopes rank
    /// higher), only near the rule's keywords, and never twice over the same text.
    private func candidates(of rule: CompiledRule, in text: ReportText, buffer: UnsafeBufferPointer<UInt16>,
                            layout: DocumentLayout, keywords: KeywordWindows, trace: ((RuleTrace) -> Void)?) -> [Candidate] {
        if !rule.keywordIDs.isEmpty && !keywords.anyOccurs(rule.keywordIDs) {
            trace?(RuleTrace(ruleID: rule.definition.id, range: nil,
                             outcome: "none of its keywords (\(rule.definition.keywords.joined(separator: " "))) occurs"))
            return []
        }
        var scopes = rule.scopeIndices
        // Without the rule's preferred section, it looks wider (its later scopes are only second best).
        if let first = scopes.first, layout.ranges(forScopeAt: first).isEmpty { scopes += rule.fallbackScopeIndices }
        var result: [Candidate] = []
        var covered: [Range<Int>] = []
        var bound = false
        var searched = 0, matched = 0
        defer { if bound { rule.regex.unbind() } }
        for (rank, scope) in scopes.enumerated() {
            let regions = layout.ranges(forScopeAt: scope)
            if regions.isEmpty { continue }
            var windows: [Range<Int>]
            let reach = rule.definition.reach
            if rule.definition.kind == CountKind.name {
                windows = regions.flatMap { keywords.countWindows(for: rule.keywordIDs, in: $0, reach: reach, bare: rule.definition.bareFigures) }
            } else if rule.keywordIDs.isEmpty {
                windows = regions
            } else {
                windows = regions.flatMap { keywords.windows(for: rule.keywordIDs, in: $0, reach: reach) }
            }
            windows = KeywordWindows.subtract(windows, covered)
            for window in windows where !window.isEmpty {
                if !bound { rule.regex.bind(buffer); bound = true }
                searched += 1
                for match in rule.regex.find(in: window) {
                    matched += 1
                    let (found, rejection) = read(match, of: rule, in: text, layout: layout, rank: rank)
                    if let rejection { trace?(RuleTrace(ruleID: rule.definition.id, range: match.range, outcome: rejection)) }
                    result += found
                }
            }
            covered = KeywordWindows.merge(covered + windows)
        }
        if let trace, matched == 0 {
            let scopes = (rule.definition.scope + rule.definition.fallbackScope).joined(separator: ", ")
            trace(RuleTrace(ruleID: rule.definition.id, range: nil, outcome: searched == 0
                ? "no \(rule.definition.kind == CountKind.name ? "figure near its keywords" : "keyword") in its scope (\(scopes))"
                : "searched \(searched) window(s) near its keywords in \(scopes); the pattern matched nothing"))
        }
        return result
    }

    private func read(_ match: RegexMatch, of rule: CompiledRule, in text: ReportText, layout: DocumentLayout,
                      rank: Int) -> ([Candidate], String?) {
        let definition = rule.definition
        let groups = Self.namedGroups(of: match, numbers: rule.groupNumbers)
        let units = text.matching
        let valueStart = groups["value"]?.lowerBound ?? groups["values"]?.lowerBound ?? match.range.upperBound

        let clauseStart = ClauseContext.clauseStart(units, before: min(valueStart, match.range.lowerBound))
        let before = clauseStart..<valueStart
        // In a list of channels' counts (发布政策文件4条、…、群众留言办理10条、微信公众号推送信息1350篇)
        // the words of the items before the match's own are theirs, not its exclusions, as its
        // channel is its own item's. Other counts keep the clause (参加《百姓问政》1期、市政府新闻
        // 发布会1次: 参加 governs the list).
        let ownItem = definition.channel.readsContext
            ? Self.countItemStart(units, in: clauseStart..<max(clauseStart, min(valueStart, match.range.lowerBound)))
            : clauseStart
        var checked = KeywordWindows.subtract([ownItem..<valueStart], groups[CompiledRule.listedGroup].map { [$0] } ?? [])
        if rule.excludeBefore.contains(where: { word in checked.contains { UnitSearch.contains(units, word, in: $0) } }) {
            // A channel's name is no exclusion, nor are the words naming it after 通过 (党务 in
            // 通过街道党务政务公开栏等渠道发布…).
            checked = KeywordWindows.subtract(checked, channelPhrases(units, in: ownItem..<valueStart))
            for (i, word) in rule.excludeBefore.enumerated() where checked.contains(where: { UnitSearch.contains(units, word, in: $0) }) {
                return ([], "excluded by '\(definition.excludeBefore[i])'")
            }
        }
        if !rule.excludeBeforeInSentence.isEmpty {
            // Segment sentences only when a word could be in this one at all.
            let searched = preparer.sentenceSearchRange(in: text, containing: match.range.lowerBound)
            let lineBefore = searched.lowerBound..<max(searched.lowerBound, valueStart)
            if rule.excludeBeforeInSentence.contains(where: { UnitSearch.contains(units, $0, in: lineBefore) }) {
                // A breakdown (其中…) ends at a semicolon: the next item is no part of it (…其中,规范性
                // 文件3件,…1项;政务新媒体发布信息600余篇).
                var start = preparer.sentenceRange(in: text, containing: match.range.lowerBound).lowerBound
                if let semicolon = UnitSearch.lastIndex(units, [0x3B], in: start..<min(valueStart, match.range.lowerBound)) { start = semicolon + 1 }
                let sentence = start..<valueStart
                for (i, word) in rule.excludeBeforeInSentence.enumerated() where UnitSearch.contains(units, word, in: sentence) {
                    return ([], "excluded by '\(definition.excludeBeforeInSentence[i])' earlier in the sentence")
                }
            }
        }
        if let object = rule.object, let words = groups[CompiledRule.objectGroup], !object.matchesEntirely(units, region: words) {
            return ([], "the figure is of one kind of item ('\(String(decoding: units[words], as: UTF16.self))'), not of items in general")
        }
        if definition.channel == .respectively {
            return distribution(match, groups: groups, of: rule, in: text, layout: layout, rank: rank)
        }
        if definition.channel.readsContext, let respectively = UnitSearch.firstIndex(units, Self.respectively, in: before),
           !channels.channels(in: clauseStart..<respectively).isEmpty {
            return ([], "a figure of channels listed before 分别 (their distribution rule pairs each with its channel)")
        }
        if definition.kind == CountKind.name, let rejection = wordBoundaryRejection(groups, in: text) {
            return ([], rejection)
        }
        let values = rule.kind.values(from: RuleMatch(text: text, range: match.range, groups: groups), groups: definition.groups)
        if values.isEmpty { return ([], "value does not parse") }
        let evidence = trimmed(match.range, in: units)
        let section = layout.sectionID(at: evidence.lowerBound)
        let score = definition.prior * max(0.5, 1 - 0.1 * Double(rank))
        var found: [Candidate] = []
        for item in values {
            var field = item.field
            if definition.channel.readsContext {
                guard let channelField = channelField(for: definition, units: units, clauseStart: clauseStart, valueStart: valueStart) else {
                    return ([], "several or unfielded channels named")
                }
                field = channelField
            }
            found.append(Candidate(field: field, value: item.value, qualifier: item.qualifier, ruleID: definition.id,
                                   score: score, section: section, range: evidence, scopeRank: rank,
                                   extendsOnly: definition.extendsOnly))
        }
        return (found, nil)
    }

    /// The ranges of the named groups that took part in `match`.
    private static func namedGroups(of match: RegexMatch, numbers: [(name: String, number: Int)]) -> [String: Range<Int>] {
        var groups: [String: Range<Int>] = [:]
        for (name, number) in numbers { if let range = match.groups[number] { groups[name] = range } }
        return groups
    }

    /// Why a count's groups are not a count: it never starts or ends inside a word (条 in 条例 is
    /// no unit, 3 in 2023 no count); nil when they are.
    private func wordBoundaryRejection(_ groups: [String: Range<Int>], in text: ReportText) -> String? {
        for name in ["value", "value2"] {
            if let value = groups[name], !preparer.isWordBoundary(text, at: value.lowerBound) { return "\(name) starts inside a word" }
        }
        if let unit = groups["unit"], !preparer.isWordBoundary(text, at: unit.upperBound) { return "unit ends inside a word" }
        return nil
    }

    /// Past the last 、 in `range` that ends an item holding its own count (…办理10条、), else the
    /// range's start.
    private static func countItemStart(_ units: [UInt16], in range: Range<Int>) -> Int {
        var i = range.upperBound - 1
        while i > range.lowerBound {
            if units[i] == 0x3001, CharacterClasses.countContinuations.contains(units[i - 1]) {
                let near = max(range.lowerBound, i - 6)..<(i - 1)
                if units[near].contains(where: isNumeral) { return i + 1 }
            }
            i -= 1
        }
        return range.lowerBound
    }

    private static let respectively = Array("分别".utf16)
    /// Where a list of channels splits into its items.
    private static let listSeparators: Set<UInt16> = [0x3001, 0x548C, 0x53CA, 0x4E0E, 0x2C]  // 、 和 及 与 ,

    /// The figures of a 分别 distribution, each for the channel at its place in the list
    /// (门户网站、微信公众号分别发布信息120条、35条: 120 the site's, 35 the account's). Nothing when an
    /// item of the list names no channel or several, or when channels and figures differ in number;
    /// nothing for a channel listed twice.
    private func distribution(_ match: RegexMatch, groups: [String: Range<Int>], of rule: CompiledRule, in text: ReportText,
                              layout: DocumentLayout, rank: Int) -> ([Candidate], String?) {
        guard let list = groups["channels"], let values = groups["values"], let each = rule.each else { return ([], "no list") }
        let units = text.matching
        var items: [(range: Range<Int>, field: String)] = []
        var itemStart = list.lowerBound
        for offset in list.lowerBound...list.upperBound where offset == list.upperBound || Self.listSeparators.contains(units[offset]) {
            let item = itemStart..<offset
            itemStart = offset + 1
            let named = channels.channels(in: item)
            guard named.count == 1, let only = named.first, only != "several" else {
                return ([], named.isEmpty ? "an item of the channel list names no channel" : "an item of the channel list names several channels")
            }
            items.append((item, only == "other" ? ChannelCatalogue.otherChannelField : only))
        }
        let figures = each.matches(in: units, region: values)
        guard figures.count == items.count else { return ([], "\(items.count) channels but \(figures.count) figures") }
        let definition = rule.definition
        let score = definition.prior * max(0.5, 1 - 0.1 * Double(rank))
        var found: [Candidate] = []
        let fields = items.map(\.field)
        // Two outlets of one channel (日报、电视台): their figures are not added up.
        for (item, figure) in zip(items, figures) where fields.filter({ $0 == item.field }).count == 1 {
            let figureGroups = Self.namedGroups(of: figure, numbers: rule.eachGroupNumbers)
            if let rejection = wordBoundaryRejection(figureGroups, in: text) { return ([], rejection) }
            let values = rule.kind.values(from: RuleMatch(text: text, range: figure.range, groups: figureGroups), groups: ["value": item.field])
            guard let value = values.first else { return ([], "value does not parse") }
            let evidence = trimmed(item.range.lowerBound..<figure.range.upperBound, in: units)
            found.append(Candidate(field: item.field, value: value.value, qualifier: value.qualifier, ruleID: definition.id,
                                   score: score, section: layout.sectionID(at: evidence.lowerBound), range: evidence, scopeRank: rank))
        }
        return (found, nil)
    }

    /// The field a channel-sensitive count fills: the one channel named nearest before it (in the
    /// last item of a 、-list, else in its clause, else, for a clause opening with 共/累计, in the
    /// clause before); none named → the rule's own field; several → the overall figure, if that
    /// is the rule's field.
    private func channelField(for rule: RuleDefinition, units: [UInt16], clauseStart: Int, valueStart: Int) -> String? {
        let overall = rule.field == "published_total" ? rule.field : nil
        // A breakdown inside the clause (…等主动公开信息共311条(其中:政府网站6条…): the channels
        // named before 其中 are the whole's, not the part's.
        var clauseStart = clauseStart
        if let part = UnitSearch.lastIndex(units, PartsOfWholes.partMark, in: clauseStart..<valueStart) {
            clauseStart = part + PartsOfWholes.partMark.count
        }
        let clause = clauseStart..<valueStart
        var named = channels.channels(in: clause)
        if named.contains("several") { return overall }
        var itemStart = valueStart
        while itemStart > clauseStart, units[itemStart - 1] != 0x3001 { itemStart -= 1 }  // 、
        let nearest = channels.channels(in: itemStart..<valueStart)
        if !nearest.isEmpty, named.count > 1, listsChannelsTogether(units, clauseStart: clauseStart, itemStart: itemStart) {
            // 门户网站、政务微博、政务微信等公开…N条: one figure for the channels listed. It is the
            // overall figure when the list takes in the website or ends in 等; 微博、微信…N条 is no
            // one field's, but still a channel's figure beside the site's (no sole channel then).
            let all = named.contains("published_website") || UnitSearch.contains(units, [0x7B49], in: itemStart..<valueStart)  // 等
            return all ? overall : ChannelCatalogue.otherChannelField
        }
        if !nearest.isEmpty { named = nearest }
        // The channels may be named in the clause before: one the count sums (…公众号，今年共推送
        // 290条), or one that says by what means (通过政府网站、信息公开平台，主动公开信息273条).
        // Not when that clause states its own count of items: 总计2401条 after …专栏发布信息514条
        // sums more than that channel's (but 网站发布信息28大项、79小项,共计6657条 is the site's).
        if named.isEmpty, let previous = ClauseContext.previousClause(units, clauseStart: clauseStart),
           !holdsItemCount(units, previous),
           opensWithSummation(units, at: clauseStart) || namesMeans(units, previous) || continuesWithVerb(units, at: clauseStart)
            || endsAsTopic(units, previous) {
            named = channels.channels(in: previous)
            if named.contains("several") { return overall }
        }
        // Or in the clause after, which says where all of it went (…主动公开政府信息11条,均通过
        // 某区人民政府门户网站发布): one channel only.
        if named.isEmpty, let next = ClauseContext.nextClause(units, after: valueStart),
           Self.allWentThrough.contains(where: { UnitSearch.startsWith(units, $0, at: next.lowerBound) }) {
            let after = channels.channels(in: next)
            if after.count == 1 { named = after }
        }
        // Or the one account the sentence is about, named clauses before a clause with no subject of
        // its own (自主运营“某某”微信公众号,2023年发布信息500余条; 以“某某”微信公众号为平台,宣传…,
        // 全年共发布各类信息656条), when no clause between counts items.
        if named.isEmpty, opensWithSummation(units, at: clauseStart, afterYear: true) || continuesWithVerb(units, at: clauseStart, afterYear: true),
           let topic = sentenceTopic(units, before: clauseStart) {
            named = [topic]
        }
        if rule.channel == .named { return named == [rule.field] ? rule.field : nil }
        if named.isEmpty { return rule.field }
        if named.count == 1, let only = named.first {
            // A channel with no field of its own (微博) gives no value, only a trace for derive rules.
            return only == "other" ? ChannelCatalogue.otherChannelField : only
        }
        // Several accounts without the site (政务微博微信全年发布信息2.7万篇): new media's figure, no one
        // field's, only a trace of another channel.
        return named.contains("published_website") ? overall : ChannelCatalogue.otherChannelField
    }

    /// The one channel named in the nearest earlier clause of the sentence that names any, within
    /// four clauses and with no count of items on the way. The clause names the account as what
    /// the sentence is about (开通, 运营, 以…为平台), not as where something was published (在市政府
    /// 网站…栏目及时发布有关政府信息,2023年总计公开信息80余条: the year's total).
    private func sentenceTopic(_ units: [UInt16], before clauseStart: Int) -> String? {
        var start = clauseStart
        for _ in 0..<4 {
            guard let previous = ClauseContext.previousClause(units, clauseStart: start), !holdsItemCount(units, previous) else { return nil }
            let named = channels.channels(in: previous)
            if !named.isEmpty {
                guard named.count == 1, !named.contains("several"), !namesPublishing(units, previous) else { return nil }
                return named.first
            }
            start = previous.lowerBound
        }
        return nil
    }

    /// Whether the 、-items before `itemStart` name a channel and hold no figure of their own
    /// (门户网站、某某融媒、微信公众号发布…: the list may hold outlets of no known channel), rather
    /// than being channels' own counts (网站120条、微信80条).
    private func listsChannelsTogether(_ units: [UInt16], clauseStart: Int, itemStart: Int) -> Bool {
        guard itemStart > clauseStart else { return false }
        let previous = clauseStart..<(itemStart - 1)
        return !holdsFigure(units, previous) && !channels.channels(in: previous).isEmpty
    }

    /// Whether `clause` says by what means, near its start (本年度通过…, 依托…). The caller also
    /// asks that it hold no figure of its own (通过新闻媒体公开6条，共计公开22条: the 22 is no medium's).
    private func namesMeans(_ units: [UInt16], _ clause: Range<Int>) -> Bool {
        let opening = clause.lowerBound..<min(clause.upperBound, clause.lowerBound + 8)
        return Self.meansWords.contains(where: { UnitSearch.contains(units, $0, in: opening) })
    }

    /// Where `range` names channels: each name, from the means word before it (通过, 依托 …) in
    /// the same item when there is one.
    private func channelPhrases(_ units: [UInt16], in range: Range<Int>) -> [Range<Int>] {
        channels.names(in: range).map { name in
            let searched = max(range.lowerBound, name.lowerBound - 16)..<name.lowerBound
            let means = Self.meansWords.compactMap { UnitSearch.lastIndex(units, $0, in: searched) }.max()
            guard let means, !UnitSearch.contains(units, [0x3001], in: means..<name.lowerBound) else { return name }  // 、
            return means..<name.upperBound
        }
    }

    /// Whether `range` holds a figure other than a year or an item's ordinal (辽阳市2019年通过政府网站、…,
    /// 二是通过微博、…: neither is a channel's count).
    private func holdsFigure(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            guard Self.isNumeral(units[i]) else { i += 1; continue }
            var end = i
            while end < range.upperBound, Self.isNumeral(units[end]) { end += 1 }
            if end >= units.count || (units[end] != Self.yearMark && units[end] != Self.ordinalMark) { return true }
            i = end
        }
        return false
    }

    private static let yearMark: UInt16 = 0x5E74  // 年
    private static let ordinalMark: UInt16 = 0x662F  // 是, of 一是、二是

    /// Whether `range` holds a count of items (514条, 80余篇), not only figures of other things
    /// (28大项, 12个栏目).
    private func holdsItemCount(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            guard Self.isNumeral(units[i]) else { i += 1; continue }
            var end = i
            while end < range.upperBound, Self.isNumeral(units[end]) || units[end] == 0x2C || units[end] == 0x2E { end += 1 }
            while end < range.upperBound, Self.countQualifiers.contains(units[end]) { end += 1 }
            if end < range.upperBound, Self.itemUnits.contains(units[end]) { return true }
            i = end
        }
        return false
    }

    private static let itemUnits: Set<UInt16> = Set("条篇件则".utf16)
    private static let countQualifiers: Set<UInt16> = Set("余多万亿".utf16)

    /// An Arabic digit or a Chinese numeral: part of a figure.
    private static func isNumeral(_ unit: UInt16) -> Bool {
        CharacterClasses.isDigit(unit) || CharacterClasses.isChineseNumeral(unit)
    }

    private static let meansWords: [[UInt16]] = ["通过", "依托", "利用", "借助"].map { Array($0.utf16) }

    /// Whether the clause opens with a publishing verb (after a time word): it has no subject
    /// of its own and goes on with the previous clause's.
    private func continuesWithVerb(_ units: [UInt16], at clauseStart: Int, afterYear: Bool = false) -> Bool {
        let start = Self.pastTimeOpening(units, at: clauseStart, year: afterYear)
        return Self.publishingVerbs.contains { UnitSearch.startsWith(units, $0, at: start) }
    }

    /// Whether `clause` names a place and nothing more (某某网站中, 门户网站上): it ends in 中 or 上
    /// and holds no verb of publishing.
    private func endsAsTopic(_ units: [UInt16], _ clause: Range<Int>) -> Bool {
        guard let last = clause.last, units[last] == 0x4E2D || units[last] == 0x4E0A else { return false }  // 中 上
        return !namesPublishing(units, clause)
    }

    /// Whether `clause` holds a verb of publishing.
    private func namesPublishing(_ units: [UInt16], _ clause: Range<Int>) -> Bool {
        Self.publishingVerbs.contains { UnitSearch.contains(units, $0, in: clause) }
    }

    private static let allWentThrough: [[UInt16]] = ["均通过", "全部通过", "均在", "全部在", "均于", "均发布在", "均发布于"].map { Array($0.utf16) }

    private static let publishingVerbs: [[UInt16]] = ["发布", "推送", "编发", "公开", "刊发"].map { Array($0.utf16) }

    private func opensWithSummation(_ units: [UInt16], at clauseStart: Int, afterYear: Bool = false) -> Bool {
        let start = Self.pastTimeOpening(units, at: clauseStart, year: afterYear)
        return Self.summationStarts.contains { UnitSearch.startsWith(units, $0, at: start) }
    }

    /// Where the clause at `clauseStart` goes on past a time word opening it (今年, 全年, …).
    /// `year`: a year opening it too (2023年, 2023年度).
    private static func pastTimeOpening(_ units: [UInt16], at clauseStart: Int, year: Bool = false) -> Int {
        if let time = timeOpenings.first(where: { UnitSearch.startsWith(units, $0, at: clauseStart) }) { return clauseStart + time.count }
        guard year else { return clauseStart }
        var end = clauseStart
        while end < units.count, end - clauseStart < 4, CharacterClasses.isDigit(units[end]) { end += 1 }
        guard end - clauseStart == 4, end < units.count, units[end] == yearMark else { return clauseStart }
        end += 1
        if end < units.count, units[end] == 0x5EA6 { end += 1 }  // 度
        return end
    }

    private func trimmed(_ range: Range<Int>, in units: [UInt16]) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isBlank(units[lower]) { lower += 1 }
        while upper > lower, isBlank(units[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    @inline(__always) private func isBlank(_ u: UInt16) -> Bool {
        u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D || u == 0x2A || u == 0x23
    }
}

/// Why a rule gave no candidate, or why one of its matches was rejected (for `explain`).
public struct RuleTrace: Sendable {
    public let ruleID: String
    /// The rejected match, in `ReportText.matching`; nil when the rule matched nothing.
    public let range: Range<Int>?
    public let outcome: String
}
