import Foundation
import GRDB
import NianbaoCore

/// Records into a SQLite database: documents, fields (with confidence, evidence offsets and
/// rule), table cells, checks, errors and runs, with indices. Written in transactions of a few
/// hundred documents, so a run that is killed leaves a consistent database that holds every
/// document of every committed batch; `--resume` then does the rest.
public final class SQLiteWriter: RecordWriter {
    private let queue: DatabaseQueue
    private var pending: [DocumentOutcome] = []
    private let batchSize: Int
    private let runID: Int64
    private let specs: [TableSpec]

    public init(path: String, engine: String, rulesVersion: String, tables specs: [TableSpec], batchSize: Int = 200) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        self.batchSize = batchSize
        self.specs = specs
        try queue.write { db in try Self.createSchema(db) }
        runID = try queue.write { db -> Int64 in
            try db.execute(sql: "INSERT INTO runs (engine, rules_version, started_at) VALUES (?, ?, ?)",
                           arguments: [engine, rulesVersion, ISO8601DateFormatter().string(from: Date())])
            return db.lastInsertedRowID
        }
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: """
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY, engine TEXT NOT NULL, rules_version TEXT NOT NULL,
            started_at TEXT NOT NULL, finished_at TEXT,
            documents INTEGER, records INTEGER, errors INTEGER, skipped INTEGER, fields_found INTEGER);
        CREATE TABLE IF NOT EXISTS documents (
            document TEXT PRIMARY KEY, hash TEXT NOT NULL, rules_version TEXT NOT NULL, run_id INTEGER NOT NULL REFERENCES runs(id),
            charset TEXT, length INTEGER, agency TEXT, report_year INTEGER, record TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS fields (
            document TEXT NOT NULL REFERENCES documents(document) ON DELETE CASCADE, field TEXT NOT NULL,
            value TEXT NOT NULL, number REAL, qualifier TEXT, confidence REAL NOT NULL,
            rule TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, evidence TEXT NOT NULL,
            PRIMARY KEY (document, field));
        CREATE TABLE IF NOT EXISTS table_cells (
            document TEXT NOT NULL REFERENCES documents(document) ON DELETE CASCADE, table_name TEXT NOT NULL,
            row TEXT NOT NULL, "column" TEXT NOT NULL, value REAL,
            PRIMARY KEY (document, table_name, row, "column"));
        CREATE TABLE IF NOT EXISTS checks (
            document TEXT NOT NULL REFERENCES documents(document) ON DELETE CASCADE, name TEXT NOT NULL, subject TEXT NOT NULL,
            passed INTEGER NOT NULL, expected REAL, found REAL);
        CREATE TABLE IF NOT EXISTS errors (
            document TEXT NOT NULL REFERENCES documents(document) ON DELETE CASCADE, kind TEXT NOT NULL, message TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS fields_by_field ON fields (field, value);
        CREATE INDEX IF NOT EXISTS cells_by_cell ON table_cells (table_name, row, "column");
        CREATE INDEX IF NOT EXISTS checks_by_name ON checks (name, passed);
        CREATE INDEX IF NOT EXISTS checks_by_document ON checks (document);
        CREATE INDEX IF NOT EXISTS errors_by_kind ON errors (kind);
        """)
    }

    public func write(_ outcome: DocumentOutcome) throws {
        pending.append(outcome)
        if pending.count >= batchSize { try flush() }
    }

    public func finish(_ totals: RunProgress) throws {
        try flush()
        try queue.write { db in
            try db.execute(sql: """
                UPDATE runs SET finished_at = ?, documents = ?, records = ?, errors = ?, skipped = ?, fields_found = ? WHERE id = ?
                """, arguments: [ISO8601DateFormatter().string(from: Date()), totals.done, totals.records, totals.errors,
                                 totals.skipped, totals.fields, runID])
        }
    }

    /// One transaction for the pending documents: all of them are in, or none.
    private func flush() throws {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        try queue.write { db in
            for outcome in batch { try insert(outcome, db) }
        }
    }

    private func insert(_ outcome: DocumentOutcome, _ db: Database) throws {
        let record = outcome.record
        guard case .string(let document)? = record["document"] else { return }
        try db.execute(sql: "DELETE FROM fields WHERE document = ?", arguments: [document])
        try db.execute(sql: "DELETE FROM table_cells WHERE document = ?", arguments: [document])
        try db.execute(sql: "DELETE FROM checks WHERE document = ?", arguments: [document])
        try db.execute(sql: "DELETE FROM errors WHERE document = ?", arguments: [document])
        let rulesVersion = Self.string(record["rules_version"]) ?? ""
        try db.execute(sql: """
            INSERT OR REPLACE INTO documents (document, hash, rules_version, run_id, charset, length, agency, report_year, record)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [document, outcome.hash, rulesVersion, runID, Self.string(record["source"]?["charset"]),
                             Self.int(record["source"]?["length"]), Self.string(record["fields"]?["agency"]?["value"]),
                             Self.int(record["fields"]?["report_year"]?["value"]), outcome.serialized])
        if let error = record["error"] {
            try db.execute(sql: "INSERT INTO errors (document, kind, message) VALUES (?, ?, ?)",
                           arguments: [document, Self.string(error["kind"]), Self.string(error["message"])])
            return
        }
        if case .object(let fields)? = record["fields"] {
            for (name, field) in fields where field != .null {
                let value = field["value"]
                try db.execute(sql: """
                    INSERT INTO fields (document, field, value, number, qualifier, confidence, rule, start, "end", evidence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [document, name, Self.string(value) ?? value?.serialized(), Self.number(value),
                                     Self.string(field["qualifier"]), Self.number(field["confidence"]),
                                     Self.string(field["evidence"]?["rule"]), Self.int(field["evidence"]?["start"]),
                                     Self.int(field["evidence"]?["end"]), Self.string(field["evidence"]?["text"])])
            }
        }
        for cell in TableCells.longForm(record, specs: specs) {
            try db.execute(sql: "INSERT INTO table_cells (document, table_name, row, \"column\", value) VALUES (?, ?, ?, ?, ?)",
                           arguments: [document, cell.table, cell.row, cell.column, Self.number(cell.value)])
        }
        if case .array(let checks)? = record["checks"] {
            for check in checks {
                let passed: Bool = { if case .bool(let b)? = check["passed"] { return b }; return false }()
                try db.execute(sql: "INSERT INTO checks (document, name, subject, passed, expected, found) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [document, Self.string(check["name"]), Self.string(check["subject"]), passed,
                                           Self.number(check["expected"]), Self.number(check["found"])])
            }
        }
    }

    /// What the database already holds, for `--resume`.
    public static func existing(_ path: String) throws -> ExistingRecords {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            guard try db.tableExists("documents") else { return [:] }
            var records: ExistingRecords = [:]
            for row in try Row.fetchAll(db, sql: "SELECT document, hash, rules_version FROM documents") {
                records[row["document"]] = (row["hash"], row["rules_version"])
            }
            return records
        }
    }

    static func string(_ value: JSONValue?) -> String? {
        if case .string(let s)? = value { return s }
        return nil
    }

    static func int(_ value: JSONValue?) -> Int? {
        if case .int(let n)? = value { return n }
        return nil
    }

    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .int(let n)?: return Double(n)
        case .double(let d)?: return d
        default: return nil
        }
    }
}
