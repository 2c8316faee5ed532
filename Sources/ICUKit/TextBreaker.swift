@_implementationOnly import CICU

/// ICU sentence and word segmentation ("zh") over UTF-16 buffers.
///
/// Chinese word break uses a dictionary and runs at only 25–40 MB/s, so callers ask about word
/// boundaries in small windows around candidates, never over whole documents. Sentence break is
/// fast (~800 MB/s). One breaker per thread: ICU break iterators are not thread-safe.
public final class TextBreaker {
    private let words: OpaquePointer
    private let sentences: OpaquePointer

    public init(locale: String = "zh") throws {
        words = try icuCall("ubrk_open(word)") { ubrk_open_72(UBRK_WORD, locale, nil, 0, &$0) }
        sentences = try icuCall("ubrk_open(sentence)") { ubrk_open_72(UBRK_SENTENCE, locale, nil, 0, &$0) }
    }

    deinit {
        ubrk_close_72(words)
        ubrk_close_72(sentences)
    }

    /// Sentence boundaries of `units`, starting with 0 and ending with `units.count`.
    public func sentenceBoundaries(_ units: [UInt16]) -> [Int] {
        guard !units.isEmpty else { return [0] }
        return units.withUnsafeBufferPointer { buffer in
            var status = U_ZERO_ERROR
            ubrk_setText_72(sentences, buffer.baseAddress, Int32(buffer.count), &status)
            defer { ubrk_setText_72(sentences, nil, 0, &status) }
            var result = [0]
            var next = ubrk_next_72(sentences)
            while next != UBRK_DONE {
                result.append(Int(next))
                next = ubrk_next_72(sentences)
            }
            if result.last != units.count { result.append(units.count) }
            return result
        }
    }

    /// Whether `offset` falls on a word boundary of `units`, judged within `radius` units around it.
    public func isWordBoundary(_ units: UnsafeBufferPointer<UInt16>, at offset: Int, radius: Int = 8) -> Bool {
        if offset <= 0 || offset >= units.count { return true }
        let lower = max(0, offset - radius), upper = min(units.count, offset + radius)
        var status = U_ZERO_ERROR
        ubrk_setText_72(words, units.baseAddress! + lower, Int32(upper - lower), &status)
        guard status.rawValue <= U_ZERO_ERROR.rawValue else { return true }
        let answer = ubrk_isBoundary_72(words, Int32(offset - lower)) != 0
        ubrk_setText_72(words, nil, 0, &status)
        return answer
    }

    /// The words of `units` (spans whose rule status is not "none", i.e. not spaces or punctuation).
    public func words(_ units: [UInt16]) -> [Range<Int>] {
        guard !units.isEmpty else { return [] }
        return units.withUnsafeBufferPointer { buffer in
            var status = U_ZERO_ERROR
            ubrk_setText_72(words, buffer.baseAddress, Int32(buffer.count), &status)
            defer { ubrk_setText_72(words, nil, 0, &status) }
            var result: [Range<Int>] = []
            var start = ubrk_first_72(words)
            var end = ubrk_next_72(words)
            while end != UBRK_DONE {
                if ubrk_getRuleStatus_72(words) != UBRK_WORD_NONE.rawValue { result.append(Int(start)..<Int(end)) }
                start = end
                end = ubrk_next_72(words)
            }
            return result
        }
    }
}
