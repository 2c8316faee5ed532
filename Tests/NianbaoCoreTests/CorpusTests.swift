import Foundation
import XCTest
import NianbaoCore
import NianbaoFormats
import ICUKit

/// The engine on the bundled corpus, against the hand-made gold files.
final class CorpusTests: XCTestCase {
    private static let pipeline = try! ExtractionPipeline(ruleSet: Repository.ruleSet, converters: DocumentFormats.converters())
    private static let golds = try! GoldFile.loadAll(in: Repository.corpus.appendingPathComponent("gold").path)

    private func record(_ document: String, bytes: [UInt8]? = nil) -> JSONValue {
        Self.pipeline.process(bytes: bytes ?? Repository.document(document), displayName: document).record
    }

    private func score(_ golds: [GoldFile]) -> (FieldScore, [String]) {
        var total = FieldScore()
        var misses: [String] = []
        for gold in golds {
            let record = record(gold.document)
            for name in FieldCatalogue.names {
                var one = FieldScore()
                let expected = gold.fields[name] ?? nil
                let got = GoldFile.recordValue(record, field: name)
                one.add(expected: expected, got: got)
                if one.falsePositives + one.falseNegatives > 0 {
                    misses.append("\(gold.document) \(name): expected \(expected?.description ?? "null"), got \(got?.description ?? "null")")
                }
                total = total + one
            }
        }
        return (total, misses)
    }

    func testSeedsArePerfect() {
        let seeds = Self.golds.filter { $0.document.hasPrefix("seeds/") }
        XCTAssertEqual(seeds.count, 5)
        let (score, misses) = score(seeds)
        XCTAssertEqual(score.precision, 1.0, misses.joined(separator: "\n"))
        XCTAssertEqual(score.recall, 1.0, misses.joined(separator: "\n"))
        XCTAssertGreaterThan(score.truePositives, 40)
    }

    func testExternalReportsReachF1() {
        let external = Self.golds.filter { $0.document.hasPrefix("external/") }
        XCTAssertEqual(external.count, 9)
        let (score, misses) = score(external)
        XCTAssertGreaterThanOrEqual(score.f1, 0.95, misses.joined(separator: "\n"))
    }

    /// Every field's evidence text is exactly the original document's characters at start..<end
    /// (offsets in Unicode scalars).
    func testEvidenceSpansMatchTheOriginalText() {
        for gold in Self.golds where gold.document.hasPrefix("seeds/") {
            let original = Array(Repository.text(gold.document).unicodeScalars)
            let record = record(gold.document)
            guard case .object(let fields)? = record["fields"] else { return XCTFail("no fields") }
            var checked = 0
            for (name, field) in fields where field != .null {
                guard let evidence = field["evidence"], case .int(let start)? = evidence["start"],
                      case .int(let end)? = evidence["end"], case .string(let text)? = evidence["text"] else {
                    XCTFail("\(gold.document) \(name): evidence incomplete"); continue
                }
                var slice = String.UnicodeScalarView()
                slice.append(contentsOf: original[start..<end])
                XCTAssertEqual(String(slice), text, "\(gold.document) \(name)")
                XCTAssertFalse(text.isEmpty)
                checked += 1
            }
            XCTAssertGreaterThan(checked, 5, gold.document)
        }
    }

    /// The same report in GB18030 and UTF-16 (both byte orders, with BOM) gives the same fields.
    func testReencodedSeedsGiveTheSameRecord() {
        for gold in Self.golds where gold.document.hasPrefix("seeds/") {
            let text = Repository.text(gold.document)
            let utf8 = record(gold.document)["fields"]
            let gb18030 = text.data(using: String.Encoding(rawValue: 0x8000_0632))!
            XCTAssertEqual(record(gold.document, bytes: [UInt8](gb18030))["fields"], utf8, "GB18030 \(gold.document)")
            let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            XCTAssertEqual(record(gold.document, bytes: le)["fields"], utf8, "UTF-16LE \(gold.document)")
            let be: [UInt8] = [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
            XCTAssertEqual(record(gold.document, bytes: be)["fields"], utf8, "UTF-16BE \(gold.document)")
            let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
            XCTAssertEqual(record(gold.document, bytes: bom)["fields"], utf8, "UTF-8 BOM \(gold.document)")
            XCTAssertEqual(record(gold.document, bytes: [UInt8](gb18030))["source"]?["charset"], .string("GB18030"))
        }
    }

    /// Every corpus report turned into traditional script by ICU's Simplified-Traditional
    /// transliterator gives the same values: text values as the document writes them (folded
    /// back here to compare), figures and table cells equal.
    func testEveryReportInTraditionalScriptGivesTheSameValues() throws {
        let toTraditional = try Transliterator(id: "Simplified-Traditional")
        let fold = ScriptFolding.traditionalToSimplified
        func folded(_ value: GoldFile.GoldValue?) -> String? {
            value.map { UTF16Strings.string($0.value.utf16.map { fold[Int($0)] }) + " (\($0.qualifier ?? "-"))" }
        }
        var compared = 0
        for gold in Self.golds {
            let simplified = record(gold.document)
            let traditionalText = try toTraditional.transliterate(Repository.text(gold.document))
            XCTAssertNotEqual(traditionalText, Repository.text(gold.document), gold.document)
            let traditional = record(gold.document, bytes: Array(traditionalText.utf8))
            for name in FieldCatalogue.names {
                let expected = folded(GoldFile.recordValue(simplified, field: name))
                XCTAssertEqual(folded(GoldFile.recordValue(traditional, field: name)), expected, "\(gold.document) \(name)")
                if expected != nil { compared += 1 }
            }
            XCTAssertEqual(traditional["tables"], simplified["tables"], gold.document)
        }
        XCTAssertGreaterThan(compared, 140)
    }

    /// What converters and typesetters do to a report's layout changes no value: full-width
    /// digits, CRLF line ends, spaces around figures (`共 81 件`, `1. 属于`), indentation with
    /// ideographic spaces; prose wrapped at a page width changes no field.
    func testLayoutVariantsGiveTheSameValues() {
        func isWide(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x2E80 }
        let variants: [(name: String, tables: Bool, change: (String) -> String)] = [
            ("full-width digits", true, { String(String.UnicodeScalarView($0.unicodeScalars.map {
                ("0"..."9").contains($0) ? Unicode.Scalar($0.value + 0xFEE0)! : $0 })) }),
            ("CRLF", true, { $0.replacingOccurrences(of: "\n", with: "\r\n") }),
            ("spaced figures", true, { $0.replacingOccurrences(of: "(?<=\\p{Han})([0-9][0-9,.]*)(?=\\p{Han})", with: " $1 ",
                                                             options: .regularExpression) }),
            ("indented", true, { $0.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                line.isEmpty || line.hasPrefix("\t") || line.hasPrefix("|") || line.hasPrefix("#") ? String(line) : "\u{3000}\u{3000}" + line
            }.joined(separator: "\n") }),
            ("wrapped at 76 columns", false, { $0.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
                if line.contains("\t") || line.contains("|") { return [String(line)] }
                var lines: [String] = [], current = "", width = 0
                for character in line {
                    let w = character.unicodeScalars.contains(where: isWide) ? 2 : 1
                    if width + w > 76 { lines.append(current); current = ""; width = 0 }
                    current.append(character); width += w
                }
                return lines + [current]
            }.joined(separator: "\n") }),
        ]
        var changedDocuments = [Int](repeating: 0, count: variants.count)
        for gold in Self.golds where !gold.document.hasSuffix(".html") {
            let text = Repository.text(gold.document)
            let original = record(gold.document)
            for (index, variant) in variants.enumerated() {
                let changed = variant.change(text)
                if changed == text { continue }
                changedDocuments[index] += 1
                let record = record(gold.document, bytes: Array(changed.utf8))
                for name in FieldCatalogue.names {
                    XCTAssertEqual(GoldFile.recordValue(record, field: name), GoldFile.recordValue(original, field: name),
                                   "\(variant.name) \(gold.document) \(name)")
                }
                if variant.tables { XCTAssertEqual(record["tables"], original["tables"], "\(variant.name) \(gold.document)") }
            }
        }
        for (variant, count) in zip(variants, changedDocuments) { XCTAssertGreaterThan(count, 8, variant.name) }
    }

    func testTablesFlattenedToOneCellPerLineGiveTheSameCells() {
        // A web page's table copied as text: every cell on a line of its own, no tabs. Seed 000
        // is left out: its rows print blank cells, whose places such a copy loses.
        func flattened(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
                guard line.contains("\t") else { return [String(line)] }
                return line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }.joined(separator: "\n")
        }
        for document in ["seeds/001_820fcc988f57598f.txt", "seeds/002_edbe5b5558df7b9c.txt",
                         "seeds/003_68281a0ece325528.txt", "seeds/004_b34427a2f19d7753.txt"] {
            let text = flattened(Repository.text(document))
            XCTAssertFalse(text.contains("\t"), document)
            let original = record(document)
            let record = record(document, bytes: Array(text.utf8))
            XCTAssertEqual(record["tables"], original["tables"], document)
            for name in FieldCatalogue.names {
                XCTAssertEqual(GoldFile.recordValue(record, field: name), GoldFile.recordValue(original, field: name), "\(document) \(name)")
            }
        }
    }

    func testSectionsOfEverySeedAreFound() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        for gold in Self.golds where gold.document.hasPrefix("seeds/") {
            let extraction = extractor.extract(text: Repository.text(gold.document))
            let ids = extraction.layout.sections.map(\.id)
            for id in ["overview", "overview.proactive", "overview.on_request", "article20", "applications",
                       "review_litigation", "problems", "other"] {
                XCTAssertTrue(ids.contains(id), "\(gold.document) lacks \(id): \(ids)")
            }
        }
    }

    func testOneLineBodyHasItsSections() throws {
        // The Pingtan text dumps run the whole body into one line.
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let extraction = extractor.extract(text: Repository.text("external/pingtan-2024.txt"))
        XCTAssertEqual(extraction.layout.sections.map(\.id), [
            "overview", "overview.proactive", "overview.on_request", "overview.management", "overview.platform",
            "overview.oversight", "article20", "applications", "review_litigation", "problems", "other",
        ])
    }

    func testUndecodableBytesGiveAnErrorRecord() {
        let outcome = Self.pipeline.process(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], displayName: "image.txt")
        XCTAssertTrue(outcome.failed)
        XCTAssertEqual(outcome.record["error"]?["kind"], .string("binary"))
        let empty = Self.pipeline.process(bytes: [], displayName: "empty.txt")
        XCTAssertEqual(empty.record["error"]?["kind"], .string("empty"))
        XCTAssertEqual(empty.record["document"], .string("empty.txt"))
    }

    func testAlternativesKeepTheLosingCandidates() {
        // Seed 004 names itself 度假区安监局 in its title and by its full name in the preamble.
        let record = record("seeds/004_b34427a2f19d7753.txt")
        XCTAssertEqual(record["fields"]?["agency"]?["value"], .string("聊城江北水城旅游度假区安全生产监督管理局"))
        guard case .array(let alternatives)? = record["alternatives"] else { return XCTFail("no alternatives") }
        let lost = alternatives.first { $0["field"] == .string("agency") }
        XCTAssertEqual(lost?["value"], .string("度假区安监局"))
        XCTAssertEqual(lost?["evidence"]?["rule"], .string("agency.title"))
    }
}

/// Reports written unlike the corpus: traditional script, a county government's wording, the template
/// before 2019, a page that lost a heading.
final class UnseenReportTests: XCTestCase {
    private static let pipeline = try! ExtractionPipeline(ruleSet: Repository.ruleSet)

    /// A report's field values as `GoldFile` prints them ("12345 (exact)"), by field name.
    private func values(_ bytes: [UInt8], name: String) -> (String) -> String? {
        let record = Self.pipeline.process(bytes: bytes, displayName: name).record
        return { GoldFile.recordValue(record, field: $0)?.description }
    }

    /// Each field's value is the one expected (nil: the field is null).
    private func assertValues(_ value: (String) -> String?, _ expected: KeyValuePairs<String, String?>,
                              file: StaticString = #filePath, line: UInt = #line) {
        for (field, wanted) in expected { XCTAssertEqual(value(field), wanted, field, file: file, line: line) }
    }

    private func fixture(_ name: String) throws -> String {
        try String(contentsOfFile: Repository.root.appendingPathComponent("Tests/Fixtures/reports/\(name)").path, encoding: .utf8)
    }

    /// Parts of 总体情况 numbered 1. 2. 3. instead of (一)(二)(三).
    func testArabicNumberedParts() throws {
        let text = "某区应急管理局2023年政府信息公开工作年度报告\n一、总体情况\n1.主动公开情况\n全年主动公开政府信息120条。\n"
            + "2.依申请公开情况\n全年收到申请3件。\n3.平台建设\n网站发布信息900条。\n六、其他需要报告的事项\n无。\n"
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let extraction = extractor.extract(text: text)
        XCTAssertEqual(extraction.layout.sections.map(\.id), ["overview", "overview.proactive", "overview.on_request", "overview.platform", "other"])
        XCTAssertEqual(extraction.fields["published_total"]?.value, .count(120))
        XCTAssertEqual(extraction.fields["applications_received"]?.value, .count(3))
        XCTAssertEqual(extraction.fields["agency"]?.value, .text("某区应急管理局"))
    }

    /// The lead of 总体情况, before (一), sums the year up: its total counts when (一) gives only a
    /// channel's items of one kind, and (一)'s own total wins over it. (The wording of real reports.)
    func testTheOverviewsLeadStatesTheTotal() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let lead = "某某街道办事处2021年政府信息公开工作年度报告\n一、总体情况\n2021年以来，某某街道办事处主动公开信息数为312条。\n"
        let parts = "（二）依申请公开\n未收到政府信息公开申请。\n六、其他需要报告的事项\n无。\n"
        let onlyKinds = extractor.extract(text: lead + "（一）主动公开\n1.社会服务管理信息公开。办事处通过某某区政府官网公开社会事务管理信息14条\n" + parts)
        XCTAssertEqual(onlyKinds.layout.ranges(for: "overview.lead").count, 1)
        XCTAssertEqual(onlyKinds.fields["published_total"]?.value, .count(312))
        XCTAssertEqual(onlyKinds.fields["published_total"]?.evidence.section, "overview")
        let ownTotal = extractor.extract(text: lead + "（一）主动公开\n全年主动公开政府信息300条。\n" + parts)
        XCTAssertEqual(ownTotal.fields["published_total"]?.value, .count(300))
        // Without parts there is no lead: the whole overview is the fallback scope.
        let noParts = extractor.extract(text: lead + parts.replacingOccurrences(of: "（二）依申请公开\n", with: ""))
        XCTAssertTrue(noParts.layout.ranges(for: "overview.lead").isEmpty)
        XCTAssertEqual(noParts.fields["published_total"]?.value, .count(312))
        // Parts, but no 主动公开 part: the whole overview is searched, the lead first.
        let otherParts = extractor.extract(text: "某某街道办事处2021年政府信息公开工作年度报告\n一、总体情况\n"
            + "（一）平台建设\n门户网站全年发布信息88条。\n" + parts)
        XCTAssertEqual(otherParts.layout.sections.map(\.id), ["overview", "overview.platform", "overview.on_request", "other"])
        XCTAssertEqual(otherParts.fields["published_website"]?.value, .count(88))
    }

    /// Channels as reports name them: the public site (政务外网), a site in quotes (“…”网), papers
    /// by name (日报); the channel's own figure after 其中; a clause that opens 今年共 after its channel.
    func testChannelsNamedAsReportsNameThem() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let text = "某市市场监督管理局2019年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n"
            + "2019年度累计公开政府信息2150条，其中某市市场监督管理局政务外网公开1420条，某某市场监管微信公众号公开390条。"
            + "在某某日报、某某晚报公开发布工作动态9条。\n（二）依申请公开\n未收到政府信息公开申请。\n"
        let extraction = extractor.extract(text: text)
        XCTAssertEqual(extraction.fields["published_total"]?.value, .count(2150))
        XCTAssertEqual(extraction.fields["published_website"]?.value, .count(1420))
        XCTAssertEqual(extraction.fields["published_wechat"]?.value, .count(390))
        XCTAssertEqual(extraction.fields["published_media"]?.value, .count(9))
        let quoted = "某区机关事务管理局2024年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n"
            + "区机关事务管理局在“某某区人民政府”网主动公开政府信息63篇；开通了“某某”微信公众号，今年共推送相关信息128篇。\n"
        let second = extractor.extract(text: quoted)
        XCTAssertEqual(second.fields["published_website"]?.value, .count(63))
        XCTAssertEqual(second.fields["published_wechat"]?.value, .count(128))
        XCTAssertNil(second.fields["published_total"], "two channels, no overall figure")
    }

    /// "One channel only": a website figure is the total unless another channel is counted,
    /// including one with no field of its own (a Weibo account, a bulletin board).
    func testAChannelWithNoFieldIsStillAnotherChannel() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let head = "某某乡人民政府2025年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n乡政府门户网站发布信息25条"
        let tail = "\n（二）依申请公开\n未收到政府信息公开申请。\n"
        let alone = extractor.extract(text: head + "。" + tail)
        XCTAssertEqual(alone.fields["published_total"]?.value, .count(25))
        // Accounts counted together (二是通过微博、微信…) are no one field's figure, but another
        // channel's all the same.
        // A breakdown ends at its semicolon: the item after it is another channel's, not a part.
        for other in ["；乡村宣传栏发布51条。", "；官方微博发布信息120条。", "。二是通过微博、微信公开政府信息267条。",
                      "，其中，规范性文件3件，机关简介10项；政务新媒体发布信息600余篇。"] {
            let extraction = extractor.extract(text: head + other + tail)
            XCTAssertEqual(extraction.fields["published_website"]?.value, .count(25), other)
            XCTAssertNil(extraction.fields["published_total"], other)
            XCTAssertNil(extraction.fields["published_wechat"], other)
            XCTAssertFalse(extraction.alternatives.contains { $0.candidate.field == "other_channel" }, "no record shows the trace")
        }
    }

    /// A rough figure that says what the exact one says (140多篇 beside 143条) is no rival; one that
    /// disagrees lowers the confidence. Under 平台建设 an account's figure needs its account named.
    func testARoughFigureThatAgreesIsNoRival() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let head = "某某局2023年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n全年通过门户网站发布信息420条，微信公众号143条。\n（二）依申请公开\n未收到申请。\n（四）政府信息公开平台建设\n"
        func wechat(_ platform: String) -> ResolvedField? { extractor.extract(text: head + platform + "\n").fields["published_wechat"] }
        let alone = try XCTUnwrap(wechat("规范信息发布。"))
        let agreeing = try XCTUnwrap(wechat("加强“某某应急”微信公众号运维，增强公开的及时性，全年发布图文信息140多篇。"))
        let disagreeing = try XCTUnwrap(wechat("加强“某某应急”微信公众号运维，增强公开的及时性，全年发布图文信息200多篇。"))
        XCTAssertEqual(agreeing.value, .count(143))
        XCTAssertEqual(agreeing.confidence, alone.confidence, accuracy: 1e-9)
        XCTAssertEqual(disagreeing.value, .count(143))
        XCTAssertLessThan(disagreeing.confidence, alone.confidence)
        let unnamed = extractor.extract(text: head + "加强平台建设，全年发布信息200条。\n")
        XCTAssertFalse(unnamed.alternatives.contains { $0.candidate.ruleID == "published.platform_account" })
    }

    /// The year's total covers every channel: a "total" below one channel's figure counts one kind
    /// of item, and a lower-ranked total (here the site's, as the one channel) takes its place.
    func testATotalBelowAChannelsFigureIsNoTotal() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let head = "某某经济开发区2023年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n"
        let tail = "\n（二）依申请公开情况\n2023年未收到政府信息公开申请。\n"
        let category = extractor.extract(text: head + "全年共公开各类信息19条，其中概况类信息3条，政务动态信息13条。微信公众号公开信息85条。" + tail)
        XCTAssertNil(category.fields["published_total"])
        XCTAssertEqual(category.fields["published_wechat"]?.value, .count(85))
        XCTAssertTrue(category.alternatives.contains { $0.candidate.field == "published_total" && $0.candidate.value == .count(19)
            && $0.reason.contains("below the published_wechat figure 85 of its section") })
        let site = extractor.extract(text: head + "2023年，通过政府网站主动公开信息2959条，其中：政务公开信息2463条，政务动态信息496条。"
            + "转载发布政策解读信息23条，发布人事任免信息19条。" + tail)
        XCTAssertEqual(site.fields["published_website"]?.value, .count(2959))
        XCTAssertEqual(site.fields["published_total"]?.value, .count(2959))
    }

    /// A total its own sentence breaks down into channels is the overall figure, even below a
    /// channel's figure stated elsewhere in its section; with a part above it, it is no total.
    /// A media figure above it never unseats it (press coverage is counted apart).
    func testATotalBrokenDownIntoChannelsStays() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let head = "某某省市场监督管理局2023年政府信息公开工作年度报告\n一、总体情况\n"
        let tail = "在各类新闻媒体平台发稿7841条。\n（二）依申请公开\n2023年未收到政府信息公开申请。\n"
        let broken = extractor.extract(text: head + "(一)强化主动公开。2023年主动公开政府信息共计6312条,其中,局官网发布信息764条,微信公众号2841条。" + tail)
        XCTAssertEqual(broken.fields["published_total"]?.value, .count(6312))
        XCTAssertEqual(broken.fields["published_website"]?.value, .count(764))
        XCTAssertEqual(broken.fields["published_media"]?.value, .count(7841))
        let above = extractor.extract(text: head + "(一)强化主动公开。2023年主动公开政府信息共计312条,其中,局官网发布信息764条。" + tail)
        XCTAssertNil(above.fields["published_total"])
        // Press coverage outnumbering the body's own items leaves its total alone.
        let press = extractor.extract(text: head + "(一)主动公开。2023年主动发布信息700余条。" + tail)
        XCTAssertEqual(press.fields["published_total"]?.value, .count(700))
        XCTAssertEqual(press.fields["published_media"]?.value, .count(7841))
    }

    /// A page cut after 总体情况, its parts' headings garbled, is still read as a report when it
    /// speaks of proactive disclosure and the regulations; a news item with one such heading is not.
    func testAPageCutAfterItsOverviewIsAReport() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let page = "一、總體情況\n2022年,某州市交通運輸局認真貫徹執行《中華人民共和國政府信息公開條例》。"
            + "\n?。ㄒ唬┲鲃庸_情況。2022年度,主動公開各類政府信息約196.4萬條。\n"
        let report = extractor.extract(text: page)
        XCTAssertEqual(report.fields["published_total"]?.value, .count(1_964_000))
        XCTAssertEqual(report.fields["agency"]?.value, .text("某州市交通運輸局"))
        let news = extractor.extract(text: "一、总体情况\n2022年，全市旅游业接待游客1200万人次，发布旅游信息300条。\n")
        XCTAssertTrue(news.fields.isEmpty)
    }

    /// Two media outlets' figures in one section, neither the whole of the other, state nothing
    /// for the media as a channel; one media figure does.
    func testSeveralOutletsGiveNoMediaFigure() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let head = "某某县市场监督管理局2022年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开情况\n"
            + "依托政府门户网站、微信公众号等平台主动公开信息312条。其中，政府网站动态84条，"
        let tail = "\n（二）依申请公开情况\n本年度未收到政府信息公开申请。\n"
        let tiers = extractor.extract(text: head + "省级媒体发布信息21条，市级媒体发布信息68条。" + tail)
        XCTAssertNil(tiers.fields["published_media"])
        XCTAssertTrue(tiers.alternatives.contains { $0.candidate.field == "published_media" && $0.reason.contains("several outlets") })
        XCTAssertEqual(tiers.fields["published_total"]?.value, .count(312))
        let one = extractor.extract(text: head + "通过新闻媒体发布信息21条。" + tail)
        XCTAssertEqual(one.fields["published_media"]?.value, .count(21))
    }

    /// A year that opens 总体情况 gives the report's year when its title does not, and is no
    /// figure the channels' counts after 其中 are parts of.
    func testTheOpeningYearIsNoWholeOfTheChannelsParts() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let text = "依据《中华人民共和国政府信息公开条例》规定，编制本报告。\n一、总体情况\n"
            + "2025年全年，我办共通过门户网站及政务新媒体方式主动公开907条，其中通过政府网站公开86条，微信公众号公开821条。\n"
            + "（二）依申请公开情况\n2025年我办未收到政府信息公开申请。\n"
        let extraction = extractor.extract(text: text)
        XCTAssertEqual(extraction.fields["report_year"]?.value, .year(2025))
        XCTAssertEqual(extraction.fields["published_website"]?.value, .count(86))
        XCTAssertEqual(extraction.fields["published_wechat"]?.value, .count(821))
    }

    /// A page record naming the department that issued the report and the government whose
    /// portal published it: the department reports, however much longer its government's name.
    func testThePublishingGovernmentIsNotTheReporter() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let text = "某克陶县审计局2021年政府信息公开工作年度报告\n发文单位 | 某克陶县审计局 | 发布机构 | 某克陶县人民政府 |\n"
            + "一、总体情况\n2021年,县审计局主动公开政府信息30条。\n（二）依申请公开\n未收到政府信息公开申请。\n"
        let extraction = extractor.extract(text: text)
        XCTAssertEqual(extraction.fields["agency"]?.value, .text("某克陶县审计局"))
        XCTAssertTrue(Resolver.isParentGovernment("某克陶县人民政府", of: "某克陶县审计局"))
        XCTAssertFalse(Resolver.isParentGovernment("某克陶县人民政府", of: "某克陶县人民政府办公室"))
    }

    /// A page headed by its portal's name (某元市人民政府, a line of its own), with a report that a
    /// department of that city compiled and names twice: the department reports.
    func testThePortalHeadingAPageIsNotTheReporter() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let text = "某元市人民政府\n首页 > 政务公开\n本报告根据《中华人民共和国政府信息公开条例》要求，由某元市商务局编制。"
            + "如对本报告有疑问，可与某元市商务局办公室联系。\n一、总体情况\n（一）主动公开情况\n2023年，局网站发布信息511条。\n"
            + "（二）依申请公开情况\n未收到政府信息公开申请。\n"
        let extraction = extractor.extract(text: text)
        XCTAssertEqual(extraction.fields["agency"]?.value, .text("某元市商务局"))
        // With the department named once, the portal's name (the stronger finding) stays.
        let once = text.replacingOccurrences(of: "可与某元市商务局办公室联系", with: "可与本局办公室联系")
        XCTAssertEqual(extractor.extract(text: once).fields["agency"]?.value, .text("某元市人民政府"))
    }

    /// A figure after 其中 is a part of the figure before it: of another field's, it may be the
    /// channel's own (共发布400条，其中网站254条); of the same field's, it is not the field's value.
    func testAPartAfterQizhongOfTheSameFieldsFigure() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let text = "某某县市场监督管理局2020年政府信息公开工作年度报告\n一、总体情况\n（一）主动公开\n"
            + "全年在各级新闻媒体发布信息180余篇，其中在国家级媒体发布40篇，省级媒体发布25篇。\n"
            + "共发布各类信息400条，其中网站254条。通过网站发布各类信息520条。\n"
            + "二是加大政策解读力度。2022年共发布解读相关信息96条，其中网站共发布80篇次。\n"
            + "（二）依申请公开\n未收到政府信息公开申请。\n"
        let extraction = extractor.extract(text: text)
        XCTAssertEqual(extraction.fields["published_media"]?.value, .count(180))
        XCTAssertEqual(extraction.fields["published_media"]?.qualifier, .atLeast)
        XCTAssertEqual(extraction.fields["published_total"]?.value, .count(400))
        XCTAssertEqual(extraction.fields["policy_interpretations"]?.value, .count(96))
        // 254 (the site's part of the total) and 520 compete; 80, the site's share of the
        // interpretations, does not.
        XCTAssertFalse(extraction.candidates.contains { $0.field == "published_website" && $0.value == .count(80) })
        XCTAssertTrue(extraction.candidates.contains { $0.field == "published_website" && $0.value == .count(254) })
    }

    /// The office that compiled the report for its body is not the fuller name of the body.
    func testTheBodysOfficeIsNotItsFullerName() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let text = "某某镇人民政府2021年政府信息公开工作年度报告\n本年度报告由某某镇人民政府党政办公室编制。\n"
            + "一、总体情况\n（一）主动公开\n全年主动公开政府信息120条。\n（二）依申请公开\n未收到政府信息公开申请。\n"
        let agency = extractor.extract(text: text).fields["agency"]
        XCTAssertEqual(agency?.value, .text("某某镇人民政府"))
        XCTAssertTrue(Resolver.isOffice("某某县人民政府办公室", of: "某某县人民政府"))
        XCTAssertFalse(Resolver.isOffice("某某县人民政府", of: "某某县"), "a place's government is the place's fuller name")
        XCTAssertTrue(Resolver.isFullerForm("某市某区某某街道办事处", of: "某某街道"))
        XCTAssertTrue(Resolver.isFullerForm("某某县农业农村局", of: "农业农村局"))
        XCTAssertFalse(Resolver.isFullerForm("某某街道党政办公室", of: "某某街道"))
        XCTAssertFalse(Resolver.isFullerForm("某市规划局政府", of: "某市规划局"), "a bureau has no 政府 after its name")
        XCTAssertTrue(Resolver.isFullerForm("沙塘鎮人民政府", of: "沙塘鎮政府"), "政府 is short for 人民政府")
        XCTAssertTrue(Resolver.isFullerForm("某市某县人民政府", of: "某县政府"))
        XCTAssertTrue(Resolver.isFullerForm("某川省人民政府", of: "某川省"), "a province's government")
        XCTAssertFalse(Resolver.isFullerForm("某川省人民政府", of: "某川省财政厅"))
        XCTAssertFalse(Resolver.isFullerForm("某县人民政府", of: "某县人民政府办公室"))
    }

    /// A title may give the body's short name; a name that only adds a place before it (in the
    /// contact line) is the fuller form FIELDS.md asks for, though its rule is weak alone.
    func testTheFullerFormOfTheTitlesName() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let text = "农业农村局2020年度政府信息公开工作年度报告\n本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
            + "如对本报告有任何疑问，请与某溪县农业农村局联系。\n一、总体情况\n（一）主动公开情况\n我局主动公开政府信息共175条。\n"
            + "六、其他需要报告的事项\n无。\n"
        let agency = extractor.extract(text: text).fields["agency"]
        XCTAssertEqual(agency?.value, .text("某溪县农业农村局"))
        XCTAssertEqual(agency?.ruleID, "agency.contact")
        // A contact that names another body does not replace the title's.
        let other = text.replacingOccurrences(of: "某溪县农业农村局联系", with: "某溪县人民政府办公室联系")
        XCTAssertEqual(extractor.extract(text: other).fields["agency"]?.value, .text("农业农村局"))
        // With no other name, a contact body that carries its place names the reporter, weakly;
        // a government's office names no one (it often compiles its bureaus' reports).
        let untitled = text.replacingOccurrences(of: "农业农村局2020年度政府信息公开工作年度报告\n", with: "2020年度政府信息公开工作年度报告\n")
        let named = extractor.extract(text: untitled).fields["agency"]
        XCTAssertEqual(named?.value, .text("某溪县农业农村局"))
        XCTAssertLessThan(named?.confidence ?? 1, 0.5)
        let office = untitled.replacingOccurrences(of: "某溪县农业农村局联系", with: "某溪县人民政府办公室联系")
        let extraction = extractor.extract(text: office)
        XCTAssertNil(extraction.fields["agency"])
        XCTAssertEqual(extraction.alternatives.first { $0.candidate.field == "agency" }?.reason, "only extends a name another rule finds")
    }

    /// A county report (Tests/Fixtures/reports/county-2022.txt): thousands separators, several
    /// channels with their own figures, a signature by the government's office.
    func testCountyReport() throws {
        let value = values(Array(try fixture("county-2022.txt").utf8), name: "county")
        assertValues(value, [
            "agency": "某某县人民政府",
            "issue_date": "2023-01-18",
            "published_total": "12345 (exact)",
            "published_website": "8000 (at_least)",
            "published_wechat": "2300 (exact)",
            "press_conferences": "12 (exact)",
            "policy_interpretations": "45 (exact)",
            "applications_received": "56 (exact)",
            "fees_collected": "0 (exact)",
            "published_media": nil,
        ])
    }

    /// A report on the template before 2019: 二、主动公开政府信息情况 is prose there, not the Article 20
    /// table, 四、政府信息公开的收费及减免情况 is the fees section (where fees_collected is read), and
    /// 五、因政府信息公开申请提起行政复议、行政诉讼的情况 is the review section.
    func testReportOnTheTemplateBefore2019() throws {
        let report = try fixture("county-2015-before-2019-template.txt")
        let extraction = try Extractor(ruleSet: Repository.ruleSet).extract(Array(report.utf16))
        XCTAssertEqual(extraction.layout.sections.map(\.id),
                       ["overview", "overview.proactive", "overview.on_request", "fees", "review_litigation", "problems"])
        XCTAssertEqual(extraction.fields["fees_collected"]?.evidence.section, "fees")
        let value = values(Array(report.utf8), name: "county-2015")
        assertValues(value, [
            "agency": "某某县人民政府",
            "report_year": "2015",
            "published_total": "3521 (exact)",
            "published_website": "2986 (exact)",
            "press_conferences": "8 (exact)",
            "policy_interpretations": "12 (exact)",
            "applications_received": "15 (exact)",
            "fees_collected": "0 (exact)",
            "format_notice": nil,
        ])
    }

    /// Some reports state the applications received only in the prose of 三、收到和处理政府信息公开申请情况,
    /// above its table: the narrative field takes it there when 一 says nothing of them.
    func testApplicationsStatedOnlyAboveTheirTable() throws {
        let extractor = try Extractor(ruleSet: Repository.ruleSet)
        let text = "某某区人民政府办公室2022年政府信息公开工作年度报告\n一、总体情况\n2022年，区政府办公室认真贯彻执行《条例》。\n"
            + "二、主动公开政府信息情况\n规章\t0\t0\t0\n"
            + "三、收到和处理政府信息公开申请情况\n2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。\n"
            + "一、本年新收政府信息公开申请数量\t8\t0\t0\t0\t0\t0\t8\n"
        let extraction = extractor.extract(text: text)
        XCTAssertEqual(extraction.fields["applications_received"]?.value, .count(8))
        XCTAssertEqual(extraction.fields["applications_received"]?.evidence.section, "applications")
        let stated = "一、总体情况\n（二）依申请公开\n全年共收到政府信息公开申请5件。\n"
        let both = extractor.extract(text: text.replacingOccurrences(of: "一、总体情况\n", with: stated))
        XCTAssertEqual(both.fields["applications_received"]?.value, .count(5), "一's own statement comes first")
    }

    /// A page that lost its 一、总体情况 heading: its (一)主动公开, (二)依申请公开 are still the
    /// overview's parts, so the overview's rules read them (and 因政府信息公开引起的…2件 is no count).
    func testPartsOfTheOverviewWithoutItsHeading() throws {
        let report = """
        某某省水利厅2023年政府信息公开工作年度报告
        本报告中所列数据统计期限自2023年1月1日起至2023年12月31日止。
        （一）主动公开
        全年通过门户网站发布信息4902条，通过“某某水利”微信公众号发布信息517条，举办新闻发布会6场。
        （二）依申请公开
        全年新收政府信息公开申请61件，未向申请人收取费用。
        （三）政府信息管理
        因政府信息公开引起的行政复议共2件。
        二、主动公开政府信息情况
        第二十条第（一）项
        信息内容	本年制发件数	本年废止件数	现行有效件数
        """
        let extraction = try Extractor(ruleSet: Repository.ruleSet).extract(Array(report.utf16))
        XCTAssertEqual(extraction.layout.sections.map(\.id), ["overview.proactive", "overview.on_request", "overview.management", "article20"])
        let value = values(Array(report.utf8), name: "parts")
        assertValues(value, [
            "published_website": "4902 (exact)",
            "published_wechat": "517 (exact)",
            "published_total": nil,
            "press_conferences": "6 (exact)",
            "applications_received": "61 (exact)",
            "fees_collected": "0 (exact)",
        ])
    }

    /// A one-line dump that runs a table's last cell into the next heading (…52元三、收到和处理…):
    /// the heading still opens its section; a numeral inside words (第三、) still does not.
    func testHeadingRightAfterAFiguresUnit() throws {
        let report = "某某区2019年政府信息公开工作年度报告。一、总体情况全年主动公开信息120条。二、主动公开政府信息情况"
            + "第二十条第(八)项信息内容本年收费金额(单位:万元)行政事业性收费52元三、收到和处理政府信息公开申请情况"
            + "本年新收政府信息公开申请数量3。其中三、四项工作另行报告。四、政府信息公开行政复议、行政诉讼情况无。"
        let sections = try Extractor(ruleSet: Repository.ruleSet).extract(Array(report.utf16)).layout.sections.map(\.id)
        XCTAssertEqual(sections, ["overview", "article20", "applications", "review_litigation"])
    }

    /// Sections numbered as parts (第一部分 总体情况), their sub-parts as 一、: the parts open the
    /// sections; 第 inside a sentence (第二十条, 按第一部分要求) opens none.
    func testSectionsNumberedAsParts() throws {
        let report = "某某区司法局2022年政府信息公开工作年度报告\n第一部分 总体情况\n一、主动公开\n2022年，区司法局主动公开政府信息156条。\n"
            + "二、依申请公开\n全年共收到政府信息公开申请3件，按第一部分要求办理。\n第二部分、主动公开政府信息情况\n第二十条第(一)项\n信息内容\t本年制发件数\n"
            + "第三部分 收到和处理政府信息公开申请情况\n第六部分：其他需要报告的事项\n本机关未收取信息处理费。\n"
        let extraction = try Extractor(ruleSet: Repository.ruleSet).extract(Array(report.utf16))
        XCTAssertEqual(extraction.layout.sections.map(\.id),
                       ["overview", "overview.proactive", "overview.on_request", "article20", "applications", "other"])
        XCTAssertEqual(extraction.fields["published_total"]?.value, .count(156))
        XCTAssertEqual(extraction.fields["applications_received"]?.value, .count(3))
        XCTAssertEqual(extraction.fields["fees_collected"]?.evidence.section, "other")
    }

    /// A page whose sections are numbered in brackets ((一)总体情况 … (四)、…收费及减免情况), their
    /// parts 1. 2., and no title: the brackets are its sections, so it is read as a report.
    func testSectionsNumberedInBrackets() throws {
        let report = "(一)总体情况\n2021年，某某市某某区司法局认真贯彻落实《条例》。本报告中所列数据的统计期限自2021年1月1日至2021年12月31日止。\n"
            + "(二)政府信息公开情况\n1.主动公开政府信息数量及类别。2021年，我局通过官方网站等方式公开政府信息共16条。\n"
            + "2.依申请公开政府信息情况。2021年，我局受理依申请公开政府信息0件。\n"
            + "(三)、申请行政复议和提起行政诉讼情况\n2021年涉及政府信息公开行政复议0件。\n"
            + "(四)、政府信息公开的收费及减免情况\n2021年度我局没有向政府信息公开的查阅或申请人进行收费的情况。\n"
        let extraction = try Extractor(ruleSet: Repository.ruleSet).extract(Array(report.utf16))
        XCTAssertEqual(extraction.layout.sections.map(\.id),
                       ["overview", "overview.proactive", "overview.on_request", "review_litigation", "fees"])
        XCTAssertEqual(extraction.fields["report_year"]?.value, .year(2021))
        XCTAssertEqual(extraction.fields["published_total"]?.value, .count(16))
        XCTAssertEqual(extraction.fields["fees_collected"]?.value, .count(0))
        // With a section numbered 一、, brackets stay parts of 总体情况.
        let numbered = try Extractor(ruleSet: Repository.ruleSet).extract(Array(("一、总体情况\n" + report).utf16))
        XCTAssertFalse(numbered.layout.sections.contains { $0.id == "fees" })
    }

    /// A web page's site name and navigation before the title: the title is still the title.
    func testSiteNameAndNavigationBeforeTheTitle() {
        let report = """
        某某市人民政府
        某某市卫生健康委
        政府信息公开
        您现在的位置: 首页>信息公开>政府信息公开年报
        某某市卫生健康委员会2023年政府信息公开工作年度报告
        本报告中所列数据统计期限为2023年1月1日至2023年12月31日。
        一、总体情况
        （一）主动公开
        2023年，通过门户网站主动公开政府信息313条。
        """
        let value = values(Array(report.utf8), name: "navigation")
        assertValues(value, ["agency": "某某市卫生健康委员会", "report_year": "2023", "published_total": "313 (exact)"])
    }

    /// A page's metadata lines before a title broken after its year: the title is still the title.
    func testTitleBrokenAfterItsYear() {
        let report = """
        - 发布时间:2024年01月12日
        - 编辑:某某省机关事务管理局管理员
        - 来源:办公室
        某某省机关事务管理局2023年
        政府信息公开工作年度报告
        一、总体情况
        2023年,我局严格贯彻《中华人民共和国政府信息公开条例》。
        """
        let value = values(Array(report.utf8), name: "broken title")
        assertValues(value, ["agency": "某某省机关事务管理局", "report_year": "2023"])
    }

    func testTraditionalReport() {
        let report = """
        合肥市蜀山區教育體育局2023年政府信息公開工作年度報告
        本報告根據《中華人民共和國政府信息公開條例》和《國務院辦公廳政府信息與政務公開辦公室關於印發〈中華人民共和國政府信息公開工作年度報告格式〉的通知》（國辦公開辦函〔2021〕30號）要求編製。本報告中所列數據統計期限自2023年1月1日起至2023年12月31日止。
        一、總體情況
        （一）主動公開
        2023年，本局通過門戶網站、微信公眾號等渠道共發布各類信息約320條，其中網站210條，微信公眾號110條；舉行新聞發布會兩場。
        （二）依申請公開
        2023年，本局未收到政府信息公開申請。
        五、存在的主要問題及改進情況
        無。
        六、其他需要報告的事項
        本局未收取信息處理費。
        合肥市蜀山區教育體育局
        2024年1月25日
        """
        let value = values(Array(report.utf8), name: "trad.txt")
        assertValues(value, [
            "agency": "合肥市蜀山區教育體育局",
            "report_year": "2023",
            "format_notice": "國辦公開辦函〔2021〕30號",
            "period_end": "2023-12-31",
            "issue_date": "2024-01-25",
            "published_total": "320 (approximate)",
            "published_website": "210 (exact)",
            "published_wechat": "110 (exact)",
            "press_conferences": "2 (exact)",
            "applications_received": "0 (exact)",
            "fees_collected": "0 (exact)",
        ])
    }
}
