import Foundation
import HTMLKit
import NianbaoCore
import ZIPFoundation

/// A Word file (`.docx`) → text: the paragraphs of `word/document.xml` as lines, its tables as
/// one line per row with tab-separated cells (a cell's paragraphs joined by a space).
public final class DOCXConverter: DocumentConverter {
    public init() {}

    public func accepts(path: String, bytes: [UInt8]) -> Bool {
        path.lowercased().hasSuffix(".docx") || (bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) && path.lowercased().hasSuffix(".doc") == false
            && bytes.count > 30 && String(decoding: bytes.prefix(2000), as: UTF8.self).contains("word/"))
    }

    public func convert(_ bytes: [UInt8], path: String, loader: DocumentLoader) throws(DocumentError) -> ConvertedText {
        let xml: [UInt8]
        do {
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            guard let entry = archive["word/document.xml"] else {
                throw DocumentError(kind: "undecodable", message: "\(path): a zip file without word/document.xml, not a Word document")
            }
            guard entry.uncompressedSize <= UInt64(loader.maxBytes) else {
                throw DocumentError(kind: "too_large", message: "\(path): word/document.xml is larger than the \(loader.maxBytes)-byte limit")
            }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            xml = [UInt8](data)
        } catch let error as DocumentError {
            throw error
        } catch {
            throw DocumentError(kind: "undecodable", message: "\(path): not a readable Word file (\(error))")
        }
        guard let root = HTMLParser.parseXML(xml) else {
            throw DocumentError(kind: "undecodable", message: "\(path): word/document.xml is not XML")
        }
        var lines: [String] = []
        Self.walk(root, into: &lines)
        return ConvertedText(units: Array(lines.joined(separator: "\n").utf16) + [0x0A], charset: "UTF-8", kind: "docx")
    }

    private static func walk(_ node: HTMLNode, into lines: inout [String]) {
        guard case .element(let name, _, let children) = node else { return }
        switch name {
        case "p": lines.append(paragraph(node))
        case "tbl":
            for row in children where row.elementName == "tr" {
                let cells = row.childElements.filter { $0.elementName == "tc" }.map { cell in
                    cell.childElements.filter { $0.elementName == "p" }.map(paragraph).joined(separator: " ")
                }
                lines.append(cells.joined(separator: "\t"))
            }
        default:
            for child in children { walk(child, into: &lines) }
        }
    }

    /// A paragraph's text: its runs' `w:t`, with `w:tab` as a tab and `w:br` as a space.
    private static func paragraph(_ node: HTMLNode) -> String {
        var text = ""
        func collect(_ node: HTMLNode) {
            switch node {
            case .text(let s): text += s
            case .element(let name, _, let children):
                switch name {
                case "t": for child in children { if case .text(let s) = child { text += s } }
                case "tab": text += "\t"
                case "br", "cr": text += " "
                case "instrText", "delText": break
                default: for child in children { collect(child) }
                }
            }
        }
        for child in node.childElements { collect(child) }
        return text
    }
}

extension HTMLNode {
    var elementName: String { if case .element(let name, _, _) = self { return name }; return "" }
    var childElements: [HTMLNode] {
        if case .element(_, _, let children) = self { return children.filter { if case .element = $0 { return true }; return false } }
        return []
    }
}
