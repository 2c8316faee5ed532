import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoFormats

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check rule files, or calibrate rule priors against the gold corpus.",
        subcommands: [RulesCheckCommand.self, RulesCalibrateCommand.self]
    )
}

struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a rules folder: YAML syntax, unknown fields, kinds, scopes or word classes, duplicate ids, patterns that do not compile, examples that fail.",
        discussion: "Prints file:line: rule id: message for every problem; exit status 1 when there is any."
    )

    @Argument(help: "Rules folder (default: the bundled Rules/).")
    var folder: String?

    func run() throws {
        guard let path = folder ?? ProjectPaths.rules else { throw ValidationError("no Rules/ folder found") }
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSet.load(from: path)
        } catch let errors as RuleErrors {
            print(errors.description)
            print("\(errors.errors.count) problem(s)")
            throw ExitCode(1)
        }
        let failures = try RuleExampleRunner(ruleSet: ruleSet).failures()
        for failure in failures { print(failure.description) }
        let examples = ruleSet.rules.reduce(0) { $0 + $1.examples.count + $1.counterExamples.count }
        print("\(ruleSet.rules.count) rules, \(ruleSet.tables.count) tables, \(examples) examples: \(failures.count) failing")
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

struct RulesCalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Set each rule's prior from its precision on the gold corpus (smoothed) and write it back to the rule files.",
        discussion: "Only the prior values change; --dry-run shows the changes without writing."
    )

    @Argument(help: "Corpus folder (default: the bundled Corpus/).")
    var corpus: String?

    @Option(name: .long, help: "How many observations the current prior counts for (smoothing).")
    var weight: Double = 4

    @Flag(name: .long, help: "Show the changes, write nothing.")
    var dryRun = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        guard let root = corpus ?? ProjectPaths.corpus else { throw ValidationError("no corpus given and no bundled Corpus/ found") }
        let ruleSet = try ruleOptions.load()
        let goldCorpus = try GoldCorpus(root: root)
        let evaluation = goldCorpus.evaluate(goldCorpus.extract(with: try ExtractionPipeline(ruleSet: ruleSet, converters: DocumentFormats.converters())))
        let changes = PriorCalibrator.changes(ruleSet: ruleSet, evaluation: evaluation, weight: weight)
        for change in changes {
            print("\(change.file):\(change.line): rule \(change.ruleID): prior \(change.old) → \(change.new) (\(change.correct)/\(change.chosen) right)")
        }
        print(String(format: "%d prior(s) %@; expected calibration error before: %.4f",
                     changes.count, dryRun ? "would change" : "changed", evaluation.expectedCalibrationError))
        if !dryRun { try PriorCalibrator.apply(changes) }
    }
}
