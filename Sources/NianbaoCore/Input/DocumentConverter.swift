/// Text taken out of a document that is not plain text (a web page, a Word file, a PDF).
public struct ConvertedText: Sendable {
    public let units: [UInt16]
    /// The charset the document's bytes were read in (for formats that have one).
    public let charset: String
    /// What the text is: "html", "docx", "pdf". Evidence offsets point into this text.
    public let kind: String
    /// Problems met on the way that do not stop extraction.
    public var warnings: [String] = []

    public init(units: [UInt16], charset: String, kind: String, warnings: [String] = []) {
        self.units = units
        self.charset = charset
        self.kind = kind
        self.warnings = warnings
    }
}

/// Turns one document format into text. Converters are tried in order; plain text needs none.
/// One converter per thread.
public protocol DocumentConverter: AnyObject {
    /// Whether this converter reads the document (by its name or its first bytes).
    func accepts(path: String, bytes: [UInt8]) -> Bool
    /// The document's text; `loader` decodes bytes with ICU where a format needs it.
    func convert(_ bytes: [UInt8], path: String, loader: DocumentLoader) throws(DocumentError) -> ConvertedText
}
