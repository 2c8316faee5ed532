/// A document's content hash (FNV-1a, 64 bits, hex): what `--resume` compares to know that a
/// document already in the output is the same document. Stable across runs and machines.
public enum ContentHash {
    public static let fnvOffsetBasis: UInt64 = 0xcbf29ce484222325

    /// FNV-1a over `bytes`, continuing from `hash` (so several pieces can be hashed as one).
    @inline(__always)
    public static func fnv1a<S: Sequence>(_ bytes: S, continuing hash: UInt64 = fnvOffsetBasis) -> UInt64 where S.Element == UInt8 {
        var hash = hash
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash
    }

    public static func of(_ bytes: [UInt8]) -> String {
        hex(bytes.withUnsafeBufferPointer { fnv1a($0) })
    }

    public static func of(_ text: String) -> String { of(Array(text.utf8)) }

    public static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
