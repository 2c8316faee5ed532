/// `--shard K/N`: a stable hash partition of the documents by name, so N machines can split a
/// corpus without talking to each other; shards 1/N … N/N together are the whole corpus, once.
public struct Shard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else { return nil }
        index = k
        count = n
    }

    public func contains(_ name: String) -> Bool {
        Int(ContentHash.fnv1a(name.utf8) % UInt64(count)) == index - 1
    }
}
