import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoFormats

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Compare extraction with gold files: per field, per rule, table cells, calibration, misses.",
        discussion: """
        CORPUS is a folder whose gold/ files name documents relative to it (default: the bundled
        Corpus/). Exit status 3 when --min-f1 is given and the micro F1 is below it.
        """
    )

    @Argument(help: "Corpus folder (default: the bundled Corpus/).")
    var corpus: String?

    @Option(name: .long, help: "Gold folder (default: CORPUS/gold).")
    var gold: String?

    @Option(name: .long, help: "Evaluate these JSON Lines records instead of extracting.")
    var records: String?

    @Flag(name: .long, help: "Write the evaluation as JSON.")
    var json = false

    @Option(name: .long, help: "Exit with status 3 if the micro F1 (value and qualifier) is below this.")
    var minF1: Double?

    @Option(name: .long, help: "Save the run (values of every document, and this evaluation) for nianbao diff.")
    var save: String?

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        guard let root = corpus ?? ProjectPaths.corpus else { throw ValidationError("no corpus given and no bundled Corpus/ found") }
        let goldCorpus: GoldCorpus
        do { goldCorpus = try GoldCorpus(root: root, goldFolder: gold) } catch {
            throw ValidationError("cannot read gold files under \(gold ?? root + "/gold"): \(error)")
        }
        var recordMap: [String: JSONValue]
        var engine = "\(EngineInfo.name) \(EngineInfo.version)", rulesVersion = ""
        if let records {
            recordMap = try RecordFile.read(records)
            if case .string(let version)? = recordMap.values.first?["rules_version"] { rulesVersion = version }
        } else {
            let ruleSet = try ruleOptions.load()
            rulesVersion = ruleSet.version
            recordMap = goldCorpus.extract(with: try ExtractionPipeline(ruleSet: ruleSet, converters: DocumentFormats.converters()))
        }
        let evaluation = goldCorpus.evaluate(recordMap)
        print(json ? EvaluationReport.json(evaluation).serialized() : EvaluationReport.text(evaluation), terminator: json ? "\n" : "")
        if let save {
            engine = "\(EngineInfo.name) \(EngineInfo.version)"
            let run = RunFile(records: recordMap, engine: engine, rulesVersion: rulesVersion)
            try Data(run.json(evaluation: evaluation).serialized().utf8).write(to: URL(fileURLWithPath: save))
        }
        if let minF1, evaluation.micro.f1 < minF1 {
            StandardError.write(String(format: "micro F1 %.4f is below %.4f\n", evaluation.micro.f1, minF1))
            throw ExitCode(3)
        }
    }
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two saved runs (nianbao eval --save): fields and table cells gained, lost, changed."
    )

    @Argument(help: "The earlier run.") var old: String
    @Argument(help: "The later run.") var new: String

    func run() throws {
        let diff = RunDiff(old: try RunFile.load(old), new: try RunFile.load(new))
        print(diff.text, terminator: "")
    }
}

/// Reads a JSON Lines file of records, by document.
enum RecordFile {
    static func read(_ path: String) throws -> [String: JSONValue] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("cannot read \(path)")
        }
        var records: [String: JSONValue] = [:]
        for line in text.split(separator: "\n") where !line.isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)),
                  let dictionary = object as? [String: Any], let document = dictionary["document"] as? String else {
                throw ValidationError("\(path): a line is not a record")
            }
            records[document] = JSONValue(foundation: dictionary)
        }
        return records
    }
}
