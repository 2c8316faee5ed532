import ICUKit

/// Publication channels (`channels.yaml`): the words that name each channel and the field its
/// counts fill. Used by count rules with `channel: from_context`.
public struct ChannelCatalogue: Sendable {
    /// The fields channels fill, in catalogue order.
    public static let channelFields = ["published_website", "published_wechat", "published_media"]
    /// Where a count of a channel with no field of its own (微博, 宣传栏) goes: a pseudo-field no
    /// record shows, kept so that "one channel only" (`unless_same_section`) knows of the channel.
    public static let otherChannelField = "other_channel"

    /// Field (or "other") → the expanded pattern of words naming it.
    public let patterns: [(field: String, pattern: String)]

    public init(patterns: [(field: String, pattern: String)]) { self.patterns = patterns }

    /// Compiled per thread.
    final class Matcher {
        let regexes: [(field: String, regex: ICURegex)]
        init(_ catalogue: ChannelCatalogue) throws {
            regexes = try catalogue.patterns.map { ($0.field, try ICURegex($0.pattern)) }
        }

        /// Answers for the bound document: the rules that read channels ask about the same
        /// clauses over and over.
        private var known: [Range<Int>: Set<String>] = [:]

        /// Attaches a document for `channels(in:)` (see `ICURegex.bind`).
        func bind(_ units: UnsafeBufferPointer<UInt16>) {
            known.removeAll(keepingCapacity: true)
            for (_, regex) in regexes { regex.bind(units) }
        }

        func unbind() {
            known.removeAll(keepingCapacity: true)
            for (_, regex) in regexes { regex.unbind() }
        }

        /// Where channels are named in `range` of the bound document, sorted and merged.
        func names(in range: Range<Int>) -> [Range<Int>] {
            guard !range.isEmpty else { return [] }
            return KeywordWindows.merge(regexes.flatMap { $0.regex.find(in: range).map(\.range) })
        }

        /// The channels (fields, or "other") named in `range` of the bound document.
        func channels(in range: Range<Int>) -> Set<String> {
            guard !range.isEmpty else { return [] }
            if let answer = known[range] { return answer }
            var found = Set<String>()
            for (field, regex) in regexes where !regex.find(in: range).isEmpty {
                found.insert(field)
            }
            known[range] = found
            return found
        }
    }
}
