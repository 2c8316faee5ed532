@_implementationOnly import CICU

/// A set of BMP characters from an ICU set pattern (`[条篇件场次]`, `[\p{Han}]`), flattened into
/// a lookup table so that hot loops test membership without calling ICU.
public struct ICUCharacterSet: Sendable {
    private let table: [Bool]

    public init(pattern: String) throws(RegexSyntaxError) {
        let units = Array(pattern.utf16)
        var status = U_ZERO_ERROR
        let set = units.withUnsafeBufferPointer { uset_openPattern_72($0.baseAddress, Int32($0.count), &status) }
        guard status.rawValue <= U_ZERO_ERROR.rawValue, let set else {
            throw RegexSyntaxError(pattern: pattern, reason: String(cString: u_errorName_72(status)), line: 1, offset: 0)
        }
        defer { uset_close_72(set) }
        var table = [Bool](repeating: false, count: 65536)
        for i in 0..<Int(uset_getItemCount_72(set)) {
            var start: Int32 = 0, end: Int32 = 0
            status = U_ZERO_ERROR
            let length = uset_getItem_72(set, Int32(i), &start, &end, nil, 0, &status)
            guard length == 0 else { continue }  // strings in the set are not single characters
            for c in start...end where c < 65536 { table[Int(c)] = true }
        }
        self.table = table
    }

    @inline(__always) public func contains(_ unit: UInt16) -> Bool { table[Int(unit)] }
}
