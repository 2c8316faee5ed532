/// UTF-16 text together with a map from each of its offsets back to the source text it came from.
///
/// Every transformation of a document (NFKC, unwrapping, folding) yields one, so a match anywhere
/// in the transformed text can be traced back to the exact characters of the original. The map is
/// piecewise: runs copied unchanged are one segment each, and each replaced chunk (a character
/// NFKC rewrote, a dropped break) is one more, so it costs next to nothing for text that
/// mostly passes through — and most report text does.
public struct MappedText: Sendable {
    public let units: [UInt16]
    let map: OffsetMap

    public init(identity units: [UInt16]) {
        self.units = units
        map = OffsetMap(segments: units.isEmpty ? [] : [.init(target: 0, sourceStart: 0, sourceEnd: Int32(units.count), identity: true)])
    }

    init(units: [UInt16], map: OffsetMap) {
        self.units = units
        self.map = map
    }

    public var count: Int { units.count }

    /// The source span of the transformed range `range`.
    public func sourceRange(of range: Range<Int>) -> Range<Int> { map.sourceRange(of: range, length: units.count) }
}

/// Segments of a piecewise offset map, in target order.
struct OffsetMap: Sendable {
    struct Segment: Sendable {
        /// Where the segment starts in the target text.
        var target: Int32
        /// The source span: for identity segments (units kept or replaced one for one) target
        /// offsets map one to one into it; for other replacements every target unit maps to the
        /// whole span.
        var sourceStart: Int32
        var sourceEnd: Int32
        var identity: Bool
    }

    var segments: [Segment]

    private func segment(containing offset: Int) -> Segment? {
        var low = 0, high = segments.count - 1
        guard high >= 0 else { return nil }
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(segments[mid].target) <= offset { low = mid } else { high = mid - 1 }
        }
        return segments[low]
    }

    func sourceStart(of offset: Int) -> Int {
        guard let s = segment(containing: offset) else { return 0 }
        return s.identity ? Int(s.sourceStart) + offset - Int(s.target) : Int(s.sourceStart)
    }

    func sourceEnd(of offset: Int) -> Int {
        guard let s = segment(containing: offset) else { return 0 }
        return s.identity ? Int(s.sourceStart) + offset - Int(s.target) + 1 : Int(s.sourceEnd)
    }

    func sourceRange(of range: Range<Int>, length: Int) -> Range<Int> {
        if range.isEmpty {
            if range.lowerBound < length { let at = sourceStart(of: range.lowerBound); return at..<at }
            let at = length == 0 ? 0 : sourceEnd(of: length - 1)
            return at..<at
        }
        return sourceStart(of: range.lowerBound)..<sourceEnd(of: range.upperBound - 1)
    }
}

/// Builds a `MappedText`, either from a source buffer (offsets are source offsets) or from
/// another mapped text (offsets are composed, so the result maps straight to the original).
public struct MappedTextBuilder {
    private var units: [UInt16] = []
    private var segments: [OffsetMap.Segment] = []

    public init(capacity: Int) { units.reserveCapacity(capacity) }

    /// Units that replace the source range one for one (same length: offsets carry over).
    public mutating func appendOneToOne<C: Collection>(_ replacement: C, source: Range<Int>) where C.Element == UInt16 {
        guard !source.isEmpty else { return }
        precondition(replacement.count == source.count, "one-to-one replacement of a different length")
        units.append(contentsOf: replacement)
        addSegment(.init(target: Int32(units.count - source.count), sourceStart: Int32(source.lowerBound),
                         sourceEnd: Int32(source.upperBound), identity: true))
    }

    /// Copies `range` of a source buffer unchanged.
    public mutating func appendIdentity(_ source: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        units.append(contentsOf: UnsafeBufferPointer(rebasing: source[range]))  // a slice would copy unit by unit
        addSegment(.init(target: Int32(units.count - range.count), sourceStart: Int32(range.lowerBound),
                         sourceEnd: Int32(range.upperBound), identity: true))
    }

    /// Units that replace `source` (a range of the source buffer).
    public mutating func appendReplacement<C: Collection>(_ replacement: C, source: Range<Int>) where C.Element == UInt16 {
        guard !replacement.isEmpty else { return }
        let target = Int32(units.count)
        units.append(contentsOf: replacement)
        addSegment(.init(target: target, sourceStart: Int32(source.lowerBound), sourceEnd: Int32(source.upperBound), identity: false))
    }

    /// Copies `range` of `input` unchanged, keeping its map to the original.
    public mutating func append(_ input: MappedText, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let base = units.count
        units.append(contentsOf: input.units[range])
        // The input's segments that overlap `range`, clipped and shifted to their new place.
        let segments = input.map.segments
        var low = 0, high = segments.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(segments[mid].target) <= range.lowerBound { low = mid } else { high = mid - 1 }
        }
        var index = low
        while index < segments.count, Int(segments[index].target) < range.upperBound {
            let segment = segments[index]
            let segmentEnd = index + 1 < segments.count ? Int(segments[index + 1].target) : input.count
            let from = max(Int(segment.target), range.lowerBound), to = min(segmentEnd, range.upperBound)
            if from < to {
                let shift = from - Int(segment.target)
                addSegment(.init(target: Int32(base + from - range.lowerBound),
                                 sourceStart: segment.identity ? segment.sourceStart + Int32(shift) : segment.sourceStart,
                                 sourceEnd: segment.identity ? segment.sourceStart + Int32(shift + to - from) : segment.sourceEnd,
                                 identity: segment.identity))
            }
            index += 1
        }
    }

    /// One unit that replaces `range` of `input` (its source span is the range's source span).
    public mutating func appendReplacement(_ unit: UInt16, for range: Range<Int>, of input: MappedText) {
        let source = input.sourceRange(of: range)
        appendReplacement(CollectionOfOne(unit), source: source)
    }

    private mutating func addSegment(_ segment: OffsetMap.Segment) {
        // Consecutive identity runs of consecutive source text are one segment.
        if segment.identity, let last = segments.last, last.identity,
           last.sourceEnd == segment.sourceStart,
           Int(segment.target) - Int(last.target) == Int(last.sourceEnd - last.sourceStart) {
            segments[segments.count - 1].sourceEnd = segment.sourceEnd
            return
        }
        segments.append(segment)
    }

    public func build() -> MappedText { MappedText(units: units, map: OffsetMap(segments: segments)) }
}
