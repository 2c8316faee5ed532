import ArgumentParser
import Foundation
import NianbaoCore

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write one JSON record per document (JSON Lines).",
        discussion: """
        PATHs are files or folders (searched recursively for .txt, .md, .html files; gold/ folders
        and README/FIELDS/PROVENANCE notes are skipped). With no PATH, the bundled Corpus/ is read.
        Exit status: 0 when every document was read, 1 when some became error records,
        2 when the rules could not be loaded, 64 for a usage error.
        """
    )

    @Argument(help: "Report files or folders.")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "Write the records to FILE instead of standard output.")
    var output: String?

    @Option(name: .long, help: "Refuse documents larger than this many bytes.")
    var maxBytes: Int = 64 << 20

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let ruleSet = try ruleOptions.load()
        var inputs = paths
        var root: String?
        if inputs.isEmpty {
            guard let corpus = ProjectPaths.corpus else { throw ValidationError("no PATH given and no bundled Corpus/ found") }
            inputs = [corpus]
            root = corpus
        }
        let documents = DocumentFinder.documents(in: inputs)
        let sink = try RecordSink(path: output)
        let pipeline = try ExtractionPipeline(ruleSet: ruleSet, maxBytes: maxBytes)
        var failures = 0
        for path in documents {
            let outcome = pipeline.process(path: path, displayName: DocumentNames.display(path, root: root))
            if outcome.failed { failures += 1 }
            sink.write(outcome.record)
        }
        sink.close()
        if failures > 0 { throw ExitCode(1) }
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

/// Writes JSON Lines to standard output or a file.
final class RecordSink {
    private let handle: FileHandle
    private let ownsHandle: Bool

    init(path: String?) throws {
        if let path {
            guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
                throw ValidationError("cannot write \(path)")
            }
            self.handle = handle
            ownsHandle = true
        } else {
            handle = FileHandle.standardOutput
            ownsHandle = false
        }
    }

    func write(_ record: JSONValue) {
        var line = record.serialized()
        line += "\n"
        handle.write(line.data(using: .utf8)!)
    }

    func close() { if ownsHandle { try? handle.close() } }
}
