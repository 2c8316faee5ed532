/// Media are many outlets: a section that gives two or more different media figures, none of
/// them the whole of the others (省级媒体发布信息21条，市级媒体发布信息68条; 在某某晚报刊发2篇，在某某
/// 日报刊发18篇), states no figure for the news media as a channel, and figures are not added up.
/// The field gives nothing; the figures stay as alternatives that say why.
enum SeveralOutlets {
    static let field = "published_media"

    /// `candidates` without the media figures when the resolved one has a rival of another value
    /// in its own section and scope rank.
    static func removingRivalOutlets(_ candidates: [Candidate], resolved: [String: ResolvedField])
        -> (kept: [Candidate], dropped: [Alternative]) {
        guard let chosen = resolved[field]?.evidence else { return (candidates, []) }
        let peers = candidates.filter { $0.field == field && $0.section == chosen.section && $0.scopeRank == chosen.scopeRank }
        guard let rival = peers.first(where: { $0.value != chosen.value && !$0.range.overlaps(chosen.range) }) else {
            return (candidates, [])
        }
        let reason = "media figures of several outlets in one section (\(chosen.value), \(rival.value)), none for the media as a whole"
        return (candidates.filter { $0.field != field },
                candidates.filter { $0.field == field }.map { Alternative(candidate: $0, reason: reason) })
    }
}
