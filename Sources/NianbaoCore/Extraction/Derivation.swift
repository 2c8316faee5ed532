/// Applies `derive` rules after resolution: a field copied from another when the text gives no
/// figure of its own ("one channel only": the website figure is also the overall one).
struct Derivation {
    let rules: [RuleDefinition]

    init(ruleSet: RuleSet) { rules = ruleSet.rules.filter { RuleKinds.derived.contains($0.kind) } }

    func apply(to fields: inout [String: ResolvedField], candidates: [Candidate]) {
        for rule in rules {
            guard fields[rule.field] == nil, let from = rule.derivedFrom, let source = fields[from] else { continue }
            let section = source.evidence.section
            let blocked = candidates.contains { rule.unlessSameSection.contains($0.field) && $0.section == section }
            if blocked { continue }
            fields[rule.field] = ResolvedField(field: rule.field, value: source.value, qualifier: source.qualifier,
                                               confidence: source.confidence * rule.prior, evidence: source.evidence,
                                               ruleID: rule.id, support: source.support)
        }
    }
}
