import Foundation
import NianbaoCore

/// A PDF → text through `pdftotext -layout` (Debian's poppler-utils). When the tool is not
/// installed the document gets an error record that says so.
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
        let input = folder.appendingPathComponent("in.pdf"), output = folder.appendingPathComponent("out.txt")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-layout", "-enc", "UTF-8", input.path, output.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw DocumentError(kind: "undecodable", message: "\(path): pdftotext could not read it (status \(process.terminationStatus))")
            }
            let text = try String(contentsOf: output, encoding: .utf8)
            guard text.contains(where: { !$0.isWhitespace }) else {
                throw DocumentError(kind: "undecodable", message: "\(path): the PDF has no text layer (a scan needs OCR first)")
            }
            // Page breaks (form feeds) become line breaks.
            return ConvertedText(units: Array(text.replacingOccurrences(of: "\u{0C}", with: "\n").utf16), charset: "UTF-8", kind: "pdf")
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError(kind: "unreadable", message: "\(path): \(error.localizedDescription)")
        }
    }
}
