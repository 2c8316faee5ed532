import Foundation
import ICUKit

/// Everything in a rules folder: word classes, channels, sections and rules, validated.
/// Immutable and shareable across threads; `CompiledRules` holds the per-thread ICU regexes.
public struct RuleSet: Sendable {
    public let directory: String
    public let classes: WordClasses
    public let channels: ChannelCatalogue
    public let sections: SectionCatalogue
    public let rules: [RuleDefinition]
    /// The template's tables (`tables.yaml`).
    public let tables: [TableSpec]
    /// A short hash of the rule files' bytes, written into every record.
    public let version: String

    /// Loads every `*.yaml` file of `directory`. All problems are collected and thrown together,
    /// each with file, line and rule id.
    public static func load(from directory: String) throws -> RuleSet {
        let files = try RuleFiles.list(directory)
        var loader = RuleFileLoader()
        for file in files { loader.read(file) }
        return try loader.finish(directory: directory, version: RuleFiles.version(files))
    }
}

/// The YAML files of a rules folder, in name order.
enum RuleFiles {
    struct File {
        let path: String
        let name: String
        let text: String
    }

    static func list(_ directory: String) throws -> [File] {
        let url = URL(fileURLWithPath: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw RuleErrors(errors: [RuleError(file: directory, line: 0, message: "cannot read rules folder: \(error.localizedDescription)")])
        }
        var files: [File] = []
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let path = url.appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw RuleErrors(errors: [RuleError(file: path, line: 0, message: "cannot read file as UTF-8")])
            }
            files.append(File(path: path, name: name, text: text))
        }
        if files.isEmpty {
            throw RuleErrors(errors: [RuleError(file: directory, line: 0, message: "no .yaml rule files")])
        }
        return files
    }

    /// FNV-1a over names and contents: stable across runs and machines.
    static func version(_ files: [File]) -> String {
        var hash = ContentHash.fnvOffsetBasis
        for file in files {
            hash = ContentHash.fnv1a(file.name.utf8, continuing: hash)
            hash = ContentHash.fnv1a(file.text.utf8, continuing: hash)
        }
        return ContentHash.hex(hash)
    }
}
