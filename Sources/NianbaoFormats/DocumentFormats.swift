import NianbaoCore

/// The converters for every format nianbao reads besides plain text, fresh for one thread.
public enum DocumentFormats {
    public static func converters() -> [DocumentConverter] { [HTMLConverter(), DOCXConverter(), PDFConverter()] }
}
