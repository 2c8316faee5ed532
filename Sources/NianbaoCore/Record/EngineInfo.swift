/// The engine's name and version, written into every record.
public enum EngineInfo {
    public static let name = "nianbao"
    public static let version = "0.1.0"
    /// What record offsets count: Unicode scalars (code points) of the decoded document text.
    public static let offsetUnit = "unicode_scalar"
}
