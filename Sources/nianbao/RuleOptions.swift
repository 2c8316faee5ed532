import ArgumentParser
import NianbaoCore

/// `--rules DIR`, shared by every command that runs rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .long, help: "Rules folder (default: $NIANBAO_RULES, else the bundled Rules/).")
    var rules: String?

    /// The rule set, or exit status 2 with every problem printed as file:line: rule id: message.
    func load() throws -> RuleSet {
        guard let folder = rules ?? ProjectPaths.rules else {
            throw ValidationError("no Rules/ folder found; pass --rules DIR")
        }
        do {
            return try RuleSet.load(from: folder)
        } catch let errors as RuleErrors {
            StandardError.write(errors.description + "\n")
            throw ExitCode(2)
        }
    }
}
