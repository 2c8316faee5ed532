@_implementationOnly import CICU

/// The version of the ICU library linked in ("72.1").
public enum ICUVersion {
    public static let string: String = {
        var version: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
        var text = [CChar](repeating: 0, count: 32)
        withUnsafeMutableBytes(of: &version) { raw in
            u_getVersion_72(raw.baseAddress!.assumingMemoryBound(to: UInt8.self))
            u_versionToString_72(raw.baseAddress!.assumingMemoryBound(to: UInt8.self), &text)
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()
}
