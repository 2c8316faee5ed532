import Foundation
import HTMLKit
import NianbaoCore

/// A report page as a government site serves it → text, with libxml2's HTML parser.
///
/// The page's `<title>` comes first (reports name their agency and year there); navigation,
/// scripts, styles, forms and footers are dropped; paragraphs, headings and line breaks become
/// lines; every table row becomes one line of tab-separated cells, a cell spanning several rows
/// repeated in them when it is a label, so the table reader sees whole rows. The charset is the
/// one `<meta charset>` declares, else ICU's detection.
public final class HTMLConverter: DocumentConverter {
    public init() {}

    public func accepts(path: String, bytes: [UInt8]) -> Bool {
        let name = path.lowercased()
        if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".shtml") || name.hasSuffix(".xhtml") { return true }
        // Sniff only what starts with '<' (after a BOM or white space): most documents do not.
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x0A || bytes[start] == 0x0D || bytes[start] == 0x09 { start += 1 }
        guard start < bytes.count, bytes[start] == 0x3C else { return false }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 512)], as: UTF8.self).lowercased()
        return head.contains("<!doctype html") || head.contains("<html")
    }

    public func convert(_ bytes: [UInt8], path: String, loader: DocumentLoader) throws(DocumentError) -> ConvertedText {
        let declared = Self.declaredCharset(bytes)
        let decoded: DecodedTextLike
        do {
            decoded = try Self.decode(bytes, declared: declared, path: path, loader: loader)
        }
        let utf8 = Array(decoded.text.utf8)
        guard !utf8.isEmpty else { throw DocumentError(kind: "empty", message: "\(path): empty page") }
        guard let root = HTMLParser.parse(utf8, url: path) else {
            throw DocumentError(kind: "undecodable", message: "\(path): not an HTML page libxml2 can read")
        }
        var writer = PageText()
        if let title = root.first("title") {
            writer.text(title.textContent)
            writer.lineBreak()
        }
        writer.walk(root.first("body") ?? root)
        let text = writer.finish()
        return ConvertedText(units: Array(text.utf16), charset: decoded.charset, kind: "html")
    }

    private struct DecodedTextLike { let text: String; let charset: String }

    private static func decode(_ bytes: [UInt8], declared: String?, path: String, loader: DocumentLoader) throws(DocumentError) -> DecodedTextLike {
        if let declared {
            if declared.hasPrefix("utf-8") || declared == "utf8", let text = String(validating: bytes, as: UTF8.self) {
                return DecodedTextLike(text: text, charset: "UTF-8 (declared)")
            }
            if ["gb2312", "gbk", "gb18030", "x-gbk"].contains(declared) {
                let decoded = try loader.decode(bytes, path: path)
                return DecodedTextLike(text: String(decoding: decoded.units, as: UTF16.self), charset: decoded.charset)
            }
        }
        let decoded = try loader.decode(bytes, path: path)
        return DecodedTextLike(text: String(decoding: decoded.units, as: UTF16.self), charset: decoded.charset)
    }

    /// `<meta charset="…">` or `content="text/html; charset=…"` in the first 4 KB.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        guard let range = head.range(of: "charset=") else { return nil }
        let value = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let name = value.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return name.isEmpty ? nil : String(name)
    }

}

extension HTMLNode {
    var name: String { if case .element(let name, _, _) = self { return name }; return "" }
    var children: [HTMLNode] { if case .element(_, _, let children) = self { return children }; return [] }
    func attribute(_ key: String) -> String? { if case .element(_, let attributes, _) = self { return attributes[key] }; return nil }

    /// The first element called `name` in document order.
    func first(_ name: String) -> HTMLNode? {
        for child in children {
            if child.name == name { return child }
            if let found = child.first(name) { return found }
        }
        return nil
    }

    var textContent: String {
        switch self {
        case .text(let text): return text
        case .element(_, _, let children): return children.map(\.textContent).joined()
        }
    }
}

/// Builds the page's text: whitespace collapsed as a browser does, block elements on their own
/// lines, table rows as tab-separated lines.
struct PageText {
    private var out = ""
    private var pendingSpace = false

    private static let dropped: Set<String> = ["script", "style", "noscript", "nav", "footer", "iframe", "select",
                                               "button", "form", "head", "template", "svg", "aside"]
    private static let blocks: Set<String> = ["p", "div", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6",
                                              "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "header", "main",
                                              "center", "address", "hr", "figure", "figcaption"]
    /// Class or id words of page furniture (menus, breadcrumbs, sharing, site footers).
    private static let furniture = ["nav", "menu", "footer", "breadcrumb", "crumb", "share", "sidebar", "topbar", "header-link",
                                    "foot", "copyright", "search"]

    mutating func walk(_ node: HTMLNode) {
        for child in node.children { visit(child) }
    }

    private mutating func visit(_ node: HTMLNode) {
        switch node {
        case .text(let content):
            text(content)
        case .element(let name, _, _):
            if Self.dropped.contains(name) || isFurniture(node) { return }
            switch name {
            case "br": lineBreak()
            case "table": table(node)
            case "td", "th": text(" "); walk(node); text(" ")
            default:
                let block = Self.blocks.contains(name) || name == "tr"
                if block { lineBreak() }
                walk(node)
                if block { lineBreak() }
            }
        }
    }

    private func isFurniture(_ node: HTMLNode) -> Bool {
        let words = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "")).lowercased()
        if words.trimmingCharacters(in: .whitespaces).isEmpty { return false }
        return Self.furniture.contains { words.contains($0) }
    }

    /// Rows → tab-separated lines; a cell spanning rows is repeated below when it is a label.
    private mutating func table(_ node: HTMLNode) {
        lineBreak()
        var carried: [Int: (text: String, rowsLeft: Int)] = [:]
        for row in Self.rows(node) {
            var cells: [String] = []
            var column = 0
            func fillCarried() {
                while let carry = carried[column] {
                    cells.append(carry.text)
                    carried[column] = carry.rowsLeft > 1 ? (carry.text, carry.rowsLeft - 1) : nil
                    column += 1
                }
            }
            for current in row.children {
                let name = current.name
                guard name == "td" || name == "th" else { continue }
                fillCarried()
                var inner = PageText()
                inner.walk(current)
                let text = inner.finish().replacingOccurrences(of: "\n", with: " ").trimmingCharacters(in: .whitespaces)
                let columns = min(64, max(1, Int(current.attribute("colspan") ?? "") ?? 1))
                let rows = min(1000, max(1, Int(current.attribute("rowspan") ?? "") ?? 1))
                let isLabel = text.unicodeScalars.contains { $0.properties.isIdeographic }
                for span in 0..<columns {
                    // A label spanning columns is one cell; a spanned figure is not repeated.
                    cells.append(span == 0 ? text : "")
                    if rows > 1 { carried[column] = (isLabel && span == 0 ? text : "", rows - 1) }
                    column += 1
                }
            }
            fillCarried()
            out += cells.joined(separator: "\t")
            out += "\n"
            pendingSpace = false
        }
    }

    /// The table's rows, through thead/tbody/tfoot but not into nested tables.
    private static func rows(_ table: HTMLNode) -> [HTMLNode] {
        var result: [HTMLNode] = []
        for current in table.children {
            if current.name == "tr" { result.append(current) }
            else if ["thead", "tbody", "tfoot"].contains(current.name) { result += rows(current) }
        }
        return result
    }

    mutating func text(_ raw: String) {
        for scalar in raw.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" {
                pendingSpace = true
            } else {
                if pendingSpace, let last = out.unicodeScalars.last, last != "\n", last != "\t" { out += " " }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
    }

    mutating func lineBreak() {
        pendingSpace = false
        if let last = out.unicodeScalars.last, last != "\n" { out += "\n" }
    }

    mutating func finish() -> String {
        lineBreak()
        return out
    }
}
