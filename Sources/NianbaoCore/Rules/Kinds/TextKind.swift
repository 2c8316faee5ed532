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
            // A host has no spaces (www. example.gov.cn is www.example.gov.cn).
            return (field, .text(lowercase ? text.removingSpaces.lowercased() : text), nil)
        }
    }
}

extension String {
    /// The string without leading and trailing white space (scalar by scalar: no grapheme work).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }

    /// The string without any white space.
    var removingSpaces: String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: unicodeScalars.lazy.filter { !$0.properties.isWhitespace })
        return String(result)
    }
}
