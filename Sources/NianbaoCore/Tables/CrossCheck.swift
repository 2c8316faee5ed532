/// Checks between the narrative and the tables: the applications the narrative says were
/// received against the table's new applications (总计). A disagreement lowers the confidence
/// of both, and is reported; neither value is changed.
enum CrossCheck {
    static func narrativeAgainstTables(fields: inout [String: ResolvedField], tables: inout [ParsedTable]) -> [TableCheckResult] {
        guard let narrative = fields["applications_received"], case .count(let stated) = narrative.value,
              let index = tables.firstIndex(where: { $0.spec.id == "applications" }),
              let total = tables[index].cells["new_received"]?.last ?? nil else { return [] }
        let agrees = Double(stated) == total
        if !agrees {
            fields["applications_received"] = ResolvedField(
                field: narrative.field, value: narrative.value, qualifier: narrative.qualifier,
                confidence: narrative.confidence * 0.8, evidence: narrative.evidence, ruleID: narrative.ruleID,
                support: narrative.support)
            tables[index].confidence *= 0.9
            tables[index].warnings.append("narrative applications_received \(stated) differs from the table's new_received total \(Int(total))")
        }
        return [TableCheckResult(name: "narrative.applications_received", subject: "new_received.total",
                                 passed: agrees, expected: Double(stated), found: total)]
    }
}
