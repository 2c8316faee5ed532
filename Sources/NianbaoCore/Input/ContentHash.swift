/// A document's content hash (FNV-1a, 64 bits, hex): what `--resume` compares to know that a
/// document already in the output is the same document. Stable across runs and machines.
public enum ContentHash {
    public static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf29ce484222325
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        }
        return hex(hash)
    }

    public static func of(_ text: String) -> String { of(Array(text.utf8)) }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
