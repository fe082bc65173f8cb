import Foundation

/// A compiled `pattern`/`patternProperties` regular expression.
///
/// Engine (documented decision): patterns in the common ECMA-262 subset (literals, classes, `.`,
/// `^ $ \b \B`, groups, alternation, greedy/lazy quantifiers, `\d \w \s \t \xHH \uHHHH \u{…} \cX`)
/// run on our own Pike VM (`PatternProgram`): ECMA semantics exactly (ASCII `\d`/`\w`, `$` only at
/// the end), linear time whatever the pattern, no String bridging. Anything else (backreferences,
/// lookaround, `\p{…}`, named groups) falls back to Foundation's `NSRegularExpression` (ICU),
/// with `\d`/`\w` rewritten to ECMA's ASCII classes and `\s` given U+FEFF. Compiled once.
struct SchemaPattern: @unchecked Sendable {
    // `@unchecked Sendable` is safe: NSRegularExpression is immutable after creation and documented
    // as safe to use from several threads at once; the program and `source` are values.

    /// The pattern as written in the schema.
    let source: String
    private let program: PatternProgram?
    private let regex: NSRegularExpression?

    /// Compiles `source`; nil when it is not a valid expression.
    init?(_ source: String) {
        self.source = source
        if let program = PatternCompiler.compile(source) {
            self.program = program
            self.regex = nil
        } else {
            guard let regex = try? NSRegularExpression(pattern: SchemaPattern.translate(source), options: []) else {
                return nil
            }
            self.program = nil
            self.regex = regex
        }
    }

    /// True when the expression matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        if let program { return program.matches(text) }
        guard let regex else { return false }
        return regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
    }

    /// True when the pattern runs on the built-in engine (not the ICU fallback).
    var usesBuiltInEngine: Bool { program != nil }

    /// Rewrites ECMA-262 class escapes whose ICU meaning differs.
    static func translate(_ source: String) -> String {
        guard source.contains("\\") else { return source }
        var out = ""
        var inClass = false
        var chars = source.makeIterator()
        while let c = chars.next() {
            if c == "\\" {
                guard let n = chars.next() else { out.append(c); break }
                switch n {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += inClass ? "\\D" : "[^0-9]"
                case "w": out += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
                case "W": out += inClass ? "\\W" : "[^a-zA-Z0-9_]"
                case "s": out += inClass ? "\\s\\x{FEFF}" : "[\\s\\x{FEFF}]"
                case "S": out += inClass ? "\\S" : "[^\\s\\x{FEFF}]"
                default: out.append(c); out.append(n)
                }
                continue
            }
            if c == "[" && !inClass { inClass = true } else if c == "]" && inClass { inClass = false }
            out.append(c)
        }
        return out
    }
}
