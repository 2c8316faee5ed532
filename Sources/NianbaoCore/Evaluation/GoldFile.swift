import Foundation

/// A gold annotation file (FIELDS.md "Gold files"): the document it annotates and, per field,
/// the expected value (nil where the document does not state it).
public struct GoldFile: Sendable {
    public let path: String
    public let document: String
    public let fields: [String: GoldValue?]

    /// A field's expected value: the JSON value and, for counts, the qualifier.
    public struct GoldValue: Sendable, Equatable, CustomStringConvertible {
        public let value: String
        public let qualifier: String?
        public var description: String { qualifier.map { "\(value) (\($0))" } ?? value }
    }

    public static func load(_ path: String) throws -> GoldFile {
        guard let data = FileManager.default.contents(atPath: path),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let document = json["document"] as? String, let fields = json["fields"] as? [String: Any] else {
            throw DocumentError(kind: "bad_gold", message: "\(path): not a gold file (document and fields expected)")
        }
        var parsed: [String: GoldValue?] = [:]
        for name in FieldCatalogue.names { parsed[name] = value(fields[name]) }
        return GoldFile(path: path, document: document, fields: parsed)
    }

    /// Gold files of a folder, in name order.
    public static func loadAll(in folder: String) throws -> [GoldFile] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { try load(folder + "/" + $0) }
    }

    public static func value(_ raw: Any?) -> GoldValue? {
        switch raw {
        case nil, is NSNull: return nil
        case let object as [String: Any]:
            guard let inner = object["value"] else { return nil }
            return GoldValue(value: scalar(inner), qualifier: object["qualifier"] as? String)
        case let other?: return GoldValue(value: scalar(other), qualifier: nil)
        }
    }

    static func scalar(_ raw: Any) -> String {
        if let number = raw as? NSNumber { return number.stringValue }
        return String(describing: raw)
    }

    /// The value a record gives for `field`, in the same form.
    public static func recordValue(_ record: JSONValue, field: String) -> GoldValue? {
        guard let entry = record["fields"]?[field], case .object = entry, let value = entry["value"] else { return nil }
        let qualifier: String? = { if case .string(let q)? = entry["qualifier"] { return q }; return nil }()
        let text: String
        switch value {
        case .string(let s): text = s
        case .int(let n): text = String(n)
        case .double(let d): text = JSONValue.format(d)
        default: text = value.serialized()
        }
        return GoldValue(value: text, qualifier: qualifier)
    }
}
