import ArgumentParser
import Foundation
import NianbaoCore
import NianbaoFormats

/// Times extraction on one core, stage by stage, over documents read into memory first, so the
/// figure is the engine's and not the disk's.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure single-core throughput (MB/s, documents/s) on a folder of reports.",
        discussion: "Make a corpus with Scripts/bench (it calls make-bench-corpus), or pass any folder."
    )

    @Argument(help: "Folders or files of reports.")
    var paths: [String]

    @Option(name: .long, help: "Passes over the documents (the best pass is reported).")
    var passes: Int = 3

    @Flag(name: .long, help: "Narrative fields only, no tables (to compare with tools that do only those).")
    var fieldsOnly = false

    @Flag(name: .long, help: "Also time each rule and list the slowest.")
    var profile = false

    @OptionGroup var ruleOptions: RuleOptions

    func run() throws {
        let ruleSet = try ruleOptions.load()

        let files = DocumentFinder.documents(in: paths)
        let documents = files.compactMap { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        let bytes = documents.reduce(0) { $0 + $1.count }
        let loader = try DocumentLoader(converters: DocumentFormats.converters())
        let extractor = try Extractor(ruleSet: ruleSet)
        extractor.readsTables = !fieldsOnly
        let builder = RecordBuilder(rulesVersion: ruleSet.version)
        let clock = ContinuousClock()
        extractor.profileRules(profile)
        var best: [String: Duration] = [:]
        for _ in 0..<max(1, passes) {
            var times: [String: Duration] = ["decode": .zero, "prepare": .zero, "extract": .zero, "record": .zero]
            var output = 0
            for document in documents {
                var start = clock.now
                guard let decoded = try? loader.text(document, path: "") else { continue }
                times["decode"]! += clock.now - start
                start = clock.now
                let text = extractor.prepare(decoded.units)
                times["prepare"]! += clock.now - start
                start = clock.now
                let extraction = extractor.extract(prepared: text)
                times["extract"]! += clock.now - start
                start = clock.now
                output += builder.line(document: "", charset: decoded.charset, extraction: extraction).utf8.count
                times["record"]! += clock.now - start
            }
            let total = times.values.reduce(Duration.zero, +)
            times["total"] = total
            if best["total"] == nil || total < best["total"]! { best = times }
            _ = output
        }
        let seconds = { (d: Duration) -> Double in Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18 }
        let total = seconds(best["total"]!)
        print(String(format: "%d documents, %.1f MB, one core: %.1f MB/s, %.0f documents/s",
                     documents.count, Double(bytes) / 1e6, Double(bytes) / 1e6 / total, Double(documents.count) / total))
        for stage in ["decode", "prepare", "extract", "record"] {
            let s = seconds(best[stage]!)
            print("  " + stage.padding(toLength: 8, withPad: " ", startingAt: 0) + String(format: " %6.3f s  %5.1f%%", s, 100 * s / total))
        }
        if profile {
            let passes = Double(max(1, passes))
            print("slowest rules (seconds, ICU match attempts and matches found per pass, all passes averaged; * = tried at every offset):")
            for (id, time) in extractor.ruleTimes.sorted(by: { $0.value > $1.value }).prefix(30) {
                let (attempts, hits, filtered) = extractor.regexAttempts(ofRule: id) ?? (0, 0, true)
                print("  " + id.padding(toLength: 40, withPad: " ", startingAt: 0)
                      + String(format: "%6.3f s %9.0f %7.0f%@", seconds(time) / passes, Double(attempts) / passes,
                               Double(hits) / passes, filtered ? "" : " *"))
            }
        }
    }
}
