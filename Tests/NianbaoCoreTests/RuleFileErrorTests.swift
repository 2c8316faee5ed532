import XCTest
import NianbaoCore

/// A broken rule file is reported with its file, line and rule id.
final class RuleFileErrorTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["classes.yaml", "channels.yaml", "sections.yaml"] {
            try FileManager.default.copyItem(atPath: Repository.rules + "/" + name, toPath: folder.appendingPathComponent(name).path)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func load(_ yaml: String) -> [RuleError] {
        try! yaml.write(to: folder.appendingPathComponent("bad.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try RuleSet.load(from: folder.path)
            return []
        } catch let errors as RuleErrors {
            return errors.errors
        } catch {
            XCTFail("unexpected \(error)")
            return []
        }
    }

    func testUnknownFieldNamesFileLineAndRule() {
        let errors = load("""
        rules:
          - id: broken.field
            field: no_such_field
            kind: count
            scope: [overview]
            pattern: '{count}条'
            prior: 0.9
        """)
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].file.hasSuffix("bad.yaml"))
        XCTAssertEqual(errors[0].line, 3)
        XCTAssertEqual(errors[0].ruleID, "broken.field")
        XCTAssertTrue(errors[0].description.contains("bad.yaml:3: rule broken.field: unknown field"))
    }

    func testPatternThatDoesNotCompile() {
        let errors = load("""
        rules:
          - id: broken.pattern
            field: press_conferences
            kind: count
            scope: [overview]
            pattern: '举行(?<value>[0-9]+场'
            prior: 0.9
        """)
        XCTAssertEqual(errors.map(\.line), [6])
        XCTAssertEqual(errors.first?.ruleID, "broken.pattern")
        XCTAssertTrue(errors.first?.message.contains("does not compile") ?? false)
    }

    func testUnknownWordClassAndScope() {
        let errors = load("""
        rules:
          - id: broken.class
            field: press_conferences
            kind: count
            scope: [overview]
            pattern: '{no_such_class}{count}场'
            prior: 0.9
          - id: broken.scope
            field: press_conferences
            kind: count
            scope: [nowhere]
            pattern: '{count}场'
            prior: 0.9
        """)
        XCTAssertEqual(errors.map(\.ruleID), ["broken.class", "broken.scope"])
        XCTAssertEqual(errors.map(\.line), [6, 11])
    }

    func testDuplicateIdAndYamlSyntax() {
        let duplicate = load("""
        rules:
          - id: twice
            field: press_conferences
            kind: zero
            scope: [overview]
            pattern: '未举行'
            prior: 0.9
          - id: twice
            field: press_conferences
            kind: zero
            scope: [overview]
            pattern: '没有举行'
            prior: 0.9
        """)
        XCTAssertEqual(duplicate.map(\.line), [8])
        XCTAssertTrue(duplicate.first?.message.contains("duplicate rule id") ?? false)
        let syntax = load("rules:\n  - id: x\n    pattern: 'unclosed\n")
        XCTAssertEqual(syntax.count, 1)
        XCTAssertTrue(syntax[0].message.hasPrefix("YAML syntax"))
    }

    func testKindThatCannotFillField() {
        let errors = load("""
        rules:
          - id: wrong.kind
            field: agency
            kind: count
            scope: [front]
            pattern: '{count}'
            prior: 0.9
        """)
        XCTAssertEqual(errors.map(\.line), [4])
    }

    /// extends_only makes sense for names only (the fullest wins); a count cannot be extended.
    func testExtendsOnlyOnACountField() {
        let errors = load("""
        rules:
          - id: wrong.extends
            field: press_conferences
            kind: count
            scope: [overview]
            pattern: '发布会{count}场'
            extends_only: true
            prior: 0.9
          - id: wrong.flag
            field: agency
            kind: text
            scope: [front]
            pattern: '(?<value>某局)'
            extends_only: maybe
            prior: 0.9
        """)
        XCTAssertEqual(errors.map(\.line), [7, 14])
        XCTAssertTrue(errors[0].description.contains("rule wrong.extends: extends_only is for name fields"))
        XCTAssertTrue(errors[1].description.contains("expected true or false, found 'maybe'"))
    }

    /// A 分别 rule pairs a list of channels with a list of figures: it needs both groups and the
    /// pattern of one figure (`each`); `each` on any other rule is a mistake.
    func testRespectivelyRuleWithoutItsParts() {
        let errors = load("""
        rules:
          - id: wrong.no_each
            field: published_website
            kind: count
            channel: respectively
            scope: [overview]
            pattern: '(?<channels>网站、微信)分别(?<values>{number}条、{number}条)'
            prior: 0.9
          - id: wrong.no_values
            field: published_website
            kind: count
            channel: respectively
            scope: [overview]
            pattern: '(?<channels>网站、微信)分别{number}条'
            each: '{count}条'
            prior: 0.9
          - id: wrong.each
            field: press_conferences
            kind: count
            scope: [overview]
            pattern: '发布会{count}场'
            each: '{count}场'
            prior: 0.9
        """)
        XCTAssertEqual(errors.map(\.line), [2, 14, 22])
        XCTAssertTrue(errors[0].description.contains("rule wrong.no_each: a rule with channel: respectively needs 'each'"))
        XCTAssertTrue(errors[1].description.contains("pattern has no capture group '(?<values>…)'"))
        XCTAssertTrue(errors[2].description.contains("each is for rules with channel: respectively"))
    }

    /// `object` checks the words of group `object`: a pattern without that group, or an object
    /// that does not compile, is reported at its line.
    func testObjectWithoutItsGroup() {
        let errors = load("""
        rules:
          - id: wrong.no_object_group
            field: published_total
            kind: count
            scope: [overview]
            pattern: '发布{gap}{0,8}?{count}条'
            object: '{generic_object}'
            prior: 0.9
          - id: wrong.object_syntax
            field: published_total
            kind: count
            scope: [overview]
            pattern: '发布(?<object>{gap}{0,8}?){count}条'
            object: '(信息'
            prior: 0.9
        """)
        XCTAssertEqual(errors.map(\.line), [7, 14])
        XCTAssertTrue(errors[0].description.contains("rule wrong.no_object_group: object needs a capture group '(?<object>…)'"))
        XCTAssertTrue(errors[1].description.contains("object does not compile"))
    }

    /// A derive rule's not_from names rules: one that does not exist is reported at its line.
    func testDeriveRuleNotFromAnUnknownRule() {
        let errors = load("""
        rules:
          - id: site.count
            field: published_website
            kind: count
            scope: [overview]
            pattern: '网站发布{count}条'
            prior: 0.9
            examples:
              - {text: '网站发布12条', value: 12}
          - id: wrong.sole
            field: published_total
            kind: derive
            from: published_website
            not_from: [site.count, site.news]
            prior: 0.7
        """)
        XCTAssertEqual(errors.map(\.line), [14])
        XCTAssertEqual(errors.first?.ruleID, "wrong.sole")
        XCTAssertTrue(errors.first?.message.contains("not_from: unknown rule 'site.news'") ?? false, errors.first?.message ?? "")
    }

    func testTableEditionTakingACellItDoesNotHave() {
        let errors = load("""
        rules: []
        tables:
          - id: article20
            section: article20
            rows:
              - {key: licensing_decisions, label: '行政许可', cells: 1}
            editions:
              - id: '2019'
                header: '上一年项目数量'
                rows:
                  - {key: licensing_decisions, cells: 3, take: [4]}
        """)
        XCTAssertEqual(errors.map(\.line), [11])
        XCTAssertEqual(errors.first?.ruleID, "table article20")
        XCTAssertTrue(errors.first?.message.contains("take") ?? false, errors.first?.message ?? "")
    }

    func testCheckWithAnAbsentRowItDoesNotSum() {
        let errors = load("""
        rules: []
        tables:
          - id: applications
            section: applications
            cells: 2
            rows:
              - {key: granted, label: '予以公开'}
              - {key: total, label: '总计'}
            checks:
              - name: outcomes
                kind: column_equation
                left: [total]
                right: [granted]
                may_be_absent: [carried_over]
        """)
        XCTAssertEqual(errors.map(\.line), [14])
        XCTAssertEqual(errors.first?.ruleID, "table applications")
        XCTAssertTrue(errors.first?.message.contains("may_be_absent row 'carried_over'") ?? false, errors.first?.message ?? "")
    }

    func testSectionBodyThatIsNoWordListAndUnknownSectionKey() throws {
        let sections = try String(contentsOfFile: Repository.rules + "/sections.yaml", encoding: .utf8)
        let lines = sections.components(separatedBy: "\n")
        let bodyLine = try XCTUnwrap(lines.firstIndex { $0.contains("body: [第二十条") }) + 1
        let broken = sections.replacingOccurrences(of: "body: [第二十条", with: "body: ['', 第二十条")
            .replacingOccurrences(of: "  - id: problems\n", with: "  - id: problems\n    heading: x\n")
        try broken.write(to: folder.appendingPathComponent("sections.yaml"), atomically: true, encoding: .utf8)
        let errors = load("rules: []")
        XCTAssertEqual(errors.count, 2, errors.map(\.description).joined(separator: "\n"))
        let body = errors.first { $0.message.contains("list of words") }
        XCTAssertTrue(body?.file.hasSuffix("sections.yaml") ?? false)
        XCTAssertEqual(body?.line, bodyLine)
        XCTAssertTrue(body?.message.contains("section article20") ?? false)
        XCTAssertTrue(errors.contains { $0.message.contains("section problems: unknown key 'heading'") },
                      errors.map(\.description).joined(separator: "\n"))
    }
}
