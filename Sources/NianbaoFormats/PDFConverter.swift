import Foundation
import NianbaoCore

/// A PDF → text with Debian's poppler-utils: `pdftotext -layout` for the pages, and for pages
/// that hold tables, `pdftotext -raw -bbox` word boxes put together by `PDFTableAssembler`, since
/// the layout text wraps a cell's label over several lines and leaves empty cells without a
/// trace. (`-raw` because the ordinary word list runs neighbouring cells' figures together:
/// `0` `0` becomes `00`.) When the tool is not installed the document gets an error record.
public final class PDFConverter: DocumentConverter {
    private let tool: String?

    public init() {
        tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public func accepts(path: String, bytes: [UInt8]) -> Bool {
        path.lowercased().hasSuffix(".pdf") || bytes.starts(with: Array("%PDF-".utf8))
    }

    public func convert(_ bytes: [UInt8], path: String, loader: DocumentLoader) throws(DocumentError) -> ConvertedText {
        guard let tool else {
            throw DocumentError(kind: "unsupported", message: "\(path): PDF needs pdftotext, which is not installed (apt-get install poppler-utils)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: input)
            let layout = try run(tool, ["-layout", "-enc", "UTF-8"], input: input, output: folder.appendingPathComponent("layout.txt"))
            guard let text = layout.text else {
                throw DocumentError(kind: "undecodable", message: "\(path): pdftotext could not read it (status \(layout.status))")
            }
            guard text.contains(where: { !$0.isWhitespace }) else {
                throw DocumentError(kind: "undecodable", message: "\(path): the PDF has no text layer (a scan needs OCR first)")
            }
            // Pages end in form feeds; they become line breaks.
            var pages = text.components(separatedBy: "\u{0C}")
            // Without word boxes the tables stay as the layout text has them.
            if let boxes = try? run(tool, ["-raw", "-bbox", "-enc", "UTF-8"], input: input, output: folder.appendingPathComponent("boxes.html")),
               let xhtml = boxes.text {
                for (page, rebuilt) in PDFTableAssembler.pageTexts(PDFWordBoxReader.pages(xhtml)).enumerated() where page < pages.count {
                    if let rebuilt { pages[page] = rebuilt }
                }
            }
            return ConvertedText(units: Array(pages.joined(separator: "\n").utf16), charset: "UTF-8", kind: "pdf")
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError(kind: "unreadable", message: "\(path): \(error.localizedDescription)")
        }
    }

    /// pdftotext's output file, nil when it failed.
    private func run(_ tool: String, _ options: [String], input: URL, output: URL) throws -> (text: String?, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = options + [input.path, output.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return (nil, process.terminationStatus) }
        return (try String(contentsOf: output, encoding: .utf8), 0)
    }
}
