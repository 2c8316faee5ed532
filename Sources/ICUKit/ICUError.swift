@_implementationOnly import CICU

/// A failed ICU call, named by the function that failed and ICU's own error name.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    public let function: String
    public let code: Int32
    public let name: String

    init(_ function: String, _ status: UErrorCode) {
        self.function = function
        self.code = status.rawValue
        self.name = String(cString: u_errorName_72(status))
    }

    public var description: String { "\(function) failed: \(name)" }
}

/// Runs one ICU call with a fresh status (ICU calls are no-ops when handed a failed status)
/// and throws when the status is a failure; warnings (negative codes) pass.
@inline(__always)
func icuCall<T>(_ function: String, _ body: (inout UErrorCode) -> T) throws -> T {
    var status = U_ZERO_ERROR
    let result = body(&status)
    if status.rawValue > U_ZERO_ERROR.rawValue { throw ICUError(function, status) }
    return result
}
