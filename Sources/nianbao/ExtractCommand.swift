import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoFormats
import NianbaoSQLite

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv, sqlite
}

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract records from reports on every core: JSON Lines, CSV or SQLite.",
        discussion: """
        PATHs are files or folders (searched recursively for .txt, .md, .html files; gold/ folders
        and README/FIELDS/PROVENANCE notes are skipped). With no PATH, the bundled Corpus/ is read.
        Output order is the sorted document order whatever --jobs is. Progress goes to standard
        error when it is a terminal; a summary line ends every run (unless --quiet).
        Exit status: 0 when every document was read, 1 when some became error records,
        2 when the rules could not be loaded, 64 for a usage error, 130 when interrupted
        (SIGINT, SIGTERM: the documents in flight are written first).
        """
    )

    @Argument(help: "Report files or folders.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Write to FILE (required for sqlite) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Output format: jsonl, csv or sqlite.")
    var format: OutputFormat = .jsonl

    @Option(name: .long, help: "With csv: also write the table cells in long form (document, table, row, column, value) to FILE.")
    var tables: String?

    @Option(name: .shortAndLong, help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Skip documents the output already holds with the same content and rules version (jsonl, sqlite).")
    var resume = false

    @Option(name: .long, help: "Only shard K of N (K/N): a stable hash partition of the documents, for clusters.")
    var shard: String?

    @Flag(name: .customLong("no-tables"), help: "Narrative and metadata fields only: the three tables are not read (about 2.5× faster).")
    var noTables = false

    @Flag(name: .shortAndLong, help: "No progress and no summary.")
    var quiet = false

    @Option(name: .long, help: "Refuse documents larger than this many bytes.")
    var maxBytes: Int = 64 << 20

    @OptionGroup var ruleOptions: RuleOptions

    func validate() throws {
        if format == .sqlite && output == nil { throw ValidationError("--format sqlite needs --output FILE") }
        if resume && (output == nil || format == .csv) { throw ValidationError("--resume needs --output FILE in jsonl or sqlite") }
        if tables != nil && format != .csv { throw ValidationError("--tables goes with --format csv") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard takes K/N with 1 ≤ K ≤ N, e.g. 2/8") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        // A resumed run would keep table-less records as done (same content, same rules).
        if noTables && resume { throw ValidationError("--no-tables does not go with --resume") }
    }

    func run() throws {
        TextPreparer.warmUpInBackground()  // while the rules load and the files are listed
        let ruleSet = try ruleOptions.load()
        var inputs = paths
        var root: String?
        if inputs.isEmpty {
            guard let corpus = ProjectPaths.corpus else { throw ValidationError("no PATH given and no bundled Corpus/ found") }
            inputs = [corpus]
            root = corpus
        }
        var documents = DocumentFinder.documents(in: inputs).map { DocumentJob(path: $0, name: DocumentNames.display($0, root: root)) }
        if let shard = shard.flatMap(Shard.init) { documents = documents.filter { shard.contains($0.name) } }

        let existing: ExistingRecords
        if resume, let output {
            existing = format == .sqlite ? try SQLiteWriter.existing(output) : try JSONLinesWriter.existing(output)
        } else {
            existing = [:]
        }
        let writer: RecordWriter
        switch format {
        case .jsonl: writer = try JSONLinesWriter(path: output, append: resume)
        case .csv: writer = try CSVWriter(path: output, tablesPath: tables, tables: ruleSet.tables)
        case .sqlite: writer = try SQLiteWriter(path: output!, engine: "\(EngineInfo.name) \(EngineInfo.version)",
                                                rulesVersion: ruleSet.version, tables: ruleSet.tables)
        }
        let run = try CorpusRun(ruleSet: ruleSet, jobs: jobs, maxBytes: maxBytes, converters: DocumentFormats.converters)
        // JSON Lines needs only each record's line; SQLite stores the line and reads fields from the value.
        run.recordForm = format == .jsonl ? .line : format == .sqlite ? .both : .value
        run.readsTables = !noTables
        let display = ProgressDisplay(enabled: !quiet && isatty(2) != 0)
        let rulesVersion = ruleSet.version
        let isDone: @Sendable (String, String) -> Bool = { name, hash in
            guard let known = existing[name] else { return false }
            return known.hash == hash && known.rulesVersion == rulesVersion
        }
        let skip = existing.isEmpty ? nil : isDone
        // SIGINT / SIGTERM: finish the documents in flight, write them, close the output cleanly.
        let interrupted = Interrupted()
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { interrupted.set(); run.stop() }
            source.resume()
            return source
        }
        let totals = try run.run(documents, skip: skip, deliver: { _, outcome in try writer.write(outcome) },
                                 progress: { display.update($0) })
        signals.forEach { $0.cancel() }
        try writer.finish(totals)
        display.finish()
        if !quiet { StandardError.write(ProgressDisplay.summary(totals) + (interrupted.happened ? " (interrupted)" : "") + "\n") }
        if interrupted.happened { throw ExitCode(130) }
        if totals.errors > 0 { throw ExitCode(1) }
    }
}

/// How a document is named in its record: relative to the corpus root when the bundled corpus
/// is read (`seeds/001_….txt`, as gold files name them), else as the user gave it.
enum DocumentNames {
    static func display(_ path: String, root: String?) -> String {
        guard let root else { return path }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// A progress line on standard error, redrawn at most ten times a second.
final class ProgressDisplay {
    private let enabled: Bool
    private var last = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func update(_ p: RunProgress) {
        guard enabled, p.done == p.total || Date().timeIntervalSince(last) >= 0.1 else { return }
        last = Date()
        let eta = p.etaSeconds
        let line = String(format: "\r%d/%d documents  %.1f MB/s  ETA %d:%02d  %d errors ",
                          p.done, p.total, p.megabytesPerSecond, Int(eta) / 60, Int(eta) % 60, p.errors)
        StandardError.write(line)
        drawn = true
    }

    func finish() { if drawn { StandardError.write("\n") } }

    static func summary(_ p: RunProgress) -> String {
        String(format: "%d documents: %d records, %d errors, %d skipped (resume), %d fields found; %.1f s, %.1f MB/s, %.0f documents/s",
               p.done, p.records, p.errors, p.skipped, p.fields, p.seconds, p.megabytesPerSecond, p.documentsPerSecond)
    }
}

/// Set by a signal handler on another thread, read after the run.
final class Interrupted: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.lock(); flag = true; lock.unlock() }
    var happened: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}
