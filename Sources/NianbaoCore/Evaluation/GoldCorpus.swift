import Foundation

/// A corpus with gold files: `gold/*.json` beside the documents they name (`seeds/…`, `external/…`).
public struct GoldCorpus {
    public let root: String
    public let goldFolder: String
    public let golds: [GoldFile]
    /// document → the gold `tables` object (as JSONSerialization gives it).
    public let goldTables: [String: Any?]

    public init(root: String, goldFolder: String? = nil) throws {
        self.root = root
        self.goldFolder = goldFolder ?? (root as NSString).appendingPathComponent("gold")
        golds = try GoldFile.loadAll(in: self.goldFolder)
        var tables: [String: Any?] = [:]
        for gold in golds {
            let data = FileManager.default.contents(atPath: gold.path)!
            let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            tables[gold.document] = json?["tables"]
        }
        goldTables = tables
    }

    /// Records for every gold document, from a fresh extraction.
    public func extract(with pipeline: ExtractionPipeline) -> [String: JSONValue] {
        var records: [String: JSONValue] = [:]
        for gold in golds {
            let path = (root as NSString).appendingPathComponent(gold.document)
            records[gold.document] = pipeline.process(path: path, displayName: gold.document).record
        }
        return records
    }

    public func evaluate(_ records: [String: JSONValue]) -> Evaluation {
        Evaluator.evaluate(records: records, golds: golds, goldTables: goldTables)
    }
}
