/// Receives JSON piece by piece, so that a record is described once (`RecordBuilder.write`) and
/// either assembled as a `JSONValue` (for writers that read fields back: CSV, SQLite) or written
/// straight out as bytes (JSON Lines) without building the tree first.
public protocol JSONSink {
    mutating func openObject()
    mutating func closeObject()
    mutating func openArray()
    mutating func closeArray()
    /// The key of the next value, inside an object.
    mutating func key(_ key: String)
    /// A value: a scalar, or a small value made beforehand.
    mutating func value(_ value: JSONValue)
}

extension JSONSink {
    mutating func field(_ key: String, _ value: JSONValue) {
        self.key(key)
        self.value(value)
    }
}

/// Compact JSON as UTF-8 bytes, written as the pieces arrive.
public struct JSONByteSink: JSONSink {
    public private(set) var bytes: [UInt8] = []
    /// Per open container: nothing written in it yet (no comma before the next member).
    private var empty: [Bool] = []
    private var afterKey = false

    public init(capacity: Int = 8192) { bytes.reserveCapacity(capacity) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separate() {
        if afterKey { afterKey = false; return }
        guard let last = empty.indices.last else { return }
        if empty[last] { empty[last] = false } else { bytes.append(0x2C) }
    }

    public mutating func openObject() { separate(); bytes.append(0x7B); empty.append(true) }
    public mutating func closeObject() { empty.removeLast(); bytes.append(0x7D) }
    public mutating func openArray() { separate(); bytes.append(0x5B); empty.append(true) }
    public mutating func closeArray() { empty.removeLast(); bytes.append(0x5D) }

    public mutating func key(_ key: String) {
        separate()
        JSONValue.writeString(key, to: &bytes)
        bytes.append(0x3A)
        afterKey = true
    }

    public mutating func value(_ value: JSONValue) {
        separate()
        value.write(to: &bytes)
    }
}

/// A `JSONValue` assembled from the pieces.
public struct JSONTreeSink: JSONSink {
    private struct Container {
        var pairs: [(String, JSONValue)] = []
        var items: [JSONValue] = []
        let isObject: Bool
        var key = ""
    }
    private var open: [Container] = []
    public private(set) var result: JSONValue = .null

    public init() {}

    private mutating func add(_ value: JSONValue) {
        guard let last = open.indices.last else { result = value; return }
        if open[last].isObject { open[last].pairs.append((open[last].key, value)) } else { open[last].items.append(value) }
    }

    public mutating func openObject() { open.append(Container(isObject: true)) }
    public mutating func closeObject() { add(.object(open.removeLast().pairs)) }
    public mutating func openArray() { open.append(Container(isObject: false)) }
    public mutating func closeArray() { add(.array(open.removeLast().items)) }
    public mutating func key(_ key: String) { open[open.count - 1].key = key }
    public mutating func value(_ value: JSONValue) { add(value) }
}
