import Foundation

/// Where a corpus run's records go: JSON Lines, CSV or SQLite.
public protocol RecordWriter: AnyObject {
    func write(_ outcome: DocumentOutcome) throws
    /// Called once after the last document, with the run's totals.
    func finish(_ totals: RunProgress) throws
}

/// What an output already holds, for `--resume`: document → (content hash, rules version).
public typealias ExistingRecords = [String: (hash: String, rulesVersion: String)]

/// JSON Lines: one record per line, to standard output or a file (appended to on resume).
public final class JSONLinesWriter: RecordWriter {
    private let handle: FileHandle
    private let closes: Bool

    public init(path: String?, append: Bool = false) throws {
        if let path {
            let manager = FileManager.default
            if !append || !manager.fileExists(atPath: path) {
                guard manager.createFile(atPath: path, contents: nil) else { throw WriterError("cannot create \(path)") }
            }
            guard let handle = FileHandle(forWritingAtPath: path) else { throw WriterError("cannot write \(path)") }
            if append { try handle.seekToEnd() }
            self.handle = handle
            closes = true
        } else {
            handle = FileHandle.standardOutput
            closes = false
        }
    }

    /// Lines waiting to be written: one write per ~256 KB, not one per document. A killed run
    /// loses them as it loses the documents in flight (`--resume` redoes them).
    private var pending: [UInt8] = []
    private static let flushSize = 256 << 10

    public func write(_ outcome: DocumentOutcome) throws {
        pending.append(contentsOf: outcome.serialized.utf8)
        pending.append(0x0A)
        if pending.count >= Self.flushSize { try flush() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        try handle.write(contentsOf: Data(pending))
        pending.removeAll(keepingCapacity: true)
    }

    public func finish(_ totals: RunProgress) throws {
        try flush()
        if closes { try handle.close() }
    }

    /// The records of an existing JSON Lines output. A last line cut short by a killed run is
    /// removed from the file (it is redone), so the output never holds half a record.
    public static func existing(_ path: String) throws -> ExistingRecords {
        guard let data = FileManager.default.contents(atPath: path) else { return [:] }
        var records: ExistingRecords = [:]
        var validEnd = 0
        var start = 0
        let bytes = [UInt8](data)
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { break }
            let line = Data(bytes[start..<newline])
            if let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
               let document = object["document"] as? String {
                let source = object["source"] as? [String: Any]
                records[document] = (source?["hash"] as? String ?? "", object["rules_version"] as? String ?? "")
                validEnd = newline + 1
            } else {
                break
            }
            start = newline + 1
        }
        if validEnd < bytes.count {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.truncate(atOffset: UInt64(validEnd))
            try handle.close()
        }
        return records
    }
}

/// CSV (RFC 4180, UTF-8, header row): one row per document, one column per field value with its
/// `_qualifier` and `_confidence`; and, if asked, the table cells in long form in a second file.
public final class CSVWriter: RecordWriter {
    private let handle: FileHandle
    private let tables: FileHandle?
    private let closes: Bool

    public static var header: [String] {
        ["document", "error_kind", "error_message"]
            + FieldCatalogue.names.flatMap { [$0, $0 + "_qualifier", $0 + "_confidence"] }
    }

    private let specs: [TableSpec]

    public init(path: String?, tablesPath: String?, tables specs: [TableSpec]) throws {
        self.specs = specs
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw WriterError("cannot write \(path)")
            }
            self.handle = handle
            closes = true
        } else {
            handle = FileHandle.standardOutput
            closes = false
        }
        if let tablesPath {
            guard FileManager.default.createFile(atPath: tablesPath, contents: nil), let tables = FileHandle(forWritingAtPath: tablesPath) else {
                throw WriterError("cannot write \(tablesPath)")
            }
            self.tables = tables
            try tables.write(contentsOf: Data(Self.row(["document", "table", "row", "column", "value"]).utf8))
        } else {
            tables = nil
        }
        try handle.write(contentsOf: Data(Self.row(Self.header).utf8))
    }

    public func write(_ outcome: DocumentOutcome) throws {
        let record = outcome.record
        let document = Self.text(record["document"])
        var cells = [document, Self.text(record["error"]?["kind"]), Self.text(record["error"]?["message"])]
        for name in FieldCatalogue.names {
            let field = record["fields"]?[name]
            cells += [Self.text(field?["value"]), Self.text(field?["qualifier"]), Self.text(field?["confidence"])]
        }
        try handle.write(contentsOf: Data(Self.row(cells).utf8))
        if let tables {
            var lines = ""
            for cell in TableCells.longForm(record, specs: specs) {
                lines += Self.row([document, cell.table, cell.row, cell.column, cell.value.map { Self.text($0) } ?? ""])
            }
            if !lines.isEmpty { try tables.write(contentsOf: Data(lines.utf8)) }
        }
    }

    public func finish(_ totals: RunProgress) throws {
        if closes { try handle.close() }
        try tables?.close()
    }

    static func text(_ value: JSONValue?) -> String {
        switch value {
        case nil, .null?: return ""
        case .string(let s)?: return s
        case let other?: return other.serialized()
        }
    }

    static func row(_ cells: [String]) -> String {
        cells.map { cell in
            cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: ",") + "\r\n"
    }
}

/// A record's table cells one by one: (table, row, column, value); blank cells have nil.
public enum TableCells {
    public struct Cell: Sendable {
        public let table: String
        public let row: String
        public let column: String
        public let value: JSONValue?
    }

    public static func longForm(_ record: JSONValue, specs: [TableSpec]) -> [Cell] {
        guard case .object(let tables)? = record["tables"] else { return [] }
        var cells: [Cell] = []
        for (table, rows) in tables {
            guard case .object(let rowPairs) = rows else { continue }
            for (row, value) in rowPairs {
                switch value {
                case .object(let columns):
                    for (column, cell) in columns { cells.append(Cell(table: table, row: row, column: column, value: cell == .null ? nil : cell)) }
                case .array(let items):
                    for (i, cell) in items.enumerated() {
                        let columns = specs.first { $0.id == table }?.columns ?? []
                        let column = i < columns.count ? columns[i] : String(i + 1)
                        cells.append(Cell(table: table, row: row, column: column, value: cell == .null ? nil : cell))
                    }
                default:
                    cells.append(Cell(table: table, row: row, column: "value", value: value == .null ? nil : value))
                }
            }
        }
        return cells
    }
}

public struct WriterError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
