import Foundation
import XCTest
import NianbaoCore
import NianbaoFormats
import ZIPFoundation

/// The five seeds as web pages, Word files and PDFs give the fields and table cells the plain
/// text gives.
final class FormatTests: XCTestCase {
    private static let pipeline = try! ExtractionPipeline(ruleSet: Repository.ruleSet, converters: DocumentFormats.converters())
    private static let seeds = Repository.gold().map(\.document).filter { $0.hasPrefix("seeds/") }

    private func values(_ record: JSONValue) -> [String: String] {
        var result: [String: String] = [:]
        for name in FieldCatalogue.names { result[name] = GoldFile.recordValue(record, field: name)?.description ?? "null" }
        return result
    }

    private func assertSameAsText(_ record: JSONValue, _ seed: String, kind: String, tables: Bool = true,
                                  file: StaticString = #filePath, line: UInt = #line) {
        let text = Self.pipeline.process(bytes: Repository.document(seed), displayName: seed).record
        XCTAssertNil(record["error"], "\(seed) as \(kind): \(record["error"].map { $0.serialized() } ?? "")", file: file, line: line)
        XCTAssertEqual(record["source"]?["text"], .string(kind), file: file, line: line)
        let got = values(record), expected = values(text)
        for name in FieldCatalogue.names where got[name] != expected[name] {
            XCTFail("\(seed) as \(kind): \(name) is \(got[name] ?? ""), as text \(expected[name] ?? "")", file: file, line: line)
        }
        if tables {
            let cells = TableCells.longForm(record, specs: Repository.ruleSet.tables)
            let textCells = TableCells.longForm(text, specs: Repository.ruleSet.tables)
            let differing = zip(cells, textCells).filter { $0.0.value != $0.1.value }.map { "\($0.0.table).\($0.0.row).\($0.0.column)" }
            XCTAssertEqual(cells.count, textCells.count, file: file, line: line)
            XCTAssertTrue(differing.isEmpty, "\(seed) as \(kind): cells differ: \(differing.prefix(8))", file: file, line: line)
        }
    }

    func testSeedsAsWebPages() {
        for seed in Self.seeds {
            let html = SeedRenderings.html(Repository.text(seed))
            assertSameAsText(Self.pipeline.process(bytes: Array(html.utf8), displayName: seed + ".html").record, seed, kind: "html")
        }
    }

    func testSeedsAsWordFiles() throws {
        for seed in Self.seeds {
            let archive = try Archive(accessMode: .create)
            let types = """
            <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """
            for (path, content) in [("[Content_Types].xml", types), ("word/document.xml", SeedRenderings.wordXML(Repository.text(seed)))] {
                let data = Data(content.utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            let bytes = [UInt8](try XCTUnwrap(archive.data))
            assertSameAsText(Self.pipeline.process(bytes: bytes, displayName: seed + ".docx").record, seed, kind: "docx")
        }
    }

    /// PDFs printed from the seeds' web pages by headless Chromium (Scripts/make-pdf-fixtures),
    /// read back with pdftotext: the fields from its layout text, the table cells from its word
    /// boxes (labels wrapped across lines, empty cells, a table running on over a page break).
    func testSeedsAsPDFs() throws {
        let folder = Repository.root.appendingPathComponent("Tests/Fixtures/pdf")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
            // Without the tool every PDF is an error record that says so.
            let record = Self.pipeline.process(bytes: Array("%PDF-1.4\n".utf8), displayName: "x.pdf").record
            XCTAssertEqual(record["error"]?["kind"], .string("unsupported"))
            throw XCTSkip("pdftotext is not installed (apt-get install poppler-utils)")
        }
        for seed in Self.seeds {
            let name = URL(fileURLWithPath: seed).deletingPathExtension().lastPathComponent + ".pdf"
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            assertSameAsText(Self.pipeline.process(bytes: bytes, displayName: name).record, seed, kind: "pdf")
        }
    }

    /// Seed 004 printed in other styles (Tests/Fixtures/pdf/variants): cells whose wrapped lines
    /// are spaced as loosely as rows (CSS line-height 1.6), so a label's lines stand apart from its
    /// figures; and centred cells, where the e-mail address wraps right after 邮箱：.
    func testSeedPrintedInOtherStyles() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
            throw XCTSkip("pdftotext is not installed (apt-get install poppler-utils)")
        }
        let folder = Repository.root.appendingPathComponent("Tests/Fixtures/pdf/variants")
        for name in ["004_loose-cells.pdf", "004_centered.pdf"] {
            let bytes = [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
            assertSameAsText(Self.pipeline.process(bytes: bytes, displayName: name).record, "seeds/004_b34427a2f19d7753.txt", kind: "pdf")
        }
    }

    func testNotAWordFileIsAnError() {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 40)
        XCTAssertEqual(Self.pipeline.process(bytes: zip, displayName: "broken.docx").record["error"]?["kind"], .string("undecodable"))
    }

    /// Writes the seeds' web pages for Scripts/make-pdf-fixtures (NIANBAO_WRITE_FIXTURES=DIR).
    func testWriteHTMLFixturesWhenAsked() throws {
        guard let target = ProcessInfo.processInfo.environment["NIANBAO_WRITE_FIXTURES"] else { return }
        for seed in Self.seeds {
            let name = URL(fileURLWithPath: seed).deletingPathExtension().lastPathComponent + ".html"
            try SeedRenderings.html(Repository.text(seed)).write(toFile: target + "/" + name, atomically: true, encoding: .utf8)
        }
    }
}
