import Foundation
import NianbaoCore

/// Paths of the repository's own folders, found from this file (tests never read ../shared).
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rules = root.appendingPathComponent("Rules").path
    static let corpus = root.appendingPathComponent("Corpus")

    static let ruleSet: RuleSet = try! RuleSet.load(from: rules)

    /// The built `nianbao` executable (`swift test` builds it), for tests that run it as a process.
    static var nianbao: URL? {
        let build = root.appendingPathComponent(".build")
        return ["debug", "release"].map { build.appendingPathComponent($0).appendingPathComponent("nianbao") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func document(_ relative: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: corpus.appendingPathComponent(relative).path)!)
    }

    static func text(_ relative: String) -> String { String(decoding: document(relative), as: UTF8.self) }

    /// Gold files as parsed JSON, with the document each annotates.
    static func gold() -> [(document: String, json: [String: Any])] {
        let folder = corpus.appendingPathComponent("gold")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { name in
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)!
            let json = try! JSONSerialization.jsonObject(with: data) as! [String: Any]
            return (json["document"] as! String, json)
        }
    }
}

extension JSONValue {
    /// The record as Foundation objects, for comparison with gold.
    var foundation: Any {
        try! JSONSerialization.jsonObject(with: serialized().data(using: .utf8)!, options: [.fragmentsAllowed])
    }
}

extension Extractor {
    /// The extraction of a report written out in a test (a head, the sentence under test, a tail).
    func extract(text: String) -> Extraction { extract(Array(text.utf16)) }
}
