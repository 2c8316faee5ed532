import ICUKit

/// A field's chosen value with its confidence, the candidate that carries its evidence, and
/// the candidates that agreed with it.
public struct ResolvedField: Sendable {
    public let field: String
    public let value: FieldValue
    public let qualifier: Qualifier?
    public let confidence: Double
    public let evidence: Candidate
    /// The rule that decided the value (a derive rule's id for derived values).
    public let ruleID: String
    public let support: Int
}

/// A candidate that lost, and why.
public struct Alternative: Sendable {
    public let candidate: Candidate
    public let reason: String
}

/// Settles each field's candidates into one value.
///
/// Candidates are grouped by value. The winning group has the best score (a rule's prior, lowered
/// for its less preferred scopes); ties go to more independent support, then to the earlier text.
/// Confidence starts at the winner's score, rises with agreeing evidence found elsewhere in the
/// text, and falls with the strength of the best disagreeing value, more so when that value came
/// from an equally preferred scope.
public struct Resolver: Sendable {
    public init() {}

    public func resolve(_ candidates: [Candidate]) -> (fields: [String: ResolvedField], alternatives: [Alternative]) {
        // Candidates of each field in catalogue order (fields outside the catalogue are dropped).
        var byField = [[Candidate]](repeating: [], count: FieldCatalogue.fields.count)
        for candidate in candidates {
            if let index = FieldCatalogue.indexByName[candidate.field] { byField[index].append(candidate) }
        }
        var fields: [String: ResolvedField] = [:]
        var alternatives: [Alternative] = []
        for (index, list) in byField.enumerated() where !list.isEmpty {
            let spec = FieldCatalogue.fields[index]
            guard list.contains(where: { !$0.extendsOnly }) else {
                alternatives += list.map { Alternative(candidate: $0, reason: "only extends a name another rule finds") }
                continue
            }
            let (resolved, lost) = resolveField(spec.name, list, policy: spec.policy)
            fields[spec.name] = resolved
            alternatives += lost
        }
        return (fields, alternatives)
    }

    private struct Group {
        var value: FieldValue
        var members: [Candidate]
        /// The strongest member, extends_only ones included: for a name chosen as the fuller form
        /// of another, which supports it.
        var best: Candidate { members.max(by: { better($1, than: $0) })! }
        /// The strongest member found by a rule that names on its own: an extends_only rule lends
        /// a name found by no other rule no weight of its own.
        var bestStandalone: Candidate {
            let standalone = members.filter { !$0.extendsOnly }
            return (standalone.isEmpty ? members : standalone).max(by: { better($1, than: $0) })!
        }
        var top: Double { bestStandalone.score }
        /// Members whose evidence does not overlap a stronger member's: independent statements.
        var independent: [Candidate] {
            var kept: [Candidate] = []
            for member in members.sorted(by: { better($0, than: $1) })
            where !kept.contains(where: { $0.range.overlaps(member.range) }) {
                kept.append(member)
            }
            return kept
        }
    }

    /// Higher score first, then earlier in the text.
    private static func better(_ a: Candidate, than b: Candidate) -> Bool {
        if a.score != b.score { return a.score > b.score }
        return a.range.lowerBound < b.range.lowerBound
    }

    private func resolveField(_ name: String, _ list: [Candidate], policy: ResolutionPolicy) -> (ResolvedField, [Alternative]) {
        if list.count == 1, let only = list.first {
            // One candidate (most fields): nothing to group or weigh, and what follows would conclude the same.
            return (ResolvedField(field: name, value: only.value, qualifier: only.qualifier, confidence: Self.clamped(only.score),
                                  evidence: only, ruleID: only.ruleID, support: 1), [])
        }
        var groups: [Group] = []
        for candidate in list {
            if let index = groups.firstIndex(where: { $0.value == candidate.value }) {
                groups[index].members.append(candidate)
            } else {
                groups.append(Group(value: candidate.value, members: [candidate]))
            }
        }
        groups.sort { a, b in
            if a.top != b.top { return a.top > b.top }
            if a.independent.count != b.independent.count { return a.independent.count > b.independent.count }
            return a.best.range.lowerBound < b.best.range.lowerBound
        }
        // A group of extends_only candidates alone never wins by itself.
        let standalone = groups.indices.filter { groups[$0].members.contains { !$0.extendsOnly } }
        var winnerIndex = standalone[0]
        var extended = false
        if policy == .longestText { (winnerIndex, extended) = fullestName(groups, standalone: standalone) }
        let winner = groups[winnerIndex]
        let best = extended ? winner.best : winner.bestStandalone
        var confidence = best.score
        // Statements elsewhere in the text agree (an extends_only one only for a fuller form).
        let agreeing = winner.independent.filter { !$0.range.overlaps(best.range) && (extended || !$0.extendsOnly) }
        for other in agreeing {
            confidence = 1 - (1 - confidence) * (1 - 0.5 * other.score)
        }
        var alternatives: [Alternative] = []
        var strongestRival = 0.0
        for (i, group) in groups.enumerated() where i != winnerIndex {
            let rival = group.best
            let weight = rival.scopeRank <= best.scopeRank ? 0.5 : 0.25
            if policy == .bestScore, !Self.roughlyAgrees(rival, with: best) { strongestRival = max(strongestRival, rival.score * weight) }
            let reason = policy == .longestText ? "a longer name was preferred"
                : (rival.scopeRank > best.scopeRank ? "found in a less preferred section" : "lower score")
            alternatives += group.members.map { Alternative(candidate: $0, reason: reason) }
        }
        confidence *= 1 - strongestRival
        let qualifier = best.qualifier
        let resolved = ResolvedField(field: name, value: winner.value, qualifier: qualifier,
                                     confidence: Self.clamped(confidence), evidence: best,
                                     ruleID: best.ruleID, support: winner.independent.count)
        return (resolved, alternatives)
    }

    /// Whether a rough figure says what the chosen exact one says (140多篇 beside 143条, 约1500条
    /// beside 1496条): a statement in other words, no rival.
    private static func roughlyAgrees(_ rival: Candidate, with chosen: Candidate) -> Bool {
        guard case .count(let rough) = rival.value, case .count(let exact) = chosen.value,
              chosen.qualifier == .exact, rough > 0 else { return false }
        switch rival.qualifier {
        case .atLeast?: return exact >= rough && Double(exact) < Double(rough) * 1.1
        case .approximate?: return abs(Double(exact - rough)) <= Double(rough) * 0.05
        default: return false
        }
    }

    /// "The fullest name": among well-supported names, the longest, but not the body's own office
    /// (某镇人民政府 + 党政办公室, which compiled the report for it) nor its place's government
    /// (某县人民政府, whose portal published 某县审计局's report), which gives way to a department
    /// of its place named twice; then a name that only adds to
    /// the chosen one a place before it (某县 + 农业农村局), and perhaps the body's kind after it
    /// (某市某区 + 某某街道 + 办事处), is its fuller form, however weakly it was found.
    /// Also whether the name is the fuller form of the one chosen first.
    private func fullestName(_ groups: [Group], standalone: [Int]) -> (index: Int, extended: Bool) {
        var winner = standalone[0]
        // Well supported: within 15% of the best, or at least 0.8 whatever the best (so that
        // calibrating the best rule's prior upwards does not push sure rules out).
        let threshold = min(groups[winner].top * 0.85, Self.wellSupported)
        for i in standalone where groups[i].top >= threshold {
            let name = groups[i].value.description, current = groups[winner].value.description
            if name.count > current.count, !Self.isOffice(name, of: current), !Self.isParentGovernment(name, of: current) { winner = i }
        }
        // A place's government first (the portal's name heading its page, 某市人民政府) and a
        // department of that place stated more than once (由某市商务局编制, 请与某市商务局联系):
        // the report is the department's.
        let departments = standalone.filter {
            groups[$0].independent.count >= 2 && Self.isParentGovernment(groups[winner].value.description, of: groups[$0].value.description)
        }
        if let department = departments.max(by: { groups[$0].top < groups[$1].top }) { winner = department }
        let chosen = groups[winner].value.description
        let first = winner
        for (i, group) in groups.enumerated() {
            let name = group.value.description
            if name.count > groups[winner].value.description.count, Self.isFullerForm(name, of: chosen) { winner = i }
        }
        return (winner, winner != first)
    }

    /// Whether `name` adds to `short` a place before it, and, to a place's name (某某街道, 某乡),
    /// perhaps its body's kind after it (办事处, 人民政府). 某镇政府 is the short form of 某镇人民政府.
    public static func isFullerForm(_ name: String, of short: String) -> Bool {
        let name = simplified(name), short = simplified(short)
        if name.hasSuffix(short) { return true }
        if short.hasSuffix("政府"), !short.hasSuffix("人民政府"),
           name.hasSuffix(short.dropLast(2) + "人民政府") { return true }
        guard Self.placeEndings.contains(where: { short.hasSuffix($0) }) else { return false }
        return Self.kindEndings.contains { name.hasSuffix(short + $0) }
    }

    private static let wellSupported = 0.8

    private static let placeEndings = ["街道", "镇", "乡", "苏木", "县", "区", "市", "旗", "州", "盟", "省"]
    private static let kindEndings = ["办事处", "人民政府", "政府"]

    /// Whether `name` is `body` with one of its offices after it (某县人民政府办公室 for 某县人民政府).
    public static func isOffice(_ name: String, of body: String) -> Bool {
        let name = simplified(name), body = simplified(body)
        guard name.hasPrefix(body) else { return false }
        let rest = name.dropFirst(body.count)
        return Self.officeEndings.contains { rest.hasSuffix($0) } && rest.count <= 6
    }

    /// Whether `name` is the government of the place `body` opens with (某县人民政府 for 某县审计局):
    /// the portal that published a department's report, not the reporter.
    public static func isParentGovernment(_ name: String, of body: String) -> Bool {
        let name = simplified(name), body = simplified(body)
        guard name.hasSuffix("人民政府"), !body.contains("政府") else { return false }
        let place = name.dropLast(4)
        return !place.isEmpty && body.hasPrefix(place) && body.count > place.count
    }

    private static let officeEndings = ["办公室", "党政办", "综合办", "政务公开办"]

    /// Values keep the document's script; the endings above are simplified.
    private static func simplified(_ text: String) -> String {
        var units = Array(text.utf16)
        return ScriptFolding.foldTraditional(&units) ? String(decoding: units, as: UTF16.self) : text
    }

    /// Confidence is never stated as certain either way.
    private static func clamped(_ confidence: Double) -> Double { min(0.99, max(0.01, confidence)) }
}
