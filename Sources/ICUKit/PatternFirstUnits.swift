/// The UTF-16 units a match of a regular expression can start with, read from the pattern
/// itself, for a cheap test before asking ICU whether a match starts at a given offset.
///
/// Only a plain subset is understood: literal characters, `[…]` sets of characters and ranges,
/// groups `(…)` `(?:…)` `(?<name>…)`, look-arounds (passed over), alternation, the line-start
/// anchor `^` (multiline) and the quantifiers `? * + {m,n}` (lazy or possessive too). Anything
/// else (escapes, `$`, `.`, properties, flags), a pattern that can match the empty string, or
/// characters outside the BMP give nil: no filter.
public enum PatternFirstUnits {
    /// Where a match can start: at a unit of `units`, or (when `atLineStart`) at any line start.
    public struct Starts: Equatable, Sendable {
        public let units: Set<UInt16>
        public let atLineStart: Bool

        public init(units: Set<UInt16>, atLineStart: Bool) {
            self.units = units
            self.atLineStart = atLineStart
        }
    }

    /// The units a match starts with, for patterns whose matches cannot start just anywhere on a line.
    public static func of(_ pattern: String) -> Set<UInt16>? {
        guard let starts = starts(of: pattern), !starts.atLineStart else { return nil }
        return starts.units
    }

    /// Where a match of `pattern` can start; nil when the pattern does not show it.
    public static func starts(of pattern: String) -> Starts? {
        var parser = Parser(units: Array(pattern.utf16))
        guard let node = parser.alternation(), parser.atEnd, !node.nullable else { return nil }
        return Starts(units: node.first, atLineStart: node.lineStart)
    }

    /// What a piece of pattern can start with, whether it can match nothing at all, and whether
    /// it can start at a line start (`^`) whatever the unit there.
    private struct Summary {
        var first: Set<UInt16>
        var nullable: Bool
        var lineStart = false
    }

    private struct Parser {
        let units: [UInt16]
        var position = 0

        var atEnd: Bool { position == units.count }

        private func peek(_ offset: Int = 0) -> UInt16? {
            position + offset < units.count ? units[position + offset] : nil
        }

        /// a|b|c
        mutating func alternation() -> Summary? {
            guard var result = sequence() else { return nil }
            while peek() == pipe {
                position += 1
                guard let next = sequence() else { return nil }
                result.first.formUnion(next.first)
                result.nullable = result.nullable || next.nullable
                result.lineStart = result.lineStart || next.lineStart
            }
            return result
        }

        /// Atoms in a row: the first ones up to the first that cannot be skipped. What follows
        /// that one cannot change the first units, so it is only passed over, understood or not.
        private mutating func sequence() -> Summary? {
            var result = Summary(first: [], nullable: true)
            while let unit = peek(), unit != pipe, unit != closeParen {
                guard result.nullable else { return skipRest() ? result : nil }
                guard var atom = atom(), let minimum = quantifier() else { return nil }
                if minimum == 0 { atom.nullable = true }
                result.first.formUnion(atom.first)
                result.lineStart = result.lineStart || atom.lineStart
                result.nullable = atom.nullable
            }
            return result
        }

        /// Passes over the rest of a sequence: up to the `|` or `)` that ends it, stepping over
        /// escapes, sets and groups. False when the pattern ends inside one of them.
        private mutating func skipRest() -> Bool {
            var depth = 0
            while let unit = peek() {
                switch unit {
                case backslash:
                    position += 2
                case openBracket:
                    guard skipSet() else { return false }
                case openParen:
                    depth += 1; position += 1
                case closeParen:
                    if depth == 0 { return true }
                    depth -= 1; position += 1
                case pipe where depth == 0:
                    return true
                default:
                    position += 1
                }
            }
            return depth == 0 && position == units.count
        }

        /// Passes over `[…]`, nested sets and escapes included.
        private mutating func skipSet() -> Bool {
            var depth = 0
            while let unit = peek() {
                position += 1
                switch unit {
                case backslash: position += 1
                case openBracket: depth += 1
                case closeBracket:
                    depth -= 1
                    if depth == 0 { return true }
                default: break
                }
            }
            return false
        }

        private mutating func atom() -> Summary? {
            guard let unit = peek() else { return nil }
            switch unit {
            case openParen:
                position += 1
                var lookaround = false
                if peek() == question {
                    // Non-capturing and named groups, and look-arounds, which match no text: they
                    // only narrow the set, so leaving them out keeps it a superset. Flags are not understood.
                    if peek(1) == colon {
                        position += 2
                    } else if peek(1) == equals || peek(1) == bang {
                        position += 2
                        lookaround = true
                    } else if peek(1) == less, peek(2) == equals || peek(2) == bang {
                        position += 3
                        lookaround = true
                    } else if peek(1) == less {
                        position += 2
                        while let u = peek(), u != greater { position += 1 }
                        guard peek() == greater else { return nil }
                        position += 1
                    } else {
                        return nil
                    }
                }
                guard let inner = alternation(), peek() == closeParen else { return nil }
                position += 1
                return lookaround ? Summary(first: [], nullable: true) : inner
            case openBracket:
                return set()
            case caret:
                // A match here starts at a line start, whatever follows: the anchor is as good
                // as a unit for telling where to try.
                position += 1
                return Summary(first: [], nullable: false, lineStart: true)
            default:
                if Self.metacharacters.contains(unit) || (0xD800...0xDFFF).contains(unit) { return nil }
                position += 1
                return Summary(first: [unit], nullable: false)
            }
        }

        /// [abc] or [a-z]; negated sets, escapes and nested sets are not understood.
        private mutating func set() -> Summary? {
            position += 1
            var members = Set<UInt16>()
            guard peek() != caret else { return nil }
            while let unit = peek(), unit != closeBracket {
                if Self.setSyntax.contains(unit) || (0xD800...0xDFFF).contains(unit) { return nil }
                if peek(1) == dash, let upper = peek(2), upper != closeBracket {
                    guard upper >= unit, upper - unit < 512, !(0xD800...0xDFFF).contains(upper) else { return nil }
                    for member in unit...upper { members.insert(member) }
                    position += 3
                } else {
                    members.insert(unit)
                    position += 1
                }
            }
            guard peek() == closeBracket, !members.isEmpty else { return nil }
            position += 1
            return Summary(first: members, nullable: false)
        }

        /// The least repetition count of an optional quantifier after an atom (1 when none).
        private mutating func quantifier() -> Int? {
            var minimum = 1
            switch peek() {
            case question, star: minimum = 0; position += 1
            case plus: position += 1
            case openBrace:
                position += 1
                var digits = 0, value = 0
                while let u = peek(), (0x30...0x39).contains(u) { value = value * 10 + Int(u - 0x30); digits += 1; position += 1 }
                guard digits > 0 else { return nil }
                while let u = peek(), u != closeBrace { guard u == comma || (0x30...0x39).contains(u) else { return nil }; position += 1 }
                guard peek() == closeBrace else { return nil }
                position += 1
                minimum = value
            default: return 1
            }
            if peek() == question || peek() == plus { position += 1 }  // lazy or possessive
            return minimum
        }

        static let metacharacters: Set<UInt16> = Set("\\.^$*+?{}[]()|".utf16)
        /// Characters with a meaning of their own inside ICU sets (escapes, nested sets, strings, variables).
        static let setSyntax: Set<UInt16> = Set("\\[{}$&:^".utf16)
    }
}

private let pipe = UInt16(UInt8(ascii: "|")), openParen = UInt16(UInt8(ascii: "(")), closeParen = UInt16(UInt8(ascii: ")"))
private let openBracket = UInt16(UInt8(ascii: "[")), closeBracket = UInt16(UInt8(ascii: "]")), caret = UInt16(UInt8(ascii: "^"))
private let question = UInt16(UInt8(ascii: "?")), star = UInt16(UInt8(ascii: "*")), plus = UInt16(UInt8(ascii: "+"))
private let openBrace = UInt16(UInt8(ascii: "{")), closeBrace = UInt16(UInt8(ascii: "}")), comma = UInt16(UInt8(ascii: ","))
private let colon = UInt16(UInt8(ascii: ":")), less = UInt16(UInt8(ascii: "<")), greater = UInt16(UInt8(ascii: ">"))
private let equals = UInt16(UInt8(ascii: "=")), bang = UInt16(UInt8(ascii: "!")), backslash = UInt16(UInt8(ascii: "\\"))
private let dash = UInt16(UInt8(ascii: "-"))
