import ICUKit

/// What a pipeline makes of a record: its `JSONValue` (for writers that read fields back), its
/// line of JSON (JSON Lines: written straight out, no tree built), or both (SQLite keeps both).
public enum RecordForm: Sendable {
    case value, line, both
}

/// The result of processing one document: its record, and whether it is an error record.
public struct DocumentOutcome: Sendable {
    /// The record (`.null` when only its line was made: `RecordForm.line`).
    public let record: JSONValue
    public let failed: Bool
    /// Bytes read (0 when the file could not be read).
    public var bytes = 0
    /// The content hash of the bytes read.
    public var hash = ""
    /// Catalogue fields found.
    public var fieldsFound = 0
    /// Already in the output with the same content and rules (`--resume`): nothing to write.
    public var skipped = false
    /// The record as one line of JSON, made on the worker thread (the writer only writes it).
    public var line: String?

    /// The record as one line of JSON.
    public var serialized: String { line ?? record.serialized() }
}

/// File in, record out: read, decode, extract, build the record. Every failure becomes an
/// error record naming the file and the reason. One pipeline per thread: a corpus run hands
/// each to exactly one worker thread (hence Sendable, which its ICU handles are not otherwise).
public final class ExtractionPipeline: @unchecked Sendable {
    public let loader: DocumentLoader
    public let extractor: Extractor
    public let builder: RecordBuilder

    public init(ruleSet: RuleSet, maxBytes: Int = 64 << 20, converters: [DocumentConverter] = []) throws {
        loader = try DocumentLoader(maxBytes: maxBytes, converters: converters)
        extractor = try Extractor(ruleSet: ruleSet)
        builder = RecordBuilder(rulesVersion: ruleSet.version)
    }

    /// Reads, hashes and extracts a file; `skip` (given the hash) can spare documents already done.
    public func process(path: String, displayName: String, skip: ((String) -> Bool)? = nil,
                        form: RecordForm = .value) -> DocumentOutcome {
        let bytes: [UInt8]
        do {
            bytes = try loader.readBytes(path)
        } catch {
            let record = builder.errorRecord(document: displayName, kind: error.kind, message: error.message)
            return DocumentOutcome(record: record, failed: true, line: Self.line(of: record, for: form))
        }
        let hash = ContentHash.of(bytes)
        if let skip, skip(hash) {
            return DocumentOutcome(record: .null, failed: false, bytes: bytes.count, hash: hash, skipped: true)
        }
        return process(bytes: bytes, displayName: displayName, hash: hash, form: form)
    }

    public func process(bytes: [UInt8], displayName: String, hash: String? = nil, form: RecordForm = .value) -> DocumentOutcome {
        let hash = hash ?? ContentHash.of(bytes)
        do {
            let text = try loader.text(bytes, path: displayName)
            let extraction = extractor.extract(text.units)
            var outcome = DocumentOutcome(record: .null, failed: false, bytes: bytes.count, hash: hash, fieldsFound: extraction.fields.count)
            if form == .line {
                outcome.line = builder.line(document: displayName, charset: text.charset, hash: hash, textKind: text.kind,
                                            extraction: extraction, extraWarnings: text.warnings)
                return outcome
            }
            let record = builder.record(document: displayName, charset: text.charset, hash: hash, textKind: text.kind,
                                        extraction: extraction, extraWarnings: text.warnings)
            return DocumentOutcome(record: record, failed: false, bytes: bytes.count, hash: hash, fieldsFound: extraction.fields.count,
                                   line: Self.line(of: record, for: form))
        } catch {
            var record = builder.errorRecord(document: displayName, kind: error.kind, message: error.message)
            if case .object(var pairs) = record {
                pairs.insert(("source", .object([("hash", .string(hash)), ("bytes", .int(bytes.count))])), at: 3)
                record = .object(pairs)
            }
            return DocumentOutcome(record: record, failed: true, bytes: bytes.count, hash: hash,
                                   line: Self.line(of: record, for: form))
        }
    }

    /// The record's line of JSON when `form` asks for one.
    private static func line(of record: JSONValue, for form: RecordForm) -> String? {
        form == .value ? nil : record.serialized()
    }
}
