import Foundation
import XCTest
import NianbaoCore

/// The rule-tuning loop: eval, calibration, saved runs and diff, rule checks, explanations.
final class TuningTests: XCTestCase {
    nonisolated(unsafe) private static let corpus = try! GoldCorpus(root: Repository.corpus.path)
    private static let records = corpus.extract(with: try! ExtractionPipeline(ruleSet: Repository.ruleSet))

    /// Micro precision, recall and F1 counted here from the records' JSON and the gold JSON,
    /// without the evaluator, agree with the evaluator's.
    func testEvalMicroAgreesWithAnIndependentCount() throws {
        var tp = 0, fp = 0, fn = 0
        for (document, json) in Repository.gold() {
            let goldFields = json["fields"] as! [String: Any]
            let record = Self.records[document]!.foundation as! [String: Any]
            let fields = record["fields"] as! [String: Any]
            for name in FieldCatalogue.names {
                let expected = goldFields[name].flatMap { $0 is NSNull ? nil : $0 }
                let got = fields[name].flatMap { $0 is NSNull ? nil : $0 as? [String: Any] }
                func key(_ v: Any) -> String {
                    if let d = v as? [String: Any] { return "\(d["value"]!)|\(d["qualifier"] as? String ?? "")" }
                    return "\(v)|"
                }
                let gotKey = got.map { g in "\(g["value"]!)|\(g["qualifier"] as? String ?? "")" }
                switch (expected, gotKey) {
                case (nil, nil): break
                case (let e?, let g?) where key(e) == g: tp += 1
                case (let e, let g):
                    if g != nil { fp += 1 }
                    if e != nil { fn += 1 }
                }
            }
        }
        let evaluation = Self.corpus.evaluate(Self.records)
        XCTAssertEqual(evaluation.micro.truePositives, tp)
        XCTAssertEqual(evaluation.micro.falsePositives, fp)
        XCTAssertEqual(evaluation.micro.falseNegatives, fn)
        let precision = Double(tp) / Double(tp + fp), recall = Double(tp) / Double(tp + fn)
        XCTAssertEqual(evaluation.micro.precision, precision, accuracy: 1e-12)
        XCTAssertEqual(evaluation.micro.recall, recall, accuracy: 1e-12)
        XCTAssertEqual(evaluation.micro.f1, 2 * precision * recall / (precision + recall), accuracy: 1e-12)
        XCTAssertGreaterThan(tp, 100)
    }

    func testEvalReportsRulesTablesCalibrationAndMisses() throws {
        let evaluation = Self.corpus.evaluate(Self.records)
        XCTAssertEqual(evaluation.documents, 14)
        XCTAssertEqual(evaluation.rules["press.held"]?.chosen, 2)
        XCTAssertGreaterThanOrEqual(evaluation.rules["published.verb_count"]?.fired ?? 0, evaluation.rules["published.verb_count"]?.chosen ?? 0)
        XCTAssertGreaterThan(evaluation.cellsRight, 2500)
        XCTAssertEqual(evaluation.bins.reduce(0) { $0 + $1.count }, evaluation.rules.values.reduce(0) { $0 + $1.chosen })
        XCTAssertTrue((0...1).contains(evaluation.expectedCalibrationError))
        // The HTML page's two misses, with document, field, expected and got.
        XCTAssertTrue(evaluation.misses.contains { $0.document.hasSuffix(".html") && $0.field == "agency" && $0.got == "null" })
        let json = EvaluationReport.json(evaluation)
        XCTAssertNotNil(json["calibration"]?["ece"])
        XCTAssertNotNil(json["fields"]?["agency"]?["value_only"])
    }

    /// Breaking one rule's pattern shows in the diff as exactly that field of that document lost.
    func testDiffShowsTheFieldARuleEditLoses() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-diff-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Repository.rules, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let narrative = folder.appendingPathComponent("narrative.yaml")
        var text = try String(contentsOf: narrative, encoding: .utf8)
        // press.held now wants 召开 only; seed 001 writes 举行新闻发布会3场.
        text = text.replacingOccurrences(of: "pattern: '(?:举行|召开|举办|组织召开|组织)(?:各类)?", with: "pattern: '(?:召开)(?:各类)?")
        text = text.replacingOccurrences(of: "      - text: '举行新闻发布会3场'\n        value: 3\n", with: "")
        try text.write(to: narrative, atomically: true, encoding: .utf8)
        let edited = try RuleSet.load(from: folder.path)
        let newRecords = Self.corpus.extract(with: try ExtractionPipeline(ruleSet: edited))
        let old = RunFile(records: Self.records, engine: "e", rulesVersion: Repository.ruleSet.version)
        let new = RunFile(records: newRecords, engine: "e", rulesVersion: edited.version)
        // Through the saved form, as `eval --save` and `diff` use it.
        let oldPath = folder.appendingPathComponent("old.json").path, newPath = folder.appendingPathComponent("new.json").path
        try Data(old.json(evaluation: nil).serialized().utf8).write(to: URL(fileURLWithPath: oldPath))
        try Data(new.json(evaluation: nil).serialized().utf8).write(to: URL(fileURLWithPath: newPath))
        let diff = RunDiff(old: try RunFile.load(oldPath), new: try RunFile.load(newPath))
        XCTAssertEqual(diff.entries, [RunDiff.Entry(document: "seeds/001_820fcc988f57598f.txt", key: "press_conferences",
                                                    change: .lost, old: "3 (exact)", new: nil)])
    }

    func testRuleCheckFindsAFailingExample() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["classes.yaml", "channels.yaml", "sections.yaml"] {
            try FileManager.default.copyItem(atPath: Repository.rules + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
        try """
        rules:
          - id: press.wrong_example
            field: press_conferences
            kind: count
            scope: [overview]
            keywords: [发布会]
            pattern: '举行新闻发布会{count}(?<unit>场)'
            prior: 0.9
            examples:
              - text: '举行新闻发布会3场'
                value: 4
            counter_examples:
              - '举行新闻发布会5场'
        """.write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        let failures = try RuleExampleRunner(ruleSet: RuleSet.load(from: folder.path)).failures()
        XCTAssertEqual(failures.map(\.line), [10, 13])
        XCTAssertTrue(failures[0].description.contains("bad.yaml:10: rule press.wrong_example: example '举行新闻发布会3场' should give press_conferences=4"))
        XCTAssertTrue(failures[1].description.contains("counter-example"))
    }

    /// Calibration rewrites only the prior values, nothing else of the file.
    func testCalibrationRewritesOnlyPriors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-cal-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Repository.rules, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ruleSet = try RuleSet.load(from: folder.path)
        let evaluation = Self.corpus.evaluate(Self.records)
        let changes = PriorCalibrator.changes(ruleSet: ruleSet, evaluation: evaluation)
        XCTAssertFalse(changes.isEmpty)
        let before = try String(contentsOf: folder.appendingPathComponent("narrative.yaml"), encoding: .utf8).components(separatedBy: "\n")
        try PriorCalibrator.apply(changes)
        let after = try String(contentsOf: folder.appendingPathComponent("narrative.yaml"), encoding: .utf8).components(separatedBy: "\n")
        XCTAssertEqual(before.count, after.count)
        let changedLines = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }
        XCTAssertFalse(changedLines.isEmpty)
        for (_, (old, new)) in changedLines {
            XCTAssertTrue(old.trimmingCharacters(in: .whitespaces).hasPrefix("prior:"), old)
            XCTAssertEqual(old.prefix { $0 == " " }, new.prefix { $0 == " " })
        }
        // Precision 1.0 on every chosen rule: priors move up, smoothed, never past 0.99.
        let reloaded = try RuleSet.load(from: folder.path)
        for change in changes {
            let prior = reloaded.rules.first { $0.id == change.ruleID }!.prior
            XCTAssertEqual(prior, change.new)
            XCTAssertLessThanOrEqual(prior, 0.99)
        }
    }

    func testExplainShowsSectionsCandidatesAndSilentRules() throws {
        let explainer = Explainer(extractor: try Extractor(ruleSet: Repository.ruleSet))
        let explanation = explainer.explain(Array(Repository.text("seeds/001_820fcc988f57598f.txt").utf16), document: "seed 001")
        XCTAssertEqual(explanation.sections.first?.heading, "一、总体情况")
        let total = explanation.fields.first { $0.field == "published_total" }!
        XCTAssertEqual(total.value, "397 (approximate)")
        XCTAssertTrue(total.candidates.contains { $0.won && $0.text == "发布各类动态信息约397条" })
        XCTAssertTrue(total.silentRules.contains { $0.rule == "published.total_word" })
        let text = ExplanationText.render(explanation, field: "published_total")
        XCTAssertTrue(text.contains("✓ 397 approximate"))
        let html = ExplanationHTML.render(explanation)
        XCTAssertTrue(html.contains("<mark>发布各类动态信息约397条</mark>"))
        XCTAssertTrue(html.contains("id=\"f-published_total\""))
    }
}
