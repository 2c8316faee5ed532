import Foundation

/// The seeds rendered into other formats by a simple, mechanical rule: paragraphs as paragraphs,
/// tab-separated rows and one-cell-per-line blocks as table rows.
enum SeedRenderings {
    /// Paragraph lines and table rows of a seed, in order.
    enum Block { case paragraph(String), row([String]) }

    static func blocks(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var cells: [String]? = nil
        func closeRow() { if let row = cells, !row.isEmpty { blocks.append(.row(row)) }; cells = nil }
        for line in text.components(separatedBy: "\n") {
            let tabs = line.filter { $0 == "\t" }.count
            if tabs >= 1 && !(line.hasPrefix("\t") && tabs == 1) {
                closeRow()
                blocks.append(.row(line.components(separatedBy: "\t")))
            } else if line.hasPrefix("\t") {
                cells = (cells ?? []) + [String(line.dropFirst())]
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                closeRow()
            } else if cells != nil && !(cells!.isEmpty) {
                cells![cells!.count - 1] += line  // a cell's text went on to the next line
            } else {
                closeRow()
                blocks.append(.paragraph(line))
            }
        }
        closeRow()
        return blocks
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    static func html(_ text: String) -> String {
        var body = ""
        var inTable = false
        for block in blocks(text) {
            switch block {
            case .paragraph(let line):
                if inTable { body += "</table>\n"; inTable = false }
                body += "<p>\(escape(line))</p>\n"
            case .row(let cells):
                if !inTable { body += "<table border=\"1\">\n"; inTable = true }
                body += "<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
            }
        }
        if inTable { body += "</table>\n" }
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>report</title></head><body>\n\(body)</body></html>\n"
    }

    static func wordXML(_ text: String) -> String {
        func paragraph(_ s: String) -> String {
            "<w:p><w:r><w:t xml:space=\"preserve\">\(escape(s))</w:t></w:r></w:p>"
        }
        var body = ""
        var inTable = false
        for block in blocks(text) {
            switch block {
            case .paragraph(let line):
                if inTable { body += "</w:tbl>"; inTable = false }
                body += paragraph(line)
            case .row(let cells):
                if !inTable { body += "<w:tbl>"; inTable = true }
                body += "<w:tr>" + cells.map { "<w:tc>\(paragraph($0))</w:tc>" }.joined() + "</w:tr>"
            }
        }
        if inTable { body += "</w:tbl>" }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
    }
}
