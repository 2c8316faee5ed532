import Foundation
import XCTest
import NianbaoCore
import NianbaoSQLite

/// Corpus-wide runs: order across job counts, the three output formats, resume after a killed
/// run, shards, and the record schema.
final class CorpusRunTests: XCTestCase {
    private func corpusJobs() -> [DocumentJob] {
        let root = Repository.corpus.path
        return DocumentFinder.documents(in: [root]).map { DocumentJob(path: $0, name: String($0.dropFirst(root.count + 1))) }
    }

    private func jsonLines(jobs: Int) throws -> String {
        var lines = ""
        _ = try CorpusRun(ruleSet: Repository.ruleSet, jobs: jobs).run(corpusJobs(), deliver: { _, outcome in
            lines += outcome.record.serialized() + "\n"
        }, progress: { _ in })
        return lines
    }

    func testOutputIsIdenticalWhateverTheJobCount() throws {
        let one = try jsonLines(jobs: 1)
        XCTAssertEqual(one.split(separator: "\n").count, 14)
        XCTAssertEqual(try jsonLines(jobs: 2), one)
        XCTAssertEqual(try jsonLines(jobs: 5), one)
    }

    /// JSON Lines output writes each record straight as bytes: that line is the record's value, serialized.
    func testRecordLinesAreTheRecordValuesSerialized() throws {
        let pipeline = try ExtractionPipeline(ruleSet: Repository.ruleSet)
        let jobs = corpusJobs()
        XCTAssertEqual(jobs.count, 14)
        for job in jobs {
            let line = pipeline.process(path: job.path, displayName: job.name, form: .line)
            let value = pipeline.process(path: job.path, displayName: job.name, form: .value)
            XCTAssertEqual(line.line, value.record.serialized(), job.name)
            XCTAssertEqual(line.record, .null)
            XCTAssertNil(value.line)
        }
        let missing = pipeline.process(path: "/nonexistent/report.txt", displayName: "report.txt", form: .line)
        XCTAssertTrue(missing.failed)
        XCTAssertEqual(missing.line, missing.record.serialized())
    }

    /// `--no-tables`: the same field values, no tables, and a warning that says so.
    func testWithoutTablesTheFieldValuesAreTheSame() throws {
        var full: [JSONValue] = [], narrative: [JSONValue] = []
        _ = try CorpusRun(ruleSet: Repository.ruleSet, jobs: 2).run(corpusJobs(), deliver: { _, outcome in
            full.append(outcome.record)
        }, progress: { _ in })
        let run = try CorpusRun(ruleSet: Repository.ruleSet, jobs: 2)
        run.readsTables = false
        _ = run.run(corpusJobs(), deliver: { _, outcome in narrative.append(outcome.record) }, progress: { _ in })
        XCTAssertEqual(full.count, narrative.count)
        var compared = 0
        for (record, fieldsOnly) in zip(full, narrative) {
            for name in FieldCatalogue.names {
                let value = { (r: JSONValue) in [r["fields"]?[name]?["value"], r["fields"]?[name]?["qualifier"]].map { $0?.serialized() ?? "null" } }
                XCTAssertEqual(value(record), value(fieldsOnly), "\(record["document"]!.serialized()) \(name)")
                compared += 1
            }
            XCTAssertEqual(fieldsOnly["tables"], .object([]))
            XCTAssertEqual(fieldsOnly["checks"], .array([]))
            XCTAssertNotEqual(record["tables"], .object([]))
            XCTAssertTrue(fieldsOnly["warnings"]!.serialized().contains("tables not read"))
        }
        XCTAssertGreaterThan(compared, 100)
    }

    func testShardsTogetherAreTheCorpusOnce() {
        let names = corpusJobs().map(\.name) + (0..<500).map { "bench/doc\($0).txt" }
        let shards = (1...3).map { Shard("\($0)/3")! }
        for name in names { XCTAssertEqual(shards.filter { $0.contains(name) }.count, 1, name) }
        XCTAssertTrue(shards.allSatisfy { shard in names.filter(shard.contains).count > 100 })
        XCTAssertNil(Shard("4/3"))
        XCTAssertNil(Shard("0/3"))
        XCTAssertNil(Shard("x"))
    }

    func testCSVAndSQLiteHoldWhatJSONLinesHolds() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jsonl = folder.appendingPathComponent("r.jsonl").path, csv = folder.appendingPathComponent("r.csv").path
        let cells = folder.appendingPathComponent("cells.csv").path, db = folder.appendingPathComponent("r.db").path
        let writers: [RecordWriter] = [
            try JSONLinesWriter(path: jsonl), try CSVWriter(path: csv, tablesPath: cells, tables: Repository.ruleSet.tables),
            try SQLiteWriter(path: db, engine: "test", rulesVersion: Repository.ruleSet.version, tables: Repository.ruleSet.tables, batchSize: 5),
        ]
        let totals = try CorpusRun(ruleSet: Repository.ruleSet, jobs: 2).run(corpusJobs(), deliver: { _, outcome in
            for writer in writers { try writer.write(outcome) }
        }, progress: { _ in })
        for writer in writers { try writer.finish(totals) }

        let records = try String(contentsOfFile: jsonl, encoding: .utf8).split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        // CSV: one row per record, each field's value, qualifier and confidence as in the record.
        let rows = CSVParsing.parse(try String(contentsOfFile: csv, encoding: .utf8))
        XCTAssertEqual(rows.first, CSVWriter.header)
        XCTAssertEqual(rows.count, records.count + 1)
        for (record, row) in zip(records, rows.dropFirst()) {
            let cells = Dictionary(uniqueKeysWithValues: zip(rows[0], row))
            XCTAssertEqual(cells["document"], record["document"] as? String)
            let fields = record["fields"] as! [String: Any]
            for name in FieldCatalogue.names {
                let field = fields[name] as? [String: Any]
                XCTAssertEqual(cells[name], field.map { "\($0["value"]!)" } ?? "", name)
                XCTAssertEqual(cells[name + "_qualifier"], field?["qualifier"] as? String ?? "", name)
                XCTAssertEqual(cells[name + "_confidence"].flatMap(Double.init), field?["confidence"] as? Double, name)
            }
        }
        let cellRows = CSVParsing.parse(try String(contentsOfFile: cells, encoding: .utf8))
        XCTAssertEqual(cellRows.count - 1, records.count * (10 + 25 * 7 + 15))
        XCTAssertTrue(cellRows.contains(["seeds/001_820fcc988f57598f.txt", "article20", "licensing_decisions", "value", "507"]))

        // SQLite: the same records, field rows and cells.
        let stored = try sqliteScalar(db, "SELECT record FROM documents ORDER BY document;")
        let jsonlText = try String(contentsOfFile: jsonl, encoding: .utf8)
        XCTAssertEqual(Set(stored.split(separator: "\n")), Set(jsonlText.split(separator: "\n")))
        let counts = try sqliteScalar(db, "SELECT (SELECT count(*) FROM fields) || ' ' || (SELECT count(*) FROM table_cells) || ' ' || (SELECT count(*) FROM runs WHERE finished_at IS NOT NULL);")
        let fieldCount = records.reduce(0) { $0 + (($1["fields"] as! [String: Any]).values.filter { !($0 is NSNull) }.count) }
        XCTAssertEqual(counts, "\(fieldCount) \(records.count * 200) 1")
        XCTAssertEqual(try sqliteScalar(db, "SELECT value FROM fields WHERE document = 'seeds/001_820fcc988f57598f.txt' AND field = 'published_total';"), "397")
    }

    private func sqliteScalar(_ db: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        let pipe = Pipe()
        process.standardOutput = pipe
        process.arguments = [db, sql]
        try process.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testEveryCorpusRecordFollowsTheSchema() throws {
        let data = try Data(contentsOf: Repository.root.appendingPathComponent("schema/record.schema.json"))
        let validator = SchemaValidator(root: try JSONSerialization.jsonObject(with: data) as! [String: Any])
        let pipeline = try ExtractionPipeline(ruleSet: Repository.ruleSet)
        for job in corpusJobs() {
            let record = pipeline.process(path: job.path, displayName: job.name).record
            let problems = validator.validate(try JSONSerialization.jsonObject(with: Data(record.serialized().utf8)))
            XCTAssertEqual(problems, [], job.name)
        }
        let error = pipeline.process(bytes: [], displayName: "empty.txt").record
        XCTAssertEqual(validator.validate(try JSONSerialization.jsonObject(with: Data(error.serialized().utf8))), [])
        // And the validator does reject what the schema forbids.
        var broken = try JSONSerialization.jsonObject(with: Data(pipeline.process(path: corpusJobs()[0].path, displayName: "x").record.serialized().utf8)) as! [String: Any]
        broken["fields"] = ["agency": 3]
        XCTAssertFalse(validator.validate(broken).isEmpty)
    }

    // MARK: Resume after a killed run

    private func makeCorpus(_ count: Int) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-resume-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let seeds = DocumentFinder.documents(in: [Repository.corpus.appendingPathComponent("seeds").path])
        for i in 0..<count {
            var text = try String(contentsOfFile: seeds[i % seeds.count], encoding: .utf8)
            text += "\n本报告编号\(i)。\n"
            try text.write(to: folder.appendingPathComponent(String(format: "doc%04d.txt", i)), atomically: true, encoding: .utf8)
        }
        return folder
    }

    private func runChild(_ arguments: [String], killAfterLines: Int?, output: String, signal: Int32 = SIGKILL) throws -> Int32 {
        let process = Process()
        process.executableURL = try XCTUnwrap(Repository.nianbao, "build the nianbao product first (swift build)")
        process.arguments = arguments + ["--quiet", "--rules", Repository.rules]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        if let lines = killAfterLines {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if let count = try? countRecords(output), count >= lines { break }
                usleep(20_000)
            }
            kill(process.processIdentifier, signal)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func countRecords(_ output: String) throws -> Int {
        if output.hasSuffix(".db") { return Int(try sqliteScalar(output, "SELECT count(*) FROM documents;")) ?? 0 }
        return (try String(contentsOfFile: output, encoding: .utf8)).filter { $0 == "\n" }.count
    }

    private func checkResume(format: String, file: String) throws {
        let corpus = try makeCorpus(400)
        defer { try? FileManager.default.removeItem(at: corpus) }
        let output = corpus.appendingPathComponent(file).path
        let arguments = ["extract", corpus.path, "--format", format, "--output", output, "--jobs", "2"]
        let status = try runChild(arguments, killAfterLines: format == "sqlite" ? 200 : 20, output: output)
        XCTAssertNotEqual(status, 0, "the first run was to be killed")
        let partial = try countRecords(output)
        XCTAssertLessThan(partial, 400)
        XCTAssertEqual(try runChild(arguments + ["--resume"], killAfterLines: nil, output: output), 0)
        if format == "sqlite" {
            XCTAssertEqual(try sqliteScalar(output, "SELECT count(*), count(DISTINCT document) FROM documents;"), "400|400")
            XCTAssertEqual(try sqliteScalar(output, "PRAGMA integrity_check;"), "ok")
        } else {
            let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
            let documents = try lines.map { (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["document"] as! String }
            XCTAssertEqual(documents.count, 400)
            XCTAssertEqual(Set(documents).count, 400)
        }
    }

    func testResumeAfterAKilledJSONLinesRun() throws { try checkResume(format: "jsonl", file: "out.jsonl") }

    /// SIGTERM (or SIGINT): the documents in flight are finished and written, the database is
    /// closed cleanly (its run has an end), exit status 130; --resume then does the rest.
    func testTerminatedRunClosesCleanly() throws {
        let corpus = try makeCorpus(400)
        defer { try? FileManager.default.removeItem(at: corpus) }
        let output = corpus.appendingPathComponent("out.db").path
        let arguments = ["extract", corpus.path, "--format", "sqlite", "--output", output, "--jobs", "2"]
        let status = try runChild(arguments, killAfterLines: 200, output: output, signal: SIGTERM)
        XCTAssertEqual(status, 130)
        let written = Int(try sqliteScalar(output, "SELECT count(*) FROM documents;")) ?? 0
        XCTAssertGreaterThanOrEqual(written, 200)
        XCTAssertLessThan(written, 400)
        XCTAssertEqual(try sqliteScalar(output, "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL;"), "1")
        XCTAssertEqual(try runChild(arguments + ["--resume"], killAfterLines: nil, output: output), 0)
        XCTAssertEqual(try sqliteScalar(output, "SELECT count(*), count(DISTINCT document) FROM documents;"), "400|400")
    }

    func testResumeAfterAKilledSQLiteRun() throws { try checkResume(format: "sqlite", file: "out.db") }
}

/// RFC 4180 reading, for the tests.
enum CSVParsing {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r" { continue }
            else if c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.unicodeScalars.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
