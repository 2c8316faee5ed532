import ICUKit

/// Finds the figures of a document that can be counts: runs of Arabic digits or Chinese
/// numerals followed by a count's unit or qualifier (`80余条`, `1360万`), not `2023年` or `35%`.
/// One table lookup per unit: the scan runs over every document.
struct FigureScanner: Sendable {
    private static let digit: UInt8 = 1, numeral: UInt8 = 2, follower: UInt8 = 4
    private let classes: [UInt8]
    private let anyFollower: Bool

    /// `followers`: what may follow a count (the rules' `count_follower` class); nil takes every figure.
    init(followers: ICUCharacterSet?) {
        var classes = [UInt8](repeating: 0, count: 65536)
        for u in 0x30...0x39 { classes[u] |= Self.digit }
        for u in CharacterClasses.chineseNumerals { classes[Int(u)] |= Self.numeral }
        if let followers {
            for u in 0..<65536 where followers.contains(UInt16(u)) { classes[u] |= Self.follower }
        }
        self.classes = classes
        anyFollower = followers == nil
    }

    /// Takes every figure, unit or none.
    static let everyFigure = FigureScanner(followers: nil)

    func figures(in units: [UInt16]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        units.withUnsafeBufferPointer { text in
            classes.withUnsafeBufferPointer { classes in
                let n = text.count
                let number = Self.digit | Self.numeral
                var i = 0
                while i < n {
                    if classes[Int(text[i])] & number == 0 { i += 1; continue }
                    var end = i + 1
                    // 1,027 and 2.9 are one figure; a comma or point not followed by a digit ends it.
                    while end < n {
                        let u = text[end]
                        if classes[Int(u)] & number != 0 { end += 1; continue }
                        if (u == 0x2C || u == 0x2E) && end + 1 < n && classes[Int(text[end + 1])] & Self.digit != 0 { end += 1; continue }
                        break
                    }
                    // 1360万 ends in its own multiplier; 80余条 is followed by one.
                    if anyFollower || classes[Int(text[end - 1])] & Self.follower != 0
                        || (end < n && classes[Int(text[end])] & Self.follower != 0) {
                        result.append(i..<end)
                    }
                    i = end
                }
            }
        }
        return result
    }
}
