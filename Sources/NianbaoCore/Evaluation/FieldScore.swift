/// True and false positives and negatives for catalogue fields, value and qualifier together.
public struct FieldScore: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0

    public init() {}

    public var precision: Double { ratio(truePositives, truePositives + falsePositives) }
    public var recall: Double { ratio(truePositives, truePositives + falseNegatives) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }

    /// Scores one field: a value where gold has one and they agree is a true positive; a value that
    /// disagrees is both a false positive and a false negative; a value where gold has none is a
    /// false positive.
    public mutating func add(expected: GoldFile.GoldValue?, got: GoldFile.GoldValue?) {
        switch (expected, got) {
        case (nil, nil): break
        case (let e?, let g?) where e == g: truePositives += 1
        case (let e, let g):
            if g != nil { falsePositives += 1 }
            if e != nil { falseNegatives += 1 }
        }
    }

    public static func + (a: FieldScore, b: FieldScore) -> FieldScore {
        var sum = a
        sum.truePositives += b.truePositives
        sum.falsePositives += b.falsePositives
        sum.falseNegatives += b.falseNegatives
        return sum
    }
}
