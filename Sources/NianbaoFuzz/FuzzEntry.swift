import Foundation
import NianbaoCore
import NianbaoFormats

/// The whole pipeline on arbitrary bytes: decode → normalize → sections → rules → tables →
/// record, as plain text and as a web page. Built once per process.
enum Fuzzing {
    static let rules: RuleSet = {
        guard let folder = ProcessInfo.processInfo.environment["NIANBAO_RULES"] else { fatalError("set NIANBAO_RULES to the Rules folder") }
        return try! RuleSet.load(from: folder)
    }()
    static let pipeline = try! ExtractionPipeline(ruleSet: rules, maxBytes: 1 << 20,
                                                                      converters: DocumentFormats.converters())

    static func run(_ bytes: [UInt8]) {
        _ = pipeline.process(bytes: bytes, displayName: "fuzz.txt").record.serialized()
        _ = pipeline.process(bytes: bytes, displayName: "fuzz.html").record.serialized()
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    Fuzzing.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
