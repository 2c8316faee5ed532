import Foundation
import XCTest
import NianbaoCore
import NianbaoFormats

/// The three tables: every layout of the corpus, the same figures in other layouts, the
/// template's checks passing and failing, and run-together cells split by arithmetic.
final class TableTests: XCTestCase {
    private static let pipeline = try! ExtractionPipeline(ruleSet: Repository.ruleSet, converters: DocumentFormats.converters())
    nonisolated(unsafe) private static let golds = Repository.gold()

    private func record(_ text: String, name: String = "test.txt") -> JSONValue {
        Self.pipeline.process(bytes: Array(text.utf8), displayName: name).record
    }

    /// Gold cells against a record's: (right, wrong, filled where gold is null); "?" is skipped.
    private func score(gold: Any?, got: Any?, path: String = "", into misses: inout [String]) -> (Int, Int, Int) {
        switch gold {
        case let dictionary as [String: Any]:
            let other = got as? [String: Any] ?? [:]
            return dictionary.keys.sorted().reduce((0, 0, 0)) { sum, key in
                let s = score(gold: dictionary[key], got: other[key], path: path + "." + key, into: &misses)
                return (sum.0 + s.0, sum.1 + s.1, sum.2 + s.2)
            }
        case let array as [Any]:
            let other = got as? [Any] ?? []
            return array.indices.reduce((0, 0, 0)) { sum, i in
                let s = score(gold: array[i], got: i < other.count ? other[i] : nil, path: path + "[\(i)]", into: &misses)
                return (sum.0 + s.0, sum.1 + s.1, sum.2 + s.2)
            }
        case let text as String where text == "?":
            return (0, 0, 0)
        case is NSNull, nil:
            if let got, !(got is NSNull) { misses.append("\(path): null expected, got \(got)"); return (0, 0, 1) }
            return (1, 0, 0)
        case let number as NSNumber:
            if let other = got as? NSNumber, abs(other.doubleValue - number.doubleValue) < 1e-9 { return (1, 0, 0) }
            misses.append("\(path): \(number) expected, got \(got ?? "nil")")
            return (0, 1, 0)
        default:
            return (0, 1, 0)
        }
    }

    private func tableScore(_ documents: [(document: String, json: [String: Any])]) -> (accuracy: Double, filled: Int, misses: [String]) {
        var right = 0, wrong = 0, filled = 0
        var misses: [String] = []
        for gold in documents {
            let record = Self.pipeline.process(bytes: Repository.document(gold.document), displayName: gold.document).record
            let got = (record.foundation as? [String: Any])?["tables"]
            var local: [String] = []
            let s = score(gold: gold.json["tables"], got: got, into: &local)
            right += s.0; wrong += s.1; filled += s.2
            misses += local.map { gold.document + " " + $0 }
        }
        return (Double(right) / Double(max(1, right + wrong + filled)), filled, misses)
    }

    func testSeedTablesArePerfect() {
        let seeds = Self.golds.filter { $0.document.hasPrefix("seeds/") }
        let result = tableScore(seeds)
        XCTAssertEqual(result.accuracy, 1.0, result.misses.joined(separator: "\n"))
        XCTAssertEqual(result.filled, 0)
    }

    func testExternalTablesReachAccuracy() {
        // The eight converted-text reports (the HTML page is read as HTML by another part).
        let external = Self.golds.filter { $0.document.hasPrefix("external/") && !$0.document.hasSuffix(".html") }
        XCTAssertEqual(external.count, 8)
        let result = tableScore(external)
        XCTAssertGreaterThanOrEqual(result.accuracy, 0.98, result.misses.joined(separator: "\n"))
        XCTAssertEqual(result.filled, 0, result.misses.joined(separator: "\n"))
    }

    /// The Pingtan 2024 report as its government page: the <td> cells separate every figure, so
    /// every field and every cell of its gold comes out, the run-together ones included.
    func testHTMLPageGivesEveryFieldAndCell() {
        let page = Self.golds.filter { $0.document.hasSuffix("pingtan-2024-page.html") }
        XCTAssertEqual(page.count, 1)
        let result = tableScore(page)
        XCTAssertEqual(result.accuracy, 1.0, result.misses.joined(separator: "\n"))
        let record = Self.pipeline.process(bytes: Repository.document(page[0].document), displayName: page[0].document).record
        XCTAssertEqual(record["source"]?["text"], .string("html"))
        let fields = (page[0].json["fields"] as! [String: Any])
        for name in FieldCatalogue.names {
            let expected = GoldFile.value(fields[name])
            XCTAssertEqual(GoldFile.recordValue(record, field: name), expected, name)
        }
    }

    // MARK: The same figures in other layouts

    /// Seed 001's applications figures (gold), printed by `layout`.
    private static let labels: [(String, String)] = [
        ("new_received", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量"),
        ("granted", "（一）予以公开"), ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("withheld_state_secret", "1.属于国家秘密"), ("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开"),
        ("withheld_three_safeties_one_stability", "3.危及“三安全一稳定”"), ("withheld_third_party_rights", "4.保护第三方合法权益"),
        ("withheld_internal_affairs", "5.属于三类内部事务信息"), ("withheld_process_information", "6.属于四类过程性信息"),
        ("withheld_enforcement_case_file", "7.属于行政执法案卷"), ("withheld_administrative_query", "8.属于行政查询事项"),
        ("unable_not_held", "1.本机关不掌握相关政府信息"), ("unable_needs_creation", "2.没有现成信息需要另行制作"),
        ("unable_unclear_after_correction", "3.补正后申请内容仍不明确"), ("not_processed_petition_complaint", "1.信访举报投诉类申请"),
        ("not_processed_duplicate", "2.重复申请"), ("not_processed_publication", "3.要求提供公开出版物"),
        ("not_processed_excessive_repeated", "4.无正当理由大量反复申请"), ("not_processed_confirmation_request", "5.要求行政机关确认或重新出具已获取信息"),
        ("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other_other", "3.其他"), ("total", "（七）总计"), ("carried_forward", "四、结转下年度继续办理"),
    ]

    private func figures() -> [String: [Int]] {
        let gold = Self.golds.first { $0.document == "seeds/001_820fcc988f57598f.txt" }!
        let applications = (gold.json["tables"] as! [String: Any])["applications"] as! [String: [Int]]
        // Vary them so that no column is all zeros and the checks still hold.
        var rows = applications
        rows["new_received"] = [3, 1, 0, 2, 0, 1, 7]
        rows["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
        rows["granted"] = [2, 1, 0, 1, 0, 0, 4]
        rows["unable_not_held"] = [1, 0, 0, 1, 0, 1, 3]
        rows["total"] = [3, 1, 0, 2, 0, 1, 7]
        rows["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
        return rows
    }

    private func report(_ table: String) -> String {
        "某某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n三、收到和处理政府信息公开申请情况\n"
            + table + "\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n"
    }

    private func applications(_ record: JSONValue) -> [String: [Int?]] {
        let tables = (record.foundation as! [String: Any])["tables"] as! [String: Any]
        let rows = tables["applications"] as! [String: [Any]]
        return rows.mapValues { $0.map { ($0 as? NSNumber)?.intValue } }
    }

    func testPipeTableGivesTheFigures() {
        // Markdown rows, and rows some converters write with closing pipes only (`规章 | 0 | 0 |`).
        let rows = figures()
        for opening in ["| ", ""] {
            var text = opening + "申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
            if !opening.isEmpty { text += "|---|---|---|---|---|---|---|---|\n" }
            for (key, label) in Self.labels { text += opening + "\(label) | " + rows[key]!.map(String.init).joined(separator: " | ") + " |\n" }
            XCTAssertEqual(applications(record(report(text))), rows.mapValues { $0.map { Optional($0) } }, "opening '\(opening)'")
        }
    }

    func testHTMLDerivedRowsGiveTheFigures() {
        // What an HTML converter makes of <tr><td>…</td></tr>: one row per line, cells separated by
        // tabs, the first-level label cells repeated for their spanned rows.
        let rows = figures()
        var text = "申请人情况\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n"
        for (key, label) in Self.labels {
            let prefix = key.hasPrefix("withheld") ? "三、本年度办理结果\t（三）不予公开\t" : ""
            text += prefix + label + "\t" + rows[key]!.map(String.init).joined(separator: "\t") + "\n"
        }
        XCTAssertEqual(applications(record(report(text))), rows.mapValues { $0.map { Optional($0) } })
    }

    func testOneCellPerLineGivesTheFigures() {
        let rows = figures()
        var text = "\t申请人情况\n\t自然人\n\t法人或其他组织\n\t总计\n\n"
        for (key, label) in Self.labels {
            text += "\t" + label + "\n" + rows[key]!.map { "\t\($0)\n" }.joined() + "\n"
        }
        XCTAssertEqual(applications(record(report(text))), rows.mapValues { $0.map { Optional($0) } })
    }

    func testOneCellPerLineWithoutTabsGivesTheFigures() {
        // A web page's table copied as text: no tabs, no blank lines, labels wrapped over lines.
        let rows = figures()
        var text = "申请人情况\n自然人\n法人或其他组织\n总计\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n"
        for (key, label) in Self.labels {
            let wrapped = label.count > 12 ? String(label.prefix(12)) + "\n" + String(label.dropFirst(12)) : label
            text += wrapped + "\n" + rows[key]!.map { "\($0)\n" }.joined()
        }
        XCTAssertEqual(applications(record(report(text))), rows.mapValues { $0.map { Optional($0) } })
        // Beside pipe rows, a lone figure line is no cell: in this Markdown from a PDF a stray `1`
        // stands between a wrapped label and its row.
        let kewei = "external/shanghai-kewei-2024.md"
        let gold = Self.golds.first { $0.document == kewei }!
        let goldRows = (gold.json["tables"] as! [String: Any])["applications"] as! [String: [Int]]
        let got = applications(Self.pipeline.process(bytes: Repository.document(kewei), displayName: kewei).record)
        XCTAssertEqual(got["other_unpaid_fee"], goldRows["other_unpaid_fee"]!.map { Optional($0) })
    }

    func testWarningsSayWhatTheReaderMissed() {
        // Seed 003 prints the review table's headers and no figure.
        let seed = Self.pipeline.process(bytes: Repository.document("seeds/003_68281a0ece325528.txt"), displayName: "003").record
        let seedWarnings = warnings(seed)
        XCTAssertTrue(seedWarnings.contains("review_litigation: the section holds no figures"), "\(seedWarnings)")
        XCTAssertFalse(seedWarnings.contains { $0.hasPrefix("applications:") }, "\(seedWarnings)")
        // Rows the text leaves out are named.
        let rows = figures()
        var text = ""
        for (key, label) in Self.labels where !key.hasPrefix("not_processed") {
            text += label + "\t" + rows[key]!.map(String.init).joined(separator: "\t") + "\n"
        }
        let partial = warnings(record(report(text)))
        XCTAssertTrue(partial.contains { $0.hasPrefix("applications: 5 of 25 rows not found in the text (not_processed_petition_complaint,") },
                      "\(partial)")
        // Figures in no layout the reader knows.
        let prose = report("本年度共办理申请 3 件，另有 5 件、7 件和 9 件尚在办理。")
        let unread = warnings(record(prose))
        XCTAssertTrue(unread.contains("applications: the section holds figures, but no row of the table was recognised in them"), "\(unread)")
    }

    func testTheOlderTemplatesSingleOtherRow() {
        // Reports on the 2019 template print one (六)其他处理 row instead of three.
        var rows = figures()
        rows["other_other"] = [0, 0, 0, 0, 0, 0, 0]
        var text = ""
        for (key, label) in Self.labels where key != "other_overdue_correction" && key != "other_unpaid_fee" {
            let shown = key == "other_other" ? "（六）其他处理" : label
            text += shown + "\t" + rows[key]!.map(String.init).joined(separator: "\t") + "\n"
        }
        let got = applications(record(report(text)))
        XCTAssertEqual(got["other_other"], [0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(got["other_overdue_correction"], [nil, nil, nil, nil, nil, nil, nil])
        XCTAssertEqual(got["total"], [3, 1, 0, 2, 0, 1, 7])
        // The handling rows are still checked against 总计, without the two rows it does not print.
        let outcomes = checks(record(report(text))).filter { $0.name == "applications.total_is_sum_of_outcomes" }
        XCTAssertEqual(outcomes.count, 7)
        XCTAssertTrue(outcomes.allSatisfy(\.passed))
        let inconsistent = text.replacingOccurrences(of: "（六）其他处理\t0\t0\t0\t0\t0\t0\t0", with: "（六）其他处理\t1\t0\t0\t0\t0\t0\t1")
        XCTAssertNotEqual(inconsistent, text)
        let failed = checks(record(report(inconsistent))).filter { !$0.passed }.map { "\($0.name) \($0.subject)" }
        XCTAssertEqual(Set(failed), ["applications.total_is_sum_of_outcomes natural_person", "applications.total_is_sum_of_outcomes total"])
    }

    func testTheOlderTemplatesArticle20Columns() throws {
        // Seed 002 with its Article 20 table as the 2019 template prints it (国办公开办函〔2019〕60号):
        // 本年新制作数量… are not issued/repealed/in force; 处理决定数量 is the third of three cells.
        let seed = Repository.text("seeds/002_edbe5b5558df7b9c.txt")
        let start = try XCTUnwrap(seed.range(of: "第二十条第（一）项")), end = try XCTUnwrap(seed.range(of: "三、收到和处理"))
        let table2019 = """
        第二十条第（一）项\t\t\t
        信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
        规章\t0\t0\t3
        规范性文件\t2\t2\t15
        第二十条第（五）项\t\t\t
        信息内容\t上一年项目数量\t本年增/减\t处理决定数量
        行政许可\t12\t2\t14
        其他对外管理服务事项\t5\t0\t7
        第二十条第（六）项\t\t\t
        信息内容\t上一年项目数量\t本年增/减\t处理决定数量
        行政处罚\t3\t1\t9
        行政强制\t0\t0\t0
        第二十条第（八）项\t\t\t
        信息内容\t上一年项目数量\t本年增/减
        行政事业性收费\t1\t0


        """
        let older = record(seed.replacingCharacters(in: start.lowerBound..<end.lowerBound, with: table2019))
        let current = record(seed)
        let olderRecord = older.foundation as! [String: Any], currentRecord = current.foundation as! [String: Any]
        let article20 = (olderRecord["tables"] as! [String: Any])["article20"] as! [String: Any]
        XCTAssertEqual(article20["licensing_decisions"] as? Int, 14)
        XCTAssertEqual(article20["penalty_decisions"] as? Int, 9)
        XCTAssertEqual(article20["enforcement_decisions"] as? Int, 0)
        XCTAssertTrue(article20["fees_10k_yuan"] is NSNull)
        for row in ["regulations", "normative_documents"] {
            XCTAssertEqual((article20[row] as! [String: Any]).values.filter { !($0 is NSNull) }.count, 0, row)
        }
        XCTAssertTrue((olderRecord["warnings"] as! [String]).contains { $0.contains("2019 edition of the template") })
        // The other tables and the fields are the seed's.
        for table in ["applications", "review_litigation"] {
            XCTAssertEqual((olderRecord["tables"] as! [String: Any])[table] as? NSDictionary,
                           (currentRecord["tables"] as! [String: Any])[table] as? NSDictionary, table)
        }
        let values = { (record: [String: Any]) in
            (record["fields"] as! [String: Any]).mapValues { ($0 as? [String: Any])?["value"].map { "\($0)" } ?? "null" }
        }
        XCTAssertEqual(values(olderRecord), values(currentRecord))
        // The 2021 table of the seed itself is not taken for the older edition.
        XCTAssertFalse((currentRecord["warnings"] as! [String]).contains { $0.contains("edition of the template") })
    }

    func testRunTogetherCellsAreSplitByTheArithmetic() {
        // Cells run together as in the Pingtan dumps; rows with several valid splits are decided
        // by the column checks.
        let rows = figures()
        var text = ""
        for (key, label) in Self.labels { text += label + rows[key]!.map(String.init).joined() }
        let got = applications(record(report(text)))
        XCTAssertEqual(got["new_received"], [3, 1, 0, 2, 0, 1, 7])
        XCTAssertEqual(got["granted"], [2, 1, 0, 1, 0, 0, 4])
        XCTAssertEqual(got["total"], [3, 1, 0, 2, 0, 1, 7])
    }

    func testUndecidableSplitIsLeftNullWithAWarning() {
        let article20 = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n无。\n二、主动公开政府信息情况\n规章000行政规范性文件693665行政许可12\n三、收到和处理政府信息公开申请情况\n"
        let record = record(article20)
        let tables = (record.foundation as! [String: Any])["tables"] as! [String: Any]
        let a20 = tables["article20"] as! [String: Any]
        XCTAssertEqual(a20["regulations"] as? [String: Int], ["issued": 0, "repealed": 0, "in_force": 0])
        let normative = a20["normative_documents"] as! [String: Any]
        XCTAssertTrue(normative.values.allSatisfy { $0 is NSNull })
        XCTAssertEqual((a20["licensing_decisions"] as? NSNumber)?.intValue, 12)
        guard case .array(let warnings)? = record["warnings"] else { return XCTFail() }
        XCTAssertTrue(warnings.contains { if case .string(let w) = $0 { return w.contains("normative_documents") }; return false })
    }

    // MARK: Checks

    private func warnings(_ record: JSONValue) -> [String] {
        (record.foundation as! [String: Any])["warnings"] as! [String]
    }

    private func checks(_ record: JSONValue) -> [(name: String, subject: String, passed: Bool)] {
        guard case .array(let items)? = record["checks"] else { return [] }
        return items.map { item in
            guard case .string(let name)? = item["name"], case .string(let subject)? = item["subject"],
                  case .bool(let passed)? = item["passed"] else { return ("", "", false) }
            return (name, subject, passed)
        }
    }

    func testChecksPassOnAConsistentTable() {
        let rows = figures()
        var text = ""
        for (key, label) in Self.labels { text += label + "\t" + rows[key]!.map(String.init).joined(separator: "\t") + "\n" }
        let results = checks(record(report(text)))
        XCTAssertEqual(results.filter { $0.name == "applications.balance" }.count, 7)
        XCTAssertEqual(results.filter { $0.name == "applications.row_total" }.count, 25)
        XCTAssertEqual(results.filter { $0.name == "applications.total_is_sum_of_outcomes" }.count, 7)
        XCTAssertTrue(results.allSatisfy(\.passed), "\(results.filter { !$0.passed })")
    }

    func testCorruptedTableIsFlaggedNotFixed() {
        // One digit changed: 新收 自然人 3 → 5. The balance and the row total fail; the cell keeps 5.
        var rows = figures()
        rows["new_received"] = [5, 1, 0, 2, 0, 1, 7]
        var text = ""
        for (key, label) in Self.labels { text += label + "\t" + rows[key]!.map(String.init).joined(separator: "\t") + "\n" }
        let record = record(report(text))
        XCTAssertEqual(applications(record)["new_received"], [5, 1, 0, 2, 0, 1, 7])
        let failed = checks(record).filter { !$0.passed }
        XCTAssertTrue(failed.contains { $0.name == "applications.balance" && $0.subject == "natural_person" })
        XCTAssertTrue(failed.contains { $0.name == "applications.row_total" && $0.subject == "new_received" })
        XCTAssertFalse(failed.contains { $0.name == "applications.balance" && $0.subject == "commercial" })
    }

    func testHandlingRowsThatDoNotAddUpAreFlagged() {
        // 不予处理/重复申请 gains a 1 in 总计 only: row total and the total-of-outcomes check fail there.
        var rows = figures()
        rows["not_processed_duplicate"] = [0, 0, 0, 0, 0, 0, 1]
        var text = ""
        for (key, label) in Self.labels { text += label + "\t" + rows[key]!.map(String.init).joined(separator: "\t") + "\n" }
        let failed = checks(record(report(text))).filter { !$0.passed }
        XCTAssertEqual(Set(failed.map { "\($0.name) \($0.subject)" }),
                       ["applications.row_total not_processed_duplicate", "applications.total_is_sum_of_outcomes total"])
    }

    func testReviewGroupTotals() {
        let good = "某局2023年政府信息公开工作年度报告\n一、总体情况\n无。\n四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n1\t0\t2\t0\t3\t12\t0\t0\t0\t12\t0\t0\t0\t0\t0\n五、存在的主要问题及改进情况\n无。\n"
        let results = checks(record(good)).filter { $0.name == "review_litigation.group_total" }
        XCTAssertEqual(results.map(\.passed), [true, true, true])
        let bad = good.replacingOccurrences(of: "1\t0\t2\t0\t3", with: "1\t0\t2\t0\t4")
        XCTAssertEqual(checks(record(bad)).filter { $0.name == "review_litigation.group_total" }.map(\.passed), [false, true, true])
    }

    func testShapeCheckReportsMissingColumn() {
        // Seed 004 prints six cells for seven columns.
        let record = Self.pipeline.process(bytes: Repository.document("seeds/004_b34427a2f19d7753.txt"),
                                           displayName: "seeds/004_b34427a2f19d7753.txt").record
        let shape = checks(record).filter { $0.name == "applications.shape" }
        XCTAssertEqual(shape.count, 25)
        XCTAssertTrue(shape.allSatisfy { !$0.passed })
        let confidence = (record.foundation as! [String: Any])["table_evidence"].flatMap { ($0 as? [String: Any])?["applications"] as? [String: Any] }?["confidence"] as? Double
        XCTAssertLessThan(confidence ?? 1, 0.9)
    }

    func testNarrativeAgainstTableDisagreementLowersConfidence() {
        // Pingtan 2022: the narrative says 75 received, the table's new applications total 74.
        let record = Self.pipeline.process(bytes: Repository.document("external/pingtan-2022.txt"),
                                           displayName: "external/pingtan-2022.txt").record
        let cross = checks(record).first { $0.name == "narrative.applications_received" }
        XCTAssertEqual(cross?.passed, false)
        let field = (record.foundation as! [String: Any])["fields"].flatMap { ($0 as? [String: Any])?["applications_received"] as? [String: Any] }
        XCTAssertEqual((field?["value"] as? NSNumber)?.intValue, 75)
        XCTAssertLessThan(field?["confidence"] as? Double ?? 1, 0.8)
        // Seed 001 agrees (1 and 1).
        let agreeing = Self.pipeline.process(bytes: Repository.document("seeds/001_820fcc988f57598f.txt"), displayName: "s").record
        XCTAssertEqual(checks(agreeing).first { $0.name == "narrative.applications_received" }?.passed, true)
    }

    func testRowEvidenceIsTheOriginalLine() {
        let document = "seeds/002_edbe5b5558df7b9c.txt"
        let record = Self.pipeline.process(bytes: Repository.document(document), displayName: document).record
        let original = Array(Repository.text(document).unicodeScalars)
        let evidence = ((record.foundation as! [String: Any])["table_evidence"] as! [String: Any])["applications"] as! [String: Any]
        let rows = evidence["rows"] as! [String: [String: Any]]
        XCTAssertEqual(rows.count, 25)
        for (key, row) in rows {
            let start = row["start"] as! Int, end = row["end"] as! Int
            var slice = String.UnicodeScalarView()
            slice.append(contentsOf: original[start..<end])
            XCTAssertEqual(String(slice), row["text"] as? String, key)
        }
        XCTAssertTrue((rows["new_received"]?["text"] as? String)?.hasPrefix("一、本年新收政府信息公开申请数量") ?? false)
    }
}
