import Foundation
import XCTest
import NianbaoCore
import NianbaoFormats

/// Bad and odd inputs: every file gives exactly one line, a record or an error record naming
/// the file and the reason, and the run goes on.
final class BadInputTests: XCTestCase {
    private static let pipeline = try! ExtractionPipeline(ruleSet: Repository.ruleSet, converters: DocumentFormats.converters())
    private let seed = Repository.text("seeds/001_820fcc988f57598f.txt")

    private func outcome(_ bytes: [UInt8], _ name: String = "doc.txt") -> DocumentOutcome {
        Self.pipeline.process(bytes: bytes, displayName: name)
    }

    private func errorKind(_ outcome: DocumentOutcome) -> String? {
        if case .string(let kind)? = outcome.record["error"]?["kind"] { return kind }
        return nil
    }

    func testEmptyAndBinaryFilesAreErrors() {
        XCTAssertEqual(errorKind(outcome([])), "empty")
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        png += (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        let binary = outcome(png, "image.txt")
        XCTAssertEqual(errorKind(binary), "binary")
        if case .string(let message)? = binary.record["error"]?["message"] { XCTAssertTrue(message.hasPrefix("image.txt:")) }
    }

    func testTruncatedTextIsReadWithAWarning() {
        let utf8 = Array(seed.utf8)
        let cut = outcome(Array(utf8.prefix(utf8.count - 1)))  // inside the last character (日 is 3 bytes)
        XCTAssertNil(errorKind(cut))
        XCTAssertEqual(GoldFile.recordValue(cut.record, field: "published_total")?.value, "397")
        let gb = [UInt8](seed.data(using: String.Encoding(rawValue: 0x8000_0632))!)
        let cutGB = outcome(Array(gb.prefix(gb.count - 1)))
        XCTAssertNil(errorKind(cutGB))
        XCTAssertEqual(cutGB.record["source"]?["charset"], .string("GB18030"))
        XCTAssertEqual(GoldFile.recordValue(cutGB.record, field: "press_conferences")?.value, "3")
    }

    func testUTF16WithoutBOMIsDetected() {
        let le = seed.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let record = outcome(le).record
        XCTAssertEqual(record["source"]?["charset"], .string("UTF-16LE"))
        XCTAssertEqual(GoldFile.recordValue(record, field: "agency")?.value, "重庆市綦江区应急管理局")
    }

    func testANewsArticleIsNotAReport() {
        let news = "綦江区召开安全生产工作会议\n本报讯 3月5日，区应急管理局召开全区安全生产工作会议，共发布通知12条，参会人员200余人。会议要求各单位压实责任。\n"
        let record = outcome(Array(news.utf8)).record
        XCTAssertNil(record["error"])
        guard case .object(let fields)? = record["fields"] else { return XCTFail() }
        XCTAssertTrue(fields.allSatisfy { $0.1 == .null })
        guard case .array(let warnings)? = record["warnings"] else { return XCTFail() }
        XCTAssertTrue(warnings.contains { if case .string(let w) = $0 { return w.hasPrefix("not a disclosure report") }; return false })
    }

    func testSectionsOutOfOrderOrMissing() {
        // Section 六 first, 五 gone, 一 last: fields still come from where they are.
        let parts = seed.components(separatedBy: "五、当前存在的主要问题")
        let head = parts[0], tail = parts[1]
        let other = tail.components(separatedBy: "六、其他需要报告的事项")[1]
        let shuffled = "六、其他需要报告的事项" + other + "\n" + head
        let record = outcome(Array(shuffled.utf8)).record
        XCTAssertEqual(GoldFile.recordValue(record, field: "fees_collected")?.value, "0")
        XCTAssertEqual(GoldFile.recordValue(record, field: "published_total")?.value, "397")
    }

    /// The folder of bad inputs through the command line: one line per file, no crash, exit 1.
    func testBadInputFolderGivesOneLinePerFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-bad-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        defer {
            chmod(folder.appendingPathComponent("locked").path, 0o755)
            try? manager.removeItem(at: folder)
        }
        func write(_ name: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        try write("empty.txt", [])
        try write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0] + (0..<500).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let utf8 = Array(seed.utf8)
        try write("truncated-utf8.txt", Array(utf8.prefix(utf8.count - 2)))
        let gb = [UInt8](seed.data(using: String.Encoding(rawValue: 0x8000_0632))!)
        try write("truncated-gb18030.txt", Array(gb.prefix(gb.count - 1)))
        try write("utf16-no-bom.txt", seed.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try write("news.txt", Array("区应急管理局召开会议\n会议共发布通知12条。\n".utf8))
        try write("report.txt", utf8)
        // A 200 MB file: refused by the size limit, not read whole.
        let big = folder.appendingPathComponent("big.txt").path
        XCTAssertTrue(manager.createFile(atPath: big, contents: nil))
        XCTAssertEqual(truncate(big, 200 << 20), 0)
        // A symlink loop, and a folder no one may read.
        try manager.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(atPath: folder.appendingPathComponent("sub/loop").path, withDestinationPath: folder.path)
        try manager.createDirectory(at: folder.appendingPathComponent("locked"), withIntermediateDirectories: true)
        try write("locked/inside.txt", utf8)
        chmod(folder.appendingPathComponent("locked").path, 0)
        let root = getuid() == 0  // root reads the locked folder anyway

        let process = Process()
        process.executableURL = try XCTUnwrap(Repository.nianbao)
        process.arguments = ["extract", folder.path, "--quiet", "--rules", Repository.rules]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        let records = try output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        let byName = Dictionary(uniqueKeysWithValues: records.map { (URL(fileURLWithPath: $0["document"] as! String).lastPathComponent, $0) })
        // 8 files at the top, the locked folder's file (or the folder itself as an error), and
        // the loop's second pass over the same files is not taken.
        XCTAssertEqual(records.count, 9, output)
        func kind(_ name: String) -> String? { (byName[name]?["error"] as? [String: Any])?["kind"] as? String }
        XCTAssertEqual(kind("empty.txt"), "empty")
        XCTAssertEqual(kind("image.txt"), "binary")
        XCTAssertEqual(kind("big.txt"), "too_large")
        XCTAssertNil(kind("truncated-utf8.txt"))
        XCTAssertNil(kind("truncated-gb18030.txt"))
        XCTAssertNil(kind("utf16-no-bom.txt"))
        XCTAssertNil(kind("news.txt"))
        XCTAssertNil(kind("report.txt"))
        if root { XCTAssertNil(kind("inside.txt")) } else { XCTAssertEqual(kind("locked"), "unreadable") }
        for record in records {
            if let error = record["error"] as? [String: Any] {
                XCTAssertTrue((error["message"] as! String).contains(URL(fileURLWithPath: record["document"] as! String).lastPathComponent))
            }
        }
    }
}
