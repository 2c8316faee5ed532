@_implementationOnly import CLibXML2

/// A parsed HTML node: an element with the attributes page-to-text conversion needs, or text.
public indirect enum HTMLNode: Sendable {
    case element(name: String, attributes: [String: String], children: [HTMLNode])
    case text(String)
}

/// libxml2's forgiving HTML parser, behind a Foundation-free module: libxml2's headers include
/// ICU's, and a module that sees both them and Foundation's own ICU does not compile (the same
/// clash as ICUKit's, solved the same way).
public enum HTMLParser {
    /// Attributes kept on elements.
    static let kept = ["class", "id", "colspan", "rowspan", "val"]

    /// The document tree of UTF-8 `bytes`, or nil when libxml2 cannot make one.
    public static func parse(_ bytes: [UInt8], url: String) -> HTMLNode? {
        guard !bytes.isEmpty else { return nil }
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), url, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return convert(root, depth: 0)
    }

    /// The element tree of an XML document (a Word file's `word/document.xml`); element names
    /// lose their namespace prefix (`w:p` is `p`).
    public static func parseXML(_ bytes: [UInt8]) -> HTMLNode? {
        guard !bytes.isEmpty else { return nil }
        let options = Int32(XML_PARSE_RECOVER.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                            | XML_PARSE_NONET.rawValue | XML_PARSE_HUGE.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), "document.xml", "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return convert(root, depth: 0)
    }

    private static func convert(_ node: xmlNodePtr, depth: Int) -> HTMLNode? {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return nil }
            return .text(string(content))
        case XML_ELEMENT_NODE:
            // Pathologically deep pages are cut rather than overflowing the stack.
            guard depth < 400 else { return nil }
            var attributes: [String: String] = [:]
            for name in kept {
                if let value = xmlGetProp(node, name) {
                    attributes[name] = string(value)
                    htmlkit_xml_free(value)
                }
            }
            var children: [HTMLNode] = []
            var child = node.pointee.children
            while let current = child {
                if let converted = convert(current, depth: depth + 1) { children.append(converted) }
                child = current.pointee.next
            }
            return .element(name: node.pointee.name.map { string($0).lowercased() } ?? "", attributes: attributes, children: children)
        default:
            return nil
        }
    }

    private static func string(_ pointer: UnsafePointer<xmlChar>) -> String {
        String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))
    }
}
