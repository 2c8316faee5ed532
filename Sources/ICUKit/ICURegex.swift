@_implementationOnly import CICU

/// A pattern ICU could not compile, with where in the pattern it failed.
public struct RegexSyntaxError: Error, CustomStringConvertible, Sendable {
    public let pattern: String
    public let reason: String
    /// 1-based line and offset in the pattern, as ICU reports them.
    public let line: Int
    public let offset: Int
    public var description: String { "\(reason) at pattern line \(line), offset \(offset)" }
}

/// One match: the UTF-16 range of the whole match and of each capture group (nil when unset).
public struct RegexMatch: Sendable {
    public let range: Range<Int>
    public let groups: [Range<Int>?]
}

/// An ICU regular expression (about 14× faster than Swift `Regex` on this work).
/// Multiline (`^`, `$` at line ends); transparent, non-anchoring bounds, so look-behind and `^`
/// see the text around a region as it is.
/// One instance per thread; `copy()` makes a cheap clone for another thread.
public final class ICURegex {
    private let regex: OpaquePointer
    public let pattern: String
    public let groupCount: Int
    /// The units a match can start with, when the pattern shows them: `find` then tries only
    /// the offsets holding one, which in narrative text is a few in a hundred.
    private let starts: StartUnits?
    /// The text `bind` attached.
    private var bound: UnsafeBufferPointer<UInt16>?
    /// Times ICU was asked for a match since this regex was made (for rule profiles).
    public private(set) var attempts = 0
    /// How many of those attempts found a match.
    public private(set) var hits = 0
    /// Whether `find` asks ICU only at offsets holding a unit a match can start with.
    public var filtersStarts: Bool { starts != nil }

    /// `filtersStarts: false` leaves every offset to ICU (tests compare the two).
    public init(_ pattern: String, filtersStarts: Bool = true) throws(RegexSyntaxError) {
        let units = Array(pattern.utf16)
        var parseError = UParseError()
        var status = U_ZERO_ERROR
        let compiled = units.withUnsafeBufferPointer {
            uregex_open_72($0.baseAddress, Int32($0.count), UInt32(UREGEX_MULTILINE.rawValue), &parseError, &status)
        }
        guard status.rawValue <= U_ZERO_ERROR.rawValue, let compiled else {
            throw RegexSyntaxError(pattern: pattern, reason: String(cString: u_errorName_72(status)),
                                   line: Int(parseError.line), offset: Int(parseError.offset))
        }
        regex = compiled
        self.pattern = pattern
        status = U_ZERO_ERROR
        groupCount = Int(uregex_groupCount_72(compiled, &status))
        starts = filtersStarts ? PatternFirstUnits.starts(of: pattern).map(StartUnits.init) : nil
    }

    private init(cloning other: ICURegex) {
        var status = U_ZERO_ERROR
        regex = uregex_clone_72(other.regex, &status)
        pattern = other.pattern
        groupCount = other.groupCount
        starts = other.starts
    }

    deinit { uregex_close_72(regex) }

    public func copy() -> ICURegex { ICURegex(cloning: self) }

    /// The group number of a named capture `(?<name>…)`, or nil when the pattern has none.
    public func groupNumber(named name: String) -> Int? {
        let units = Array(name.utf16)
        var status = U_ZERO_ERROR
        let number = units.withUnsafeBufferPointer {
            uregex_groupNumberFromName_72(regex, $0.baseAddress, Int32($0.count), &status)
        }
        return status.rawValue > U_ZERO_ERROR.rawValue ? nil : Int(number)
    }

    /// Attaches `units` for a series of `find` calls: ICU keeps the pointer, so the caller must
    /// keep the buffer alive and call `unbind()` before it goes.
    public func bind(_ units: UnsafeBufferPointer<UInt16>) {
        guard let base = units.baseAddress else { return }
        bound = units
        var status = U_ZERO_ERROR
        uregex_setText_72(regex, base, Int32(units.count), &status)
        uregex_useTransparentBounds_72(regex, 1, &status)
        // ^ and $ match at real line starts and ends only, not at a region's edges.
        uregex_useAnchoringBounds_72(regex, 0, &status)
    }

    public func unbind() {
        bound = nil
        var status = U_ZERO_ERROR
        Self.empty.withUnsafeBufferPointer { uregex_setText_72(regex, $0.baseAddress, 0, &status) }
    }

    private static let empty: [UInt16] = [0]

    /// All non-overlapping matches inside `region` of the bound text.
    public func find(in region: Range<Int>) -> [RegexMatch] {
        if let starts, let text = bound { return find(in: region, of: text, startingWith: starts) }
        var status = U_ZERO_ERROR
        uregex_setRegion_72(regex, Int32(region.lowerBound), Int32(region.upperBound), &status)
        guard status.rawValue <= U_ZERO_ERROR.rawValue else { return [] }
        var result: [RegexMatch] = []
        attempts += 1  // one scan of the region, however many matches it yields
        while uregex_findNext_72(regex, &status) != 0 && status.rawValue <= U_ZERO_ERROR.rawValue {
            guard let match = currentMatch() else { break }
            result.append(match)
        }
        return result
    }

    /// What `find` gives, leftmost match first, asking ICU only at offsets a match can start
    /// at: a match at an offset is the one ICU's own scan would find there.
    private func find(in region: Range<Int>, of text: UnsafeBufferPointer<UInt16>, startingWith starts: StartUnits) -> [RegexMatch] {
        var result: [RegexMatch] = []
        var offset = region.lowerBound
        let end = min(region.upperBound, text.count)
        while offset < end {
            if !starts.contains(text[offset]) && !(starts.atLineStart && Self.isLineStart(text, offset)) { offset += 1; continue }
            if lookingAt(offset..<end), let match = currentMatch() {
                result.append(match)
                offset = max(match.range.upperBound, offset + 1)
            } else {
                offset += 1
            }
        }
        return result
    }

    /// Whether `^` (multiline) can match at `offset`: after any of ICU's line terminators.
    @inline(__always) private static func isLineStart(_ text: UnsafeBufferPointer<UInt16>, _ offset: Int) -> Bool {
        guard offset > 0 else { return true }
        let before = text[offset - 1]
        return (0x0A...0x0D).contains(before) || before == 0x85 || before == 0x2028 || before == 0x2029
    }

    /// The match ICU just found, with every group's range (nil when unset).
    private func currentMatch() -> RegexMatch? {
        var status = U_ZERO_ERROR
        var groups: [Range<Int>?] = []
        groups.reserveCapacity(groupCount + 1)
        for g in 0...groupCount {
            let start = Int(uregex_start_72(regex, Int32(g), &status))
            let end = Int(uregex_end_72(regex, Int32(g), &status))
            groups.append(start >= 0 && end >= start ? start..<end : nil)
        }
        return groups[0].map { RegexMatch(range: $0, groups: groups) }
    }

    /// The match that starts exactly at `region.lowerBound` of the bound text (ICU lookingAt),
    /// if any: for many short prefix tests on one text without binding it each time.
    public func prefixMatch(in region: Range<Int>) -> RegexMatch? {
        lookingAt(region) ? currentMatch() : nil
    }

    /// For a match starting exactly at `region.lowerBound` of the bound text: the position in
    /// `groups` of the first of those groups that took part in it (nil: no match, or none took
    /// part). Reads only the groups asked about, for patterns that are alternatives of named groups.
    public func prefixMatchGroup(in region: Range<Int>, among groups: [Int]) -> Int? {
        guard lookingAt(region) else { return nil }
        var status = U_ZERO_ERROR
        return groups.firstIndex { uregex_start_72(regex, Int32($0), &status) >= 0 }
    }

    /// Whether a match starts exactly at `region.lowerBound` of the bound text (ICU lookingAt).
    private func lookingAt(_ region: Range<Int>) -> Bool {
        guard !region.isEmpty else { return false }
        attempts += 1
        var status = U_ZERO_ERROR
        uregex_setRegion_72(regex, Int32(region.lowerBound), Int32(region.upperBound), &status)
        let found = status.rawValue <= U_ZERO_ERROR.rawValue && uregex_lookingAt_72(regex, -1, &status) != 0
        if found { hits += 1 }
        return found
    }

    /// All non-overlapping matches inside `region` of `units`.
    public func matches(in units: UnsafeBufferPointer<UInt16>, region: Range<Int>? = nil) -> [RegexMatch] {
        guard units.baseAddress != nil else { return [] }
        bind(units)
        defer { unbind() }
        return find(in: region ?? 0..<units.count)
    }

    public func matches(in units: [UInt16], region: Range<Int>? = nil) -> [RegexMatch] {
        units.withUnsafeBufferPointer { matches(in: $0, region: region) }
    }

    /// Whether the whole of `region` of `units` is one match (ICU matches), the text around it
    /// visible to look-arounds.
    public func matchesEntirely(_ units: [UInt16], region: Range<Int>) -> Bool {
        units.withUnsafeBufferPointer { buffer in
            guard buffer.baseAddress != nil else { return false }
            bind(buffer)
            defer { unbind() }
            attempts += 1
            var status = U_ZERO_ERROR
            uregex_setRegion_72(regex, Int32(region.lowerBound), Int32(region.upperBound), &status)
            return status.rawValue <= U_ZERO_ERROR.rawValue && uregex_matches_72(regex, -1, &status) != 0
        }
    }
}

/// A set of UTF-16 units tested in a step or two: a 256-bit filter on the low byte, then the
/// members themselves (sets are small: a pattern's first characters).
struct StartUnits {
    private var lowBytes = [UInt64](repeating: 0, count: 4)
    private let members: [UInt16]
    /// Whether a match can also start at any line start.
    let atLineStart: Bool

    init(_ starts: PatternFirstUnits.Starts) {
        atLineStart = starts.atLineStart
        members = starts.units.sorted()
        for unit in members { lowBytes[Int(unit & 0xFF) >> 6] |= 1 << UInt64(unit & 63) }
    }

    @inline(__always) func contains(_ unit: UInt16) -> Bool {
        guard lowBytes[Int(unit & 0xFF) >> 6] & (1 << UInt64(unit & 63)) != 0 else { return false }
        return members.contains(unit)
    }
}
