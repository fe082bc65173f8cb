/// Parses an ECMA-262 pattern (the subset without backreferences, lookaround, named groups or
/// Unicode property escapes) into a `PatternProgram`. Returns nil for anything outside that subset
/// or malformed; the caller then falls back to `NSRegularExpression`.
struct PatternCompiler {
    /// Largest program accepted (counted repetitions are expanded).
    static let maxInstructions = 4096

    private indirect enum Node {
        case scalar(UInt32)
        case set(PatternCharacterSet)
        case any
        case inputStart, inputEnd
        case wordBoundary(Bool)
        case sequence([Node])
        case alternation([Node])
        case repetition(Node, min: Int, max: Int?)
    }

    /// Deepest group nesting parsed (deeper patterns go to the fallback engine).
    static let maxNesting = 100

    private let scalars: [UInt32]
    private var index = 0
    private var nesting = 0
    private var program: [PatternProgram.Instruction] = []

    private init(_ source: String) { scalars = source.unicodeScalars.map(\.value) }

    /// The program for `source`, or nil when it is outside the supported subset.
    static func compile(_ source: String) -> PatternProgram? {
        var compiler = PatternCompiler(source)
        guard let tree = compiler.disjunction(), compiler.index == compiler.scalars.count,
              compiler.emit(tree), compiler.program.count < maxInstructions else { return nil }
        compiler.program.append(.match)
        return PatternProgram(instructions: compiler.program)
    }

    // MARK: - Parsing

    private var peek: UInt32? { index < scalars.count ? scalars[index] : nil }

    private mutating func take(_ c: Character) -> Bool {
        guard let p = peek, let v = c.unicodeScalars.first?.value, p == v else { return false }
        index += 1
        return true
    }

    private mutating func disjunction() -> Node? {
        var branches: [Node] = []
        repeat {
            guard let branch = alternative() else { return nil }
            branches.append(branch)
        } while take("|")
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func alternative() -> Node? {
        var terms: [Node] = []
        while let c = peek, c != 0x7C /* | */, c != 0x29 /* ) */ {
            guard let term = term() else { return nil }
            terms.append(term)
        }
        return .sequence(terms)
    }

    private mutating func term() -> Node? {
        if take("^") { return .inputStart }
        if take("$") { return .inputEnd }
        if peek == 0x5C, index + 1 < scalars.count, scalars[index + 1] == 0x62 || scalars[index + 1] == 0x42 {
            let expected = scalars[index + 1] == 0x62
            index += 2
            return .wordBoundary(expected)
        }
        guard let atom = atom() else { return nil }
        return quantified(atom)
    }

    private mutating func quantified(_ atom: Node) -> Node? {
        var result: Node
        if take("*") { result = .repetition(atom, min: 0, max: nil) }
        else if take("+") { result = .repetition(atom, min: 1, max: nil) }
        else if take("?") { result = .repetition(atom, min: 0, max: 1) }
        else if peek == 0x7B, let (min, max) = braces() {
            guard max.map({ $0 >= min }) ?? true else { return nil }
            result = .repetition(atom, min: min, max: max)
        } else { return atom }
        _ = take("?")  // lazy: irrelevant when only asking whether a match exists
        if let c = peek, c == 0x2A || c == 0x2B || c == 0x3F { return nil }  // `a**` is a syntax error
        return result
    }

    /// `{n}`, `{n,}`, `{n,m}` at the current position; nil (position unchanged) when not a quantifier.
    private mutating func braces() -> (Int, Int?)? {
        let start = index
        index += 1
        func number(_ p: inout PatternCompiler) -> Int? {
            var value: Int?
            while let c = p.peek, c &- 48 < 10 {
                value = min((value ?? 0) * 10 + Int(c - 48), 100_000)
                p.index += 1
            }
            return value
        }
        if let low = number(&self) {
            if take("}") { return (low, low) }
            if take(",") {
                let high = number(&self)
                if take("}") { return (low, high) }
            }
        }
        index = start
        return nil
    }

    private mutating func atom() -> Node? {
        guard let c = peek else { return nil }
        index += 1
        switch c {
        case 0x2E: return .any
        case 0x28:  // (
            if take("?") { guard take(":") else { return nil } }  // lookaround and named groups: unsupported
            nesting += 1
            defer { nesting -= 1 }
            guard nesting <= PatternCompiler.maxNesting, let inner = disjunction(), take(")") else { return nil }
            return inner
        case 0x5B: return characterClass()
        case 0x5C: return escape(inClass: false)
        case 0x2A, 0x2B, 0x3F, 0x29, 0x7C: return nil  // nothing to repeat / unbalanced
        case 0x7B:  // a `{` that does not start a quantifier is a literal (ECMA-262 Annex B)
            index -= 1
            guard braces() == nil else { return nil }
            index += 1
            return .scalar(c)
        default: return .scalar(c)
        }
    }

    private mutating func characterClass() -> Node? {
        var set = PatternCharacterSet()
        set.negated = take("^")
        while let c = peek, c != 0x5D {
            guard let low = classAtom() else { return nil }
            if peek == 0x2D, index + 1 < scalars.count, scalars[index + 1] != 0x5D {
                index += 1
                guard case .scalar(let a) = low, let high = classAtom(), case .scalar(let b) = high, a <= b else { return nil }
                set.ranges.append(a...b)
                continue
            }
            _ = c
            switch low {
            case .scalar(let a): set.ranges.append(a...a)
            case .set(let inner): set.escapes += inner.escapes
            default: return nil
            }
        }
        guard take("]") else { return nil }
        return .set(set)
    }

    private mutating func classAtom() -> Node? {
        guard let c = peek else { return nil }
        index += 1
        if c == 0x5C { return escape(inClass: true) }
        return .scalar(c)
    }

    /// After a backslash.
    private mutating func escape(inClass: Bool) -> Node? {
        guard let c = peek else { return nil }
        index += 1
        func set(_ e: PatternCharacterSet.Escape) -> Node { .set(PatternCharacterSet(escapes: [e])) }
        switch Unicode.Scalar(c).map(Character.init) {
        case "d": return set(.digit)
        case "D": return set(.notDigit)
        case "w": return set(.word)
        case "W": return set(.notWord)
        case "s": return set(.space)
        case "S": return set(.notSpace)
        case "t": return .scalar(9)
        case "n": return .scalar(10)
        case "v": return .scalar(11)
        case "f": return .scalar(12)
        case "r": return .scalar(13)
        case "b" where inClass: return .scalar(8)
        case "0": return peek.map { $0 &- 48 < 10 } == true ? nil : .scalar(0)
        case "c":
            guard let l = peek, (l | 0x20) &- 97 < 26 else { return nil }
            index += 1
            return .scalar(l % 32)
        case "x": return hex(2).map(Node.scalar)
        case "u":
            if take("{") {
                var value: UInt32 = 0
                var digits = 0
                while let d = peek, let v = hexValue(d) { value = value &* 16 &+ v; digits += 1; index += 1 }
                guard digits > 0, digits <= 6, take("}"), value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
                return .scalar(value)
            }
            guard let unit = hex(4) else { return nil }
            if (0xD800...0xDBFF).contains(unit) {
                guard take("\\"), take("u"), let low = hex(4), (0xDC00...0xDFFF).contains(low) else { return nil }
                return .scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
            }
            return (0xDC00...0xDFFF).contains(unit) ? nil : .scalar(unit)
        default:
            // Identity escapes of syntax characters only; letters/digits (\a, \1, \p, \k …) are not ours.
            let syntax: Set<UInt32> = Set("^$\\.*+?()[]{}|/-".unicodeScalars.map(\.value))
            return syntax.contains(c) ? .scalar(c) : nil
        }
    }

    private mutating func hex(_ count: Int) -> UInt32? {
        guard index + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for k in index..<(index + count) {
            guard let v = hexValue(scalars[k]) else { return nil }
            value = value * 16 + v
        }
        index += count
        return value
    }

    private func hexValue(_ c: UInt32) -> UInt32? {
        if c &- 48 < 10 { return c - 48 }
        if (c | 0x20) &- 97 < 6 { return (c | 0x20) - 87 }
        return nil
    }

    // MARK: - Code generation

    /// Emits `node`; false when the program grows past the limit.
    private mutating func emit(_ node: Node) -> Bool {
        guard program.count < PatternCompiler.maxInstructions else { return false }
        switch node {
        case .scalar(let c): program.append(.scalar(c))
        case .set(let s): program.append(.set(s.sealed()))
        case .any: program.append(.any)
        case .inputStart: program.append(.inputStart)
        case .inputEnd: program.append(.inputEnd)
        case .wordBoundary(let b): program.append(.wordBoundary(b))
        case .sequence(let items):
            for item in items where !emit(item) { return false }
        case .alternation(let branches):
            var exits: [Int] = []
            for (k, branch) in branches.enumerated() {
                if k < branches.count - 1 {
                    let split = program.count
                    program.append(.split(split + 1, -1))
                    guard emit(branch) else { return false }
                    exits.append(program.count)
                    program.append(.jump(-1))
                    program[split] = .split(split + 1, program.count)
                } else {
                    guard emit(branch) else { return false }
                }
            }
            for exit in exits { program[exit] = .jump(program.count) }
        case .repetition(let body, let min, let max):
            for _ in 0..<min where !emit(body) { return false }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    program.append(.split(program.count + 1, -1))
                    guard emit(body) else { return false }
                }
                for s in splits { program[s] = .split(s + 1, program.count) }
            } else {
                let loop = program.count
                program.append(.split(loop + 1, -1))
                guard emit(body) else { return false }
                program.append(.jump(loop))
                program[loop] = .split(loop + 1, program.count)
            }
        }
        return true
    }
}
