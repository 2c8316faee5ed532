/// A figure after 其中 is a part of what its sentence stated before it. When that was already a
/// figure for the same field (新闻媒体发布200余篇，其中国家级媒体发布55篇), the part is not the
/// field's value; nor is a channel's part of a figure other than the overall one (解读信息108条，
/// 其中网站89篇 is the site's share of interpretations). Rules that take 其中 parts mean the
/// channels' parts of the overall figure (共发布400条，其中网站254条).
enum PartsOfWholes {
    /// 其中, which opens a breakdown (CandidateFinder also asks where a clause's breakdown starts).
    static let partMark: [UInt16] = Array("其中".utf16)
    /// How far back in the sentence the whole may stand.
    private static let reach = 200

    /// `candidates` without the parts of a figure already stated for their field.
    static func removingParts(_ candidates: [Candidate], in units: [UInt16], trace: ((RuleTrace) -> Void)?) -> [Candidate] {
        candidates.filter { part in
            let whole = candidates.first { whole in
                isWhole(whole.field, of: part.field) && whole.value != part.value
                    && whole.range.upperBound <= part.range.lowerBound
                    && part.range.lowerBound - whole.range.upperBound <= reach
                    // The part's own match may open with 其中 (其中网站254条).
                    && isPart(units, between: whole.range.upperBound..<part.range.upperBound)
            }
            if let whole {
                trace?(RuleTrace(ruleID: part.ruleID, range: part.range,
                                 outcome: "a part (after 其中) of the \(whole.field) figure \(whole.value) stated before it"))
            }
            return whole == nil
        }
    }

    /// The same field, or a channel's share of a count of no channel (interpretations, …; a year is no count).
    private static func isWhole(_ whole: String, of part: String) -> Bool {
        if whole == part { return true }
        let channels = ChannelCatalogue.channelFields
        return channels.contains(part) && !channels.contains(whole) && whole != "published_total"
            && FieldCatalogue.spec(whole)?.type == .count
    }

    /// Whether `gap` opens a breakdown (其中) and stays in one sentence.
    static func isPart(_ units: [UInt16], between gap: Range<Int>) -> Bool {
        !units[gap].contains(where: ClauseContext.isSentenceEnd) && UnitSearch.contains(units, partMark, in: gap)
    }
}
