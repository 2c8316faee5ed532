/// A rule example that did not come out as written.
public struct ExampleFailure: Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let ruleID: String
    public let message: String
    public var description: String { "\(file):\(line): rule \(ruleID): \(message)" }
}

/// Runs every rule's `examples` and `counter_examples`: each example sentence, on its own, must
/// give the rule's candidate with the stated value and qualifier; a counter-example must give none.
public struct RuleExampleRunner {
    private let extractor: Extractor

    public init(ruleSet: RuleSet) throws { extractor = try Extractor(ruleSet: ruleSet) }

    /// Candidates of rule `ruleID` in `sentence`, with every scope covering the whole sentence.
    public func candidates(of ruleID: String, in sentence: String) -> [Candidate] {
        let text = extractor.prepare(Array(sentence.utf16))
        let layout = DocumentLayout.everywhere(text.count, catalogue: extractor.ruleSet.sections)
        guard let rule = extractor.finder.rule(ruleID) else { return [] }
        // Catalogue fields only: an other_channel trace is no value.
        return extractor.finder.candidates(of: rule, in: text, layout: layout).filter { FieldCatalogue.spec($0.field) != nil }
    }

    public func failures() -> [ExampleFailure] {
        var failures: [ExampleFailure] = []
        for rule in extractor.ruleSet.rules where !RuleKinds.derived.contains(rule.kind) {
            for example in rule.examples {
                let found = candidates(of: rule.id, in: example.text)
                let field = example.field ?? rule.field
                let expectedQualifier = example.qualifier ?? (FieldCatalogue.spec(field)?.type == .count ? .exact : nil)
                // Compared as written: a YAML scalar of digits is a number to the loader, but a
                // phone number of digits alone (13812345678) is a text field's value.
                let hit = found.contains {
                    $0.field == field && $0.value.exampleValue.description == example.value.description && $0.qualifier == expectedQualifier
                }
                if !hit {
                    let got = found.map { "\($0.field)=\($0.value)" + ($0.qualifier.map { " (\($0.rawValue))" } ?? "") }
                    failures.append(ExampleFailure(
                        file: rule.file, line: example.line, ruleID: rule.id,
                        message: "example '\(example.text)' should give \(field)=\(example.value)"
                            + (expectedQualifier.map { " (\($0.rawValue))" } ?? "")
                            + ", got " + (got.isEmpty ? "nothing" : got.joined(separator: "; "))))
                }
            }
            for counter in rule.counterExamples {
                let found = candidates(of: rule.id, in: counter.text)
                if let first = found.first {
                    failures.append(ExampleFailure(file: rule.file, line: counter.line, ruleID: rule.id,
                                                   message: "counter-example '\(counter.text)' gave \(first.field)=\(first.value)"))
                }
            }
        }
        return failures
    }
}
