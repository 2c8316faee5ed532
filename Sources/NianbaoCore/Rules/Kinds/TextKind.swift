/// `kind: text` (and `notice`, `email`, `host`) — the document's own words, after NFKC and
/// normalization, copied from the display text (never from the simplified matching text, so a
/// traditional-script report keeps 國辦公開辦函). `host` lower-cases.
public struct TextKind: RuleKind {
    public static let name = "text"
    public static let hostName = "host"
    public static let noticeName = "notice"
    public static let emailName = "email"
    public static let fieldTypes: Set<FieldType> = [.text]
    let lowercase: Bool

    public init(lowercase: Bool = false) { self.lowercase = lowercase }

    public func values(from match: RuleMatch, groups: [String: String]) -> [(field: String, value: FieldValue, qualifier: Qualifier?)] {
        groups.sorted { $0.key < $1.key }.compactMap { group, field in
            guard let text = match.display(group)?.trimmingSpaces, !text.isEmpty else { return nil }
            return (field, .text(lowercase ? text.lowercased() : text), nil)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
