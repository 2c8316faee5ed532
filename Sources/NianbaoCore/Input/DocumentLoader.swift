import Foundation
import Glibc
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
        // POSIX calls straight into the array: through FileManager, FileHandle and Data, reading
        // cost a tenth of a whole narrative run.
        var status = stat()
        guard stat(path, &status) == 0 else { throw DocumentError(kind: "not_found", message: "\(path): no such file") }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw DocumentError(kind: "unreadable", message: "\(path): folder cannot be read")
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DocumentError(kind: "unreadable", message: "\(path): permission denied or unreadable")
        }
        defer { close(descriptor) }
        // Read one byte past the limit to know a file exceeds it, whatever its size said.
        let limit = maxBytes + 1
        var bytes = [UInt8](repeating: 0, count: min(limit, max(Int(status.st_size), 0) + 1))
        var count = 0
        while true {
            if count == bytes.count {
                if count >= limit { break }
                bytes += [UInt8](repeating: 0, count: min(limit, bytes.count * 2) - bytes.count)
            }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw DocumentError(kind: "unreadable", message: "\(path): \(String(cString: strerror(errno)))")
            }
            if read == 0 { break }
            count += read
        }
        if count > maxBytes {
            throw DocumentError(kind: "too_large", message: "\(path): larger than the \(maxBytes)-byte limit (--max-bytes)")
        }
        bytes.removeSubrange(count...)
        return bytes
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
