/// The year's overall figure covers every channel, so it is never below one channel's figure.
/// A "total" below every figure its own section states for a channel (全年共公开各类信息19条 … 微信
/// 公众号公开信息85条) counts one kind of item or one column, not the year's publications: it gives
/// no total, and a lower-ranked total may take its place. A channel stated there with rival
/// figures, one of them within the total, leaves it alone; so do figures of other sections
/// (平台建设 gives a site's items of every year), and so does a total its own sentence breaks
/// down into channels (共计6312条,其中,局官网发布信息764条…): a channel's figure elsewhere above
/// it (在各类新闻媒体平台发稿7841条) counts other items.
enum TotalsAndParts {
    static let total = "published_total"
    private static let media = "published_media"

    /// `candidates` without the totals below a channel's smallest figure in their section (the
    /// channel being one `resolved` holds), and those dropped, as alternatives that say why.
    static func removingTotalsBelowParts(_ candidates: [Candidate], resolved: [String: ResolvedField], in units: [UInt16])
        -> (kept: [Candidate], dropped: [Alternative]) {
        // Not the media's: press coverage (在各级新闻媒体刊发稿件1592篇) often outnumbers what
        // the body itself publishes, and reports count it apart from their total.
        let channels = ChannelCatalogue.channelFields.filter { resolved[$0] != nil && $0 != Self.media }
        guard !channels.isEmpty, candidates.contains(where: { $0.field == total }) else { return (candidates, []) }
        var kept: [Candidate] = [], dropped: [Alternative] = []
        for candidate in candidates {
            if candidate.field == total, let part = largestPart(of: candidate, among: candidates, channels: channels),
               count(candidate.value) < part.figure, !isBrokenDown(candidate, among: candidates, channels: channels, in: units) {
                dropped.append(Alternative(candidate: candidate,
                                           reason: "below the \(part.field) figure \(part.figure) of its section: not the all-channel total"))
            } else {
                kept.append(candidate)
            }
        }
        return (kept, dropped)
    }

    /// Whether channels' figures follow `total` as its parts (after 其中, in its sentence), none
    /// of them larger than it.
    private static func isBrokenDown(_ total: Candidate, among candidates: [Candidate], channels: [String], in units: [UInt16]) -> Bool {
        let parts = candidates.filter { part in
            channels.contains(part.field) && part.range.lowerBound >= total.range.upperBound
                && PartsOfWholes.isPart(units, between: total.range.upperBound..<part.range.upperBound)
        }
        return !parts.isEmpty && parts.allSatisfy { count($0.value) <= count(total.value) }
    }

    /// The largest, over `channels`, of each channel's smallest figure in the total's section.
    private static func largestPart(of total: Candidate, among candidates: [Candidate], channels: [String]) -> (field: String, figure: Int)? {
        channels.compactMap { field in
            candidates.filter { $0.field == field && $0.section == total.section }.map { count($0.value) }.min().map { (field, $0) }
        }.max { $0.1 < $1.1 }
    }

    private static func count(_ value: FieldValue) -> Int {
        if case .count(let n) = value { return n }
        return 0
    }
}
