import XCTest
import NianbaoCore
import ICUKit

/// Every rule's own examples and counter-examples, from the rule files (Duckling style).
final class RuleExampleTests: XCTestCase {
    func testEveryRuleExample() throws {
        let runner = try RuleExampleRunner(ruleSet: Repository.ruleSet)
        let failures = runner.failures()
        XCTAssertTrue(failures.isEmpty, failures.map(\.description).joined(separator: "\n"))
    }

    func testEveryPatternRuleHasExamples() {
        for rule in Repository.ruleSet.rules where rule.kind != "derive" {
            XCTAssertFalse(rule.examples.isEmpty, "\(rule.id) has no examples")
        }
    }

    /// `{count:2}` is the count class again with its groups renamed, so one pattern can hold two
    /// counts; its look-behinds stay look-behinds.
    func testAClassWithSuffixedGroupNames() throws {
        let classes = Repository.ruleSet.classes
        let second = try classes.expand("{count:2}", file: "test", line: 1, ruleID: nil)
        for name in ["qpre2", "value2", "qmid2", "mult2"] { XCTAssertTrue(second.contains("(?<\(name)>"), name) }
        XCTAssertFalse(second.contains("(?<value>"))
        XCTAssertTrue(second.contains("(?<![第"), "a look-behind is no group name")
        let both = try ICURegex(try classes.expand("建议{count}件、提案{count:2}件", file: "test", line: 1, ruleID: nil))
        let match = try XCTUnwrap(both.matches(in: Array("建议15件、提案20余件".utf16)).first)
        XCTAssertEqual(match.groups[try XCTUnwrap(both.groupNumber(named: "value2"))], 8..<10)
        XCTAssertEqual(match.groups[try XCTUnwrap(both.groupNumber(named: "qmid2"))], 10..<11)
    }

    func testCountNeverStartsOrEndsInsideAWord() throws {
        let runner = try RuleExampleRunner(ruleSet: Repository.ruleSet)
        // 条 of 条例 is no unit; 3 of 2023 is no count.
        XCTAssertTrue(runner.candidates(of: "published.verb_count", in: "主动公开政务信息12条例规定").isEmpty)
        XCTAssertEqual(runner.candidates(of: "published.verb_count", in: "主动公开政务信息12条，").map(\.value), [.count(12)])
        XCTAssertTrue(runner.candidates(of: "press.held", in: "举行新闻发布会2023年").isEmpty)
    }

    func testExclusionsAreNotCounts() throws {
        let runner = try RuleExampleRunner(ruleSet: Repository.ruleSet)
        XCTAssertTrue(runner.candidates(of: "published.verb_count", in: "主动公开信息同比增长35%。").isEmpty)
        XCTAssertTrue(runner.candidates(of: "published.verb_count", in: "2023年公开").isEmpty)
    }

    func testTraditionalScriptMatchesSameRules() throws {
        let runner = try RuleExampleRunner(ruleSet: Repository.ruleSet)
        let found = runner.candidates(of: "applications.none", in: "本機關2023年度未收到政府信息公開申請。")
        XCTAssertEqual(found.map(\.value), [.count(0)])
        let notice = runner.candidates(of: "notice.template", in: "（國辦公開辦函〔2021〕30號）")
        XCTAssertEqual(notice.map(\.value), [.text("國辦公開辦函〔2021〕30號")])
    }
}
