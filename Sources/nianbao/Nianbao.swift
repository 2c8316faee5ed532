import ArgumentParser

@main
struct Nianbao: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nianbao",
        abstract: "Structured records from Chinese government information-disclosure annual reports.",
        subcommands: [ExtractCommand.self, EvalCommand.self, DiffCommand.self, ExplainCommand.self, TextCommand.self, RulesCommand.self, BenchCommand.self],
        defaultSubcommand: ExtractCommand.self
    )
}
