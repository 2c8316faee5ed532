import ICUKit

/// An explanation as one self-contained HTML page: the document with every chosen value's
/// evidence highlighted, each highlight linked to a side table of fields, confidences and
/// alternatives (and back).
public enum ExplanationHTML {
    public static func render(_ e: Explanation) -> String {
        let text = e.extraction.text
        // Evidence spans of chosen values, in original UTF-16 offsets, merged where they overlap.
        var spans: [(range: Range<Int>, fields: [String])] = []
        for line in e.fields {
            guard let resolved = e.extraction.fields[line.field] else { continue }
            let range = text.originalRange(of: resolved.evidence.range)
            if let i = spans.firstIndex(where: { $0.range.overlaps(range) }) {
                let merged = min(spans[i].range.lowerBound, range.lowerBound)..<max(spans[i].range.upperBound, range.upperBound)
                spans[i] = (merged, spans[i].fields + [line.field])
            } else {
                spans.append((range, [line.field]))
            }
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var body = ""
        var position = 0
        for (index, span) in spans.enumerated() where span.range.lowerBound >= position {
            body += escape(UTF16Strings.string(text.original, position..<span.range.lowerBound))
            let title = span.fields.joined(separator: ", ")
            body += "<a class=\"ev\" id=\"ev\(index)\" href=\"#f-\(span.fields[0])\" title=\"\(escape(title))\"><mark>"
                + escape(UTF16Strings.string(text.original, span.range)) + "</mark><sup>\(escape(title))</sup></a>"
            position = span.range.upperBound
        }
        body += escape(UTF16Strings.string(text.original, position..<text.original.count))

        var rows = ""
        for line in e.fields {
            let spanIndex = spans.firstIndex { $0.fields.contains(line.field) }
            let alternatives = line.candidates.filter { !$0.won }.map { alt -> String in
                "\(alt.candidate.value) (\(alt.candidate.ruleID), \(alt.reason))"
            }
            rows += "<tr id=\"f-\(line.field)\" class=\"\(line.value == nil ? "null" : "set")\"><td>\(line.field)</td>"
                + "<td>" + (spanIndex.map { "<a href=\"#ev\($0)\">\(escape(line.value ?? ""))</a>" } ?? escape(line.value ?? "null")) + "</td>"
                + "<td>" + (line.confidence.map { String(format: "%.2f", $0) } ?? "") + "</td>"
                + "<td>" + escape(line.rule ?? "") + "</td>"
                + "<td>" + escape(alternatives.joined(separator: "; ")) + "</td></tr>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="zh"><head><meta charset="utf-8"><title>nianbao: \(escape(e.document))</title>
        <style>
        body { margin: 0; font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; display: flex; height: 100vh; }
        #doc { flex: 3; overflow: auto; padding: 1em 1.5em; white-space: pre-wrap; line-height: 1.6; border-right: 1px solid #ccc; }
        #side { flex: 2; overflow: auto; padding: 1em; font-size: 14px; }
        mark { background: #ffe066; padding: 0 1px; }
        a.ev { color: inherit; text-decoration: none; }
        a.ev sup { color: #b35900; font-size: 10px; margin-left: 2px; }
        a.ev:target mark, tr:target { outline: 2px solid #d9480f; }
        table { border-collapse: collapse; width: 100%; }
        td, th { border-bottom: 1px solid #eee; padding: 3px 6px; text-align: left; vertical-align: top; }
        tr.null td { color: #999; }
        </style></head>
        <body>
        <div id="doc">\(body)</div>
        <div id="side"><h3>\(escape(e.document))</h3>
        <table><tr><th>field</th><th>value</th><th>confidence</th><th>rule</th><th>alternatives</th></tr>
        \(rows)</table></div>
        </body></html>

        """
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
