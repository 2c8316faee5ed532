import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoFormats

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a document's record: sections, every candidate per field with its rule, span, score and fate, and the rules that found nothing.",
        discussion: "--html writes one self-contained page: the document with evidence highlighted, linked to a table of fields."
    )

    @Argument(help: "A report file.")
    var file: String

    @Option(name: .long, help: "Only this field.")
    var field: String?

    @Option(name: .long, help: "Also write a self-contained HTML page here.")
    var html: String?

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        if let field, FieldCatalogue.spec(field) == nil {
            throw ValidationError("unknown field '\(field)' (fields: \(FieldCatalogue.names.joined(separator: ", ")))")
        }
        let ruleSet = try ruleOptions.load()
        let loader = try DocumentLoader(converters: DocumentFormats.converters())
        let units: [UInt16]
        do { units = try loader.text(try loader.readBytes(file), path: file).units } catch {
            StandardError.write(error.message + "\n")
            throw ExitCode(1)
        }
        let explanation = Explainer(extractor: try Extractor(ruleSet: ruleSet)).explain(units, document: file)
        print(ExplanationText.render(explanation, field: field), terminator: "")
        if let html {
            try Data(ExplanationHTML.render(explanation).utf8).write(to: URL(fileURLWithPath: html))
        }
    }
}
