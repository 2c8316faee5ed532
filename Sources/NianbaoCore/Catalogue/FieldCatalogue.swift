/// What kind of value a catalogue field holds, which decides how it is parsed and written.
public enum FieldType: String, Sendable {
    /// A string copied from the document (after NFKC): agency, notice, phone, e-mail, host.
    case text
    /// A year as an integer.
    case year
    /// An ISO 8601 date.
    case date
    /// A count `{value, qualifier}`.
    case count
}

/// How several candidates with different values for one field are settled.
public enum ResolutionPolicy: Sendable {
    /// The best-scored candidate wins.
    case bestScore
    /// The longest value wins among well-scored candidates (agency: "the fullest name").
    case longestText
}

/// One field of FIELDS.md.
public struct FieldSpec: Sendable {
    public let name: String
    public let type: FieldType
    public let policy: ResolutionPolicy
}

/// The field catalogue of FIELDS.md, declared once: it drives rule validation, records,
/// evaluation and every output format.
public enum FieldCatalogue {
    public static let fields: [FieldSpec] = [
        FieldSpec(name: "agency", type: .text, policy: .longestText),
        FieldSpec(name: "report_year", type: .year, policy: .bestScore),
        FieldSpec(name: "issue_date", type: .date, policy: .bestScore),
        FieldSpec(name: "period_start", type: .date, policy: .bestScore),
        FieldSpec(name: "period_end", type: .date, policy: .bestScore),
        FieldSpec(name: "format_notice", type: .text, policy: .bestScore),
        FieldSpec(name: "website", type: .text, policy: .bestScore),
        FieldSpec(name: "phone", type: .text, policy: .bestScore),
        FieldSpec(name: "email", type: .text, policy: .bestScore),
        FieldSpec(name: "published_total", type: .count, policy: .bestScore),
        FieldSpec(name: "published_website", type: .count, policy: .bestScore),
        FieldSpec(name: "published_wechat", type: .count, policy: .bestScore),
        FieldSpec(name: "published_media", type: .count, policy: .bestScore),
        FieldSpec(name: "wechat_followers", type: .count, policy: .bestScore),
        FieldSpec(name: "press_conferences", type: .count, policy: .bestScore),
        FieldSpec(name: "policy_interpretations", type: .count, policy: .bestScore),
        FieldSpec(name: "applications_received", type: .count, policy: .bestScore),
        FieldSpec(name: "proposals_handled", type: .count, policy: .bestScore),
        FieldSpec(name: "accident_reports_published", type: .count, policy: .bestScore),
        FieldSpec(name: "fees_collected", type: .count, policy: .bestScore),
    ]

    public static let names: [String] = fields.map(\.name)

    private static let byName: [String: FieldSpec] = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0) })

    public static func spec(_ name: String) -> FieldSpec? { byName[name] }

    /// A field's place in `fields` (catalogue order).
    static let indexByName: [String: Int] = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
}
