/// How exactly a report states a count (FIELDS.md): 147条 exact, 约397条 approximate, 80余条 at least.
public enum Qualifier: String, Sendable, Codable {
    case exact
    case approximate
    case atLeast = "at_least"

    /// The qualifier a count's surrounding words give; `at_least` wins over `approximate`
    /// (近百余条 is still "more than").
    public static func from(words: [String]) -> Qualifier {
        var result = Qualifier.exact
        for word in words {
            switch word {
            case "余", "多", "以上", "超过", "突破", "逾", "超", "之多": return .atLeast
            case "约", "近", "大约", "将近", "左右": result = .approximate
            default: break
            }
        }
        return result
    }
}
