/// Applies `derive` rules: a field's value copied from another field, as one more candidate that
/// competes with the field's own ("one channel only": a website figure is also the overall figure
/// when no other channel's figure stands in the same section).
struct Derivation {
    let rules: [RuleDefinition]

    init(ruleSet: RuleSet) { rules = ruleSet.rules.filter { RuleKinds.derived.contains($0.kind) } }

    /// Derived candidates, from the fields as first resolved.
    func candidates(from fields: [String: ResolvedField], all candidates: [Candidate]) -> [Candidate] {
        rules.compactMap { rule in
            guard let from = rule.derivedFrom, let source = fields[from], !rule.notFrom.contains(source.ruleID) else { return nil }
            let section = source.evidence.section
            if candidates.contains(where: { rule.unlessSameSection.contains($0.field) && $0.section == section }) { return nil }
            let evidence = source.evidence
            return Candidate(field: rule.field, value: source.value, qualifier: source.qualifier, ruleID: rule.id,
                             score: evidence.score * rule.prior, section: section, range: evidence.range,
                             scopeRank: evidence.scopeRank)
        }
    }
}
