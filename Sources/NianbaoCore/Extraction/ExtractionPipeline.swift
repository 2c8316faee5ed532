import ICUKit

/// The result of processing one document: its record, and whether it is an error record.
public struct DocumentOutcome: Sendable {
    public let record: JSONValue
    public let failed: Bool
}

/// File in, record out: read, decode, extract, build the record. Every failure becomes an
/// error record naming the file and the reason. One pipeline per thread.
public final class ExtractionPipeline {
    public let loader: DocumentLoader
    public let extractor: Extractor
    public let builder: RecordBuilder

    public init(ruleSet: RuleSet, maxBytes: Int = 64 << 20) throws {
        loader = try DocumentLoader(maxBytes: maxBytes)
        extractor = try Extractor(ruleSet: ruleSet)
        builder = RecordBuilder(rulesVersion: ruleSet.version)
    }

    public func process(path: String, displayName: String) -> DocumentOutcome {
        do {
            let decoded = try loader.load(path)
            return process(decoded: decoded, displayName: displayName)
        } catch {
            return DocumentOutcome(record: builder.errorRecord(document: displayName, kind: error.kind, message: error.message),
                                   failed: true)
        }
    }

    public func process(bytes: [UInt8], displayName: String) -> DocumentOutcome {
        do {
            return process(decoded: try loader.decode(bytes, path: displayName), displayName: displayName)
        } catch {
            return DocumentOutcome(record: builder.errorRecord(document: displayName, kind: error.kind, message: error.message),
                                   failed: true)
        }
    }

    private func process(decoded: DecodedText, displayName: String) -> DocumentOutcome {
        let extraction = extractor.extract(decoded.units)
        var warnings: [String] = []
        if decoded.replacedCharacters > 0 {
            warnings.append("\(decoded.replacedCharacters) invalid byte sequences replaced while decoding as \(decoded.charset)")
        }
        return DocumentOutcome(record: builder.record(document: displayName, charset: decoded.charset,
                                                      extraction: extraction, extraWarnings: warnings),
                               failed: false)
    }
}
