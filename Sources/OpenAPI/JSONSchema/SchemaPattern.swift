import Foundation

/// A compiled `pattern`/`patternProperties` regular expression.
///
/// Engine (documented decision): Foundation's `NSRegularExpression` (ICU), compiled once at schema
/// compile time. ECMA-262 differences are bridged where they change results in practice:
/// `\d`, `\w` (and negations) are rewritten to ECMA's ASCII classes, since ICU's are Unicode-wide;
/// `\s`/`\S` gain U+FEFF, which ECMA counts as white space and ICU does not. Matching is unanchored, as JSON Schema requires.
struct SchemaPattern: @unchecked Sendable {
    // `@unchecked Sendable` is safe: NSRegularExpression is immutable after creation and documented
    // as safe to use from several threads at once; `source` is a String.

    /// The pattern as written in the schema.
    let source: String
    private let regex: NSRegularExpression

    /// Compiles `source`; nil when it is not a valid expression.
    init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: SchemaPattern.translate(source), options: []) else {
            return nil
        }
        self.source = source
        self.regex = regex
    }

    /// True when the expression matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        if text.isEmpty || text.utf8.allSatisfy({ $0 < 0x80 }) {
            return regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
        let ns = text as NSString
        return regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: ns.length)) != nil
    }

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
