import Foundation

/// A saved run (`nianbao eval --save RUN.json`): the engine and rules versions and, for every
/// document, its field values and table cells, so two runs can be compared (`nianbao diff`).
public struct RunFile: Sendable {
    public let engine: String
    public let rulesVersion: String
    /// document → field → value ("value" or "value (qualifier)"), nil where the field is null.
    public let fields: [String: [String: String?]]
    /// document → table cell path (applications.new_received[6]) → value.
    public let cells: [String: [String: String?]]

    public init(records: [String: JSONValue], engine: String, rulesVersion: String) {
        self.engine = engine
        self.rulesVersion = rulesVersion
        var fields: [String: [String: String?]] = [:]
        var cells: [String: [String: String?]] = [:]
        for (document, record) in records {
            var values: [String: String?] = [:]
            for name in FieldCatalogue.names { values[name] = GoldFile.recordValue(record, field: name)?.description }
            fields[document] = values
            var flat: [String: String?] = [:]
            if let tables = record["tables"] { Self.flatten(tables, path: "", into: &flat) }
            cells[document] = flat
        }
        self.fields = fields
        self.cells = cells
    }

    private static func flatten(_ value: JSONValue, path: String, into out: inout [String: String?]) {
        switch value {
        case .object(let pairs): for (key, inner) in pairs { flatten(inner, path: path.isEmpty ? key : path + "." + key, into: &out) }
        case .array(let items): for (i, inner) in items.enumerated() { flatten(inner, path: path + "[\(i)]", into: &out) }
        case .null: out[path] = .some(nil)
        default: out[path] = value.serialized()
        }
    }

    public func json(evaluation: Evaluation?) -> JSONValue {
        func table(_ map: [String: [String: String?]]) -> JSONValue {
            .object(map.keys.sorted().map { document in
                (document, .object(map[document]!.keys.sorted().map { key in
                    (key, map[document]![key]!.map { .string($0) } ?? .null)
                }))
            })
        }
        var pairs: [(String, JSONValue)] = [("engine", .string(engine)), ("rules_version", .string(rulesVersion)),
                                            ("fields", table(fields)), ("table_cells", table(cells))]
        if let evaluation { pairs.append(("evaluation", EvaluationReport.json(evaluation))) }
        return .object(pairs)
    }

    public static func load(_ path: String) throws -> RunFile {
        guard let data = FileManager.default.contents(atPath: path),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let fields = json["fields"] as? [String: [String: Any]] else {
            throw DocumentError(kind: "bad_run", message: "\(path): not a saved run (nianbao eval --save)")
        }
        func strings(_ map: [String: [String: Any]]) -> [String: [String: String?]] {
            map.mapValues { $0.mapValues { $0 as? String } }
        }
        return RunFile(engine: json["engine"] as? String ?? "", rulesVersion: json["rules_version"] as? String ?? "",
                       fields: strings(fields), cells: strings(json["table_cells"] as? [String: [String: Any]] ?? [:]))
    }

    init(engine: String, rulesVersion: String, fields: [String: [String: String?]], cells: [String: [String: String?]]) {
        self.engine = engine
        self.rulesVersion = rulesVersion
        self.fields = fields
        self.cells = cells
    }
}

/// What changed between two runs, document by document.
public struct RunDiff: Sendable {
    public enum Change: String, Sendable { case gained, lost, changed }

    public struct Entry: Sendable, Equatable {
        public let document: String
        /// A field name, or a table cell path.
        public let key: String
        public let change: Change
        public let old: String?
        public let new: String?

        public init(document: String, key: String, change: Change, old: String?, new: String?) {
            self.document = document
            self.key = key
            self.change = change
            self.old = old
            self.new = new
        }
    }

    public let entries: [Entry]

    public init(old: RunFile, new: RunFile) {
        var entries: [Entry] = []
        for (oldMap, newMap) in [(old.fields, new.fields), (old.cells, new.cells)] {
            for document in Set(oldMap.keys).union(newMap.keys).sorted() {
                let before = oldMap[document] ?? [:], after = newMap[document] ?? [:]
                for key in Set(before.keys).union(after.keys).sorted() {
                    let a = before[key] ?? nil, b = after[key] ?? nil
                    switch (a, b) {
                    case (nil, nil): continue
                    case (nil, let v?): entries.append(.init(document: document, key: key, change: .gained, old: nil, new: v))
                    case (let v?, nil): entries.append(.init(document: document, key: key, change: .lost, old: v, new: nil))
                    case (let x?, let y?) where x != y: entries.append(.init(document: document, key: key, change: .changed, old: x, new: y))
                    default: continue
                    }
                }
            }
        }
        self.entries = entries
    }

    public var text: String {
        if entries.isEmpty { return "no differences\n" }
        var out = ""
        for entry in entries {
            out += "\(entry.change.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(entry.document)  \(entry.key): "
                + "\(entry.old ?? "null") → \(entry.new ?? "null")\n"
        }
        let counts = Dictionary(grouping: entries, by: \.change).mapValues(\.count)
        out += "\(counts[.gained] ?? 0) gained, \(counts[.lost] ?? 0) lost, \(counts[.changed] ?? 0) changed\n"
        return out
    }
}
