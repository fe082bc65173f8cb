/// A compiled regular expression for the ECMA-262 subset `PatternCompiler` accepts, run by a Pike
/// virtual machine: one left-to-right pass over the input's code points, time linear in
/// input × program size whatever the pattern (no catastrophic backtracking), no backtracking stack.
struct PatternProgram: Sendable {
    /// One VM instruction.
    enum Instruction: Sendable {
        case scalar(UInt32)
        case set(PatternCharacterSet)
        case any                       // `.`: anything but a line terminator
        case split(Int, Int)
        case jump(Int)
        case inputStart, inputEnd      // `^`, `$` (no multiline flag)
        case wordBoundary(Bool)        // `\b` (true) or `\B` (false)
        case match
    }

    let instructions: [Instruction]

    /// True when the pattern matches somewhere in `text` (unanchored search).
    ///
    /// All VM state lives in one temporary buffer (stack-allocated when small): two thread lists,
    /// their generation marks, and the closure stack.
    func matches(_ text: String) -> Bool {
        let n = instructions.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 7 * n + 2) { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            // Only the generation marks are read before written; items and the stack are not.
            (base + n).initialize(repeating: -1, count: n)
            (base + 3 * n).initialize(repeating: -1, count: n)
            var vm = VM(program: self, base: base, size: n)
            return vm.run(text)
        }
    }

    /// The Pike VM over one input.
    private struct VM {
        let program: PatternProgram
        var current: ThreadList
        var next: ThreadList
        let stack: UnsafeMutablePointer<Int>
        var stackCount = 0

        init(program: PatternProgram, base: UnsafeMutablePointer<Int>, size n: Int) {
            self.program = program
            current = ThreadList(items: base, marks: base + n)
            next = ThreadList(items: base + 2 * n, marks: base + 3 * n)
            stack = base + 4 * n
        }

        mutating func run(_ text: String) -> Bool {
            var iterator = text.unicodeScalars.makeIterator()
            var scalar = iterator.next()?.value
            current.generation = 0
            if add(0, toNext: false, previous: nil, current: scalar) { return true }
            while let c = scalar {
                let following = iterator.next()?.value
                next.count = 0
                next.generation += 2
                for k in 0..<current.count {
                    let pc = current.items[k]
                    let consumes: Bool
                    switch program.instructions[pc] {
                    case .scalar(let s): consumes = s == c
                    case .set(let set): consumes = set.contains(c)
                    case .any: consumes = !PatternCharacterSet.isLineTerminator(c)
                    default: consumes = false
                    }
                    if consumes, add(pc + 1, toNext: true, previous: c, current: following) { return true }
                }
                // Unanchored search: a new attempt starts at every position.
                if add(0, toNext: true, previous: c, current: following) { return true }
                swap(&current, &next)
                scalar = following
            }
            return false
        }

        /// Adds the thread at `start` and everything reachable without consuming input; true on `match`.
        private mutating func add(_ start: Int, toNext: Bool, previous: UInt32?, current c: UInt32?) -> Bool {
            var list = toNext ? next : current
            defer { if toNext { next = list } else { current = list } }
            stackCount = 0
            push(start)
            while stackCount > 0 {
                stackCount -= 1
                let pc = stack[stackCount]
                guard list.marks[pc] != list.generation else { continue }
                list.marks[pc] = list.generation
                switch program.instructions[pc] {
                case .jump(let target):
                    push(target)
                case .split(let first, let second):
                    push(second)
                    push(first)
                case .inputStart:
                    if previous == nil { push(pc + 1) }
                case .inputEnd:
                    if c == nil { push(pc + 1) }
                case .wordBoundary(let expected):
                    if (PatternCharacterSet.isWord(previous) != PatternCharacterSet.isWord(c)) == expected { push(pc + 1) }
                case .match:
                    return true
                case .scalar, .set, .any:
                    list.items[list.count] = pc
                    list.count += 1
                }
            }
            return false
        }

        private mutating func push(_ pc: Int) {
            stack[stackCount] = pc
            stackCount += 1
        }
    }

    /// The threads at one input position: a sparse set keyed by program counter.
    private struct ThreadList {
        let items: UnsafeMutablePointer<Int>
        let marks: UnsafeMutablePointer<Int>
        var count = 0
        var generation = 0
    }
}

/// A character class: ranges and class escapes, possibly negated.
struct PatternCharacterSet: Sendable {
    /// `\d`, `\w`, `\s` and their negations.
    enum Escape: Sendable { case digit, notDigit, word, notWord, space, notSpace }

    var ranges: [ClosedRange<UInt32>] = []
    var escapes: [Escape] = []
    var negated = false
    /// Membership of the 128 ASCII code points, precomputed by `sealed()`.
    private var asciiLow: UInt64 = 0
    private var asciiHigh: UInt64 = 0
    private var isSealed = false

    init(ranges: [ClosedRange<UInt32>] = [], escapes: [Escape] = [], negated: Bool = false) {
        self.ranges = ranges
        self.escapes = escapes
        self.negated = negated
    }

    /// This set with its ASCII bitmap computed (done once at compile time).
    func sealed() -> PatternCharacterSet {
        var copy = self
        for c in UInt32(0)..<128 where slowContains(c) {
            if c < 64 { copy.asciiLow |= 1 << UInt64(c) } else { copy.asciiHigh |= 1 << UInt64(c - 64) }
        }
        copy.isSealed = true
        return copy
    }

    func contains(_ c: UInt32) -> Bool {
        if isSealed && c < 128 {
            return c < 64 ? asciiLow & (1 << UInt64(c)) != 0 : asciiHigh & (1 << UInt64(c - 64)) != 0
        }
        return slowContains(c)
    }

    private func slowContains(_ c: UInt32) -> Bool {
        var hit = false
        for r in ranges where r.contains(c) { hit = true; break }
        if !hit {
            for e in escapes where PatternCharacterSet.matches(e, c) { hit = true; break }
        }
        return hit != negated
    }

    static func matches(_ escape: Escape, _ c: UInt32) -> Bool {
        switch escape {
        case .digit: c &- 48 < 10
        case .notDigit: !(c &- 48 < 10)
        case .word: isWord(c)
        case .notWord: !isWord(c)
        case .space: isSpace(c)
        case .notSpace: !isSpace(c)
        }
    }

    /// ECMA-262 `\w`: ASCII letters, digits, underscore.
    static func isWord(_ c: UInt32?) -> Bool {
        guard let c else { return false }
        return (c | 0x20) &- 97 < 26 || c &- 48 < 10 || c == 95
    }

    /// ECMA-262 WhiteSpace and LineTerminator (`\s`).
    static func isSpace(_ c: UInt32) -> Bool {
        switch c {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// ECMA-262 LineTerminator (what `.` does not match).
    static func isLineTerminator(_ c: UInt32) -> Bool { c == 0x0A || c == 0x0D || c == 0x2028 || c == 0x2029 }
}
