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
    func matches(_ text: String) -> Bool {
        var current = ThreadList(size: instructions.count)
        var next = ThreadList(size: instructions.count)
        var iterator = text.unicodeScalars.makeIterator()
        var scalar = iterator.next()?.value
        current.generation += 1
        if add(0, to: &current, previous: nil, current: scalar) { return true }
        while let c = scalar {
            let following = iterator.next()?.value
            next.items.removeAll(keepingCapacity: true)
            next.generation += 1
            for pc in current.items {
                let consumes: Bool
                switch instructions[pc] {
                case .scalar(let s): consumes = s == c
                case .set(let set): consumes = set.contains(c)
                case .any: consumes = !PatternCharacterSet.isLineTerminator(c)
                default: consumes = false
                }
                if consumes, add(pc + 1, to: &next, previous: c, current: following) { return true }
            }
            // Unanchored search: a new attempt starts at every position.
            if add(0, to: &next, previous: c, current: following) { return true }
            swap(&current, &next)
            scalar = following
        }
        return false
    }

    /// Adds the thread at `start` and everything reachable without consuming input; true on `match`.
    private func add(_ start: Int, to list: inout ThreadList, previous: UInt32?, current: UInt32?) -> Bool {
        list.stack.append(start)
        while let pc = list.stack.popLast() {
            guard list.marks[pc] != list.generation else { continue }
            list.marks[pc] = list.generation
            switch instructions[pc] {
            case .jump(let target):
                list.stack.append(target)
            case .split(let first, let second):
                list.stack.append(second)
                list.stack.append(first)
            case .inputStart:
                if previous == nil { list.stack.append(pc + 1) }
            case .inputEnd:
                if current == nil { list.stack.append(pc + 1) }
            case .wordBoundary(let expected):
                if (PatternCharacterSet.isWord(previous) != PatternCharacterSet.isWord(current)) == expected {
                    list.stack.append(pc + 1)
                }
            case .match:
                list.stack.removeAll(keepingCapacity: true)
                return true
            case .scalar, .set, .any:
                list.items.append(pc)
            }
        }
        return false
    }

    /// The threads at one input position (a sparse set keyed by program counter).
    private struct ThreadList {
        var items: [Int] = []
        var marks: [Int]
        var generation = 0
        var stack: [Int] = []

        init(size: Int) {
            marks = [Int](repeating: -1, count: size)
            items.reserveCapacity(size)
        }
    }
}

/// A character class: ranges and class escapes, possibly negated.
struct PatternCharacterSet: Sendable {
    /// `\d`, `\w`, `\s` and their negations.
    enum Escape: Sendable { case digit, notDigit, word, notWord, space, notSpace }

    var ranges: [ClosedRange<UInt32>] = []
    var escapes: [Escape] = []
    var negated = false

    func contains(_ c: UInt32) -> Bool {
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
