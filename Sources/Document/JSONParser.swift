/// The byte-level JSON parser behind `JSONReader`: an explicit stack of open containers instead
/// of recursion, index arithmetic over an `UnsafeBufferPointer`, and (only when `tracking`)
/// the location of every node keyed by JSON Pointer.
struct JSONParser {
    let buf: UnsafeBufferPointer<UInt8>
    let file: String
    let limits: JSONReader.Limits
    let tracking: Bool
    /// Current read position.
    var i = 0

    /// One open container: its kind, its collected members and (for tracking) its pointer.
    private var isObject: [Bool] = []
    private var arrays: [[JSONValue]] = []
    private var objects: [JSONObject] = []
    /// The key waiting for its value in each open object, and where that key started.
    private var pendingKeys: [String] = []
    private var pendingKeyOffsets: [Int] = []
    /// Pointer string of each open container (tracking only).
    private var containerPointers: [String] = []

    private var locator: SourceLocator
    var locations: [CodePointKey: SourceLocation] = [:]
    var keyLocations: [CodePointKey: SourceLocation] = [:]

    init(_ buf: UnsafeBufferPointer<UInt8>, file: String, limits: JSONReader.Limits, tracking: Bool) {
        self.buf = buf
        self.file = file
        self.limits = limits
        self.tracking = tracking
        self.locator = SourceLocator(buf)
        if tracking {
            // Every value follows '[', ',' or ':' (or is the root); counting them bounds the
            // number of entries, so the dictionaries never rehash while growing.
            var values = 1, keys = 0
            for b in buf {
                if b == UInt8(ascii: ":") { keys += 1 } else if b == UInt8(ascii: ",") || b == UInt8(ascii: "[") { values += 1 }
            }
            locations.reserveCapacity(values + keys)
            keyLocations.reserveCapacity(keys)
        }
    }

    // MARK: Errors

    /// An error at `offset` (line and column computed from the bytes).
    func error(_ message: String, at offset: Int) -> DocumentError {
        DocumentError(file: file, location: SourceLocator.location(in: buf, at: offset), message: message)
    }

    /// A readable name for the byte at `offset` (or "end of input").
    func describe(at offset: Int) -> String {
        guard offset < buf.count else { return "end of input" }
        let b = buf[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        let hex = String(b, radix: 16, uppercase: true)
        return "byte 0x" + (hex.count < 2 ? "0" + hex : hex)
    }

    // MARK: Driver

    /// Parses one JSON text: optional whitespace, one value, optional whitespace, end.
    mutating func parseText() throws(DocumentError) -> JSONValue {
        if buf.count > limits.maxBytes {
            throw DocumentError(file: file, location: SourceLocation(line: 1, column: 1, offset: 0),
                                message: "input is \(buf.count) bytes, more than the limit of \(limits.maxBytes)")
        }
        if buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF {
            throw error("byte order mark is not allowed in JSON", at: 0)
        }
        skipWhitespace()
        let value = try parseValues()
        skipWhitespace()
        if i < buf.count {
            throw error("unexpected \(describe(at: i)) after the JSON value; expected end of input", at: i)
        }
        return value
    }

    /// The main loop: reads a value, then closes as many containers as the input closes.
    private mutating func parseValues() throws(DocumentError) -> JSONValue {
        while true {
            var value: JSONValue
            guard i < buf.count else { throw error("expected a value, found end of input", at: i) }
            if tracking { recordValueLocation() }
            switch buf[i] {
            case UInt8(ascii: "{"):
                try checkDepth()
                i += 1
                skipWhitespace()
                if i < buf.count, buf[i] == UInt8(ascii: "}") {
                    i += 1
                    value = .object(JSONObject())
                } else {
                    openContainer(object: true)
                    try readKeyAndColon()
                    continue
                }
            case UInt8(ascii: "["):
                try checkDepth()
                i += 1
                skipWhitespace()
                if i < buf.count, buf[i] == UInt8(ascii: "]") {
                    i += 1
                    value = .array([])
                } else {
                    openContainer(object: false)
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            case UInt8(ascii: "t"):
                try expectLiteral("true"); value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false"); value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null"); value = .null
            default:
                throw unexpectedValueStart()
            }
            // Hand the value to its container; close containers while the input closes them.
            while let top = isObject.last {
                skipWhitespace()
                if top {
                    let last = objects.count - 1
                    let key = pendingKeys.removeLast()
                    let keyOffset = pendingKeyOffsets.removeLast()
                    if !objects[last].insertNew(key, value) {
                        throw error("duplicate key \"\(key)\" in object", at: keyOffset)
                    }
                    guard i < buf.count else {
                        throw error("expected ',' or '}' after object member, found end of input", at: i)
                    }
                    if buf[i] == UInt8(ascii: ",") {
                        i += 1
                        skipWhitespace()
                        if i < buf.count, buf[i] == UInt8(ascii: "}") {
                            throw error("trailing comma before '}' is not allowed", at: i)
                        }
                        try readKeyAndColon()
                        break
                    } else if buf[i] == UInt8(ascii: "}") {
                        i += 1
                        value = .object(objects.removeLast())
                        closeContainer()
                    } else {
                        throw error("expected ',' or '}' after object member, found \(describe(at: i))", at: i)
                    }
                } else {
                    arrays[arrays.count - 1].append(value)
                    guard i < buf.count else {
                        throw error("expected ',' or ']' after array element, found end of input", at: i)
                    }
                    if buf[i] == UInt8(ascii: ",") {
                        i += 1
                        skipWhitespace()
                        if i < buf.count, buf[i] == UInt8(ascii: "]") {
                            throw error("trailing comma before ']' is not allowed", at: i)
                        }
                        break
                    } else if buf[i] == UInt8(ascii: "]") {
                        i += 1
                        value = .array(arrays.removeLast())
                        closeContainer()
                    } else {
                        throw error("expected ',' or ']' after array element, found \(describe(at: i))", at: i)
                    }
                }
            }
            if isObject.isEmpty { return value }
        }
    }

    /// Fails when opening one more container would exceed `limits.maxDepth`.
    private func checkDepth() throws(DocumentError) {
        if isObject.count >= limits.maxDepth {
            throw error("nesting is deeper than the limit of \(limits.maxDepth)", at: i)
        }
    }

    private mutating func openContainer(object: Bool) {
        if tracking { containerPointers.append(currentPointer()) }
        isObject.append(object)
        if object { objects.append(JSONObject()) } else { arrays.append([]) }
    }

    private mutating func closeContainer() {
        isObject.removeLast()
        if tracking { containerPointers.removeLast() }
    }

    /// Reads `"key"` `:` and the whitespace after it; errors name what was expected.
    private mutating func readKeyAndColon() throws(DocumentError) {
        guard i < buf.count, buf[i] == UInt8(ascii: "\"") else {
            throw error("expected a string key in object, found \(describe(at: i))", at: i)
        }
        let keyOffset = i
        let key = try parseString()
        if tracking {
            let pointer = (containerPointers.last ?? "") + "/" + JSONPointer.escape(key)
            keyLocations[CodePointKey(pointer)] = locator.location(at: keyOffset)
        }
        pendingKeys.append(key)
        pendingKeyOffsets.append(keyOffset)
        skipWhitespace()
        guard i < buf.count, buf[i] == UInt8(ascii: ":") else {
            throw error("expected ':' after object key, found \(describe(at: i))", at: i)
        }
        i += 1
        skipWhitespace()
    }

    /// The pointer of the value about to be read (tracking only).
    private func currentPointer() -> String {
        guard let top = isObject.last, let container = containerPointers.last else { return "" }
        if top { return container + "/" + JSONPointer.escape(pendingKeys.last ?? "") }
        return container + "/" + String(arrays[arrays.count - 1].count)
    }

    private mutating func recordValueLocation() {
        locations[CodePointKey(currentPointer())] = locator.location(at: i)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while i < buf.count {
            switch buf[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    private mutating func expectLiteral(_ word: StaticString) throws(DocumentError) {
        let start = i
        let n = word.utf8CodeUnitCount
        let p = word.utf8Start
        for k in 0..<n {
            guard start + k < buf.count, buf[start + k] == p[k] else {
                throw error("invalid literal; expected '\(word)'", at: start)
            }
        }
        i = start + n
    }

    /// The error for a byte that cannot start a value, with a hint for common non-JSON forms.
    private func unexpectedValueStart() -> DocumentError {
        let b = buf[i]
        switch b {
        case UInt8(ascii: "/"): return error("comments are not allowed in JSON", at: i)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            return error("unexpected \(describe(at: i)); expected a value (NaN and Infinity are not JSON)", at: i)
        case UInt8(ascii: "'"): return error("strings must use double quotes", at: i)
        case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
            return error("unexpected \(describe(at: i)); expected a value", at: i)
        default: return error("unexpected \(describe(at: i)); expected a value", at: i)
        }
    }
}
