import Foundation
import ICUKit

/// Why a document yields an error record instead of a record.
public struct DocumentError: Error, Sendable {
    public let kind: String
    public let message: String

    public init(kind: String, message: String) {
        self.kind = kind
        self.message = message
    }
}

/// Reads a document file and decodes it. One loader per thread (ICU charset detector).
public final class DocumentLoader {
    private let decoder: CharsetDecoder
    public var maxBytes: Int
    /// Formats other than plain text (HTML, Word, PDF), tried in order.
    public var converters: [DocumentConverter] = []

    public init(maxBytes: Int = 64 << 20, converters: [DocumentConverter] = []) throws {
        decoder = try CharsetDecoder()
        self.maxBytes = maxBytes
        self.converters = converters
    }

    /// The document's text: through the first converter that takes it, else decoded as plain text.
    public func text(_ bytes: [UInt8], path: String) throws(DocumentError) -> ConvertedText {
        for converter in converters where converter.accepts(path: path, bytes: bytes) {
            return try converter.convert(bytes, path: path, loader: self)
        }
        let decoded = try decode(bytes, path: path)
        var warnings: [String] = []
        if decoded.replacedCharacters > 0 {
            warnings.append("\(decoded.replacedCharacters) invalid byte sequences replaced while decoding as \(decoded.charset)")
        }
        return ConvertedText(units: decoded.units, charset: decoded.charset, kind: "text", warnings: warnings)
    }

    /// The file's bytes, within the size limit.
    public func readBytes(_ path: String) throws(DocumentError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DocumentError(kind: "not_found", message: "\(path): no such file")
        }
        if isDirectory.boolValue { throw DocumentError(kind: "unreadable", message: "\(path): folder cannot be read") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DocumentError(kind: "unreadable", message: "\(path): permission denied or unreadable")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: maxBytes + 1) ?? Data()
        } catch {
            throw DocumentError(kind: "unreadable", message: "\(path): \(error.localizedDescription)")
        }
        if data.count > maxBytes {
            throw DocumentError(kind: "too_large", message: "\(path): larger than the \(maxBytes)-byte limit (--max-bytes)")
        }
        return [UInt8](data)
    }

    public func decode(_ bytes: [UInt8], path: String) throws(DocumentError) -> DecodedText {
        do {
            return try decoder.decode(bytes)
        } catch {
            switch error {
            case .empty: throw DocumentError(kind: "empty", message: "\(path): empty file")
            case .binary(let reason): throw DocumentError(kind: "binary", message: "\(path): not text (\(reason))")
            case .undecodable(let charset, let bad):
                throw DocumentError(kind: "undecodable", message: "\(path): \(bad) invalid byte sequences as \(charset)")
            case .unsupportedCharset(let name):
                throw DocumentError(kind: "undecodable", message: "\(path): unsupported charset \(name)")
            }
        }
    }
}
