import Foundation
import ICUKit

/// Why a document yields an error record instead of a record.
public struct DocumentError: Error, Sendable {
    public let kind: String
    public let message: String
}

/// Reads a document file and decodes it. One loader per thread (ICU charset detector).
public final class DocumentLoader {
    private let decoder: CharsetDecoder
    public var maxBytes: Int

    public init(maxBytes: Int = 64 << 20) throws {
        decoder = try CharsetDecoder()
        self.maxBytes = maxBytes
    }

    public func load(_ path: String) throws(DocumentError) -> DecodedText {
        try decode(try readBytes(path), path: path)
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
