import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoFormats

struct TextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "text",
        abstract: "Print the text nianbao reads from a document (what evidence offsets index; its hash is the record's source.text_hash).",
        discussion: "--normalized prints the text rules match instead (NFKC, unwrapped, folded to simplified script)."
    )

    @Argument(help: "A report file.") var file: String
    @Flag(name: .long, help: "Print the normalized text the rules match.") var normalized = false
    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let loader = try DocumentLoader(converters: DocumentFormats.converters())
        let text: ConvertedText
        do { text = try loader.text(try loader.readBytes(file), path: file) } catch {
            StandardError.write(error.message + "\n")
            throw ExitCode(1)
        }
        if normalized {
            let prepared = try TextPreparer().prepare(text.units)
            print(prepared.matchingString(0..<prepared.count), terminator: "")
        } else {
            print(String(decoding: text.units, as: UTF16.self), terminator: "")
        }
    }
}
