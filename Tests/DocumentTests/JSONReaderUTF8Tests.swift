import Testing
@testable import Document

/// Invalid UTF-8 inside a JSON string: each sequence, the message prefix expected, all at offset 1.
private let invalidSequences: [([UInt8], String)] = [
    ([0x80], "invalid UTF-8: unexpected continuation byte"),
    ([0xBF], "invalid UTF-8: unexpected continuation byte"),
    ([0xC0, 0xAF], "invalid UTF-8: overlong encoding"),
    ([0xC1, 0xBF], "invalid UTF-8: overlong encoding"),
    ([0xE0, 0x80, 0xAF], "invalid UTF-8: overlong encoding"),
    ([0xE0, 0x9F, 0xBF], "invalid UTF-8: overlong encoding"),
    ([0xF0, 0x80, 0x80, 0xAF], "invalid UTF-8: overlong encoding"),
    ([0xF0, 0x8F, 0xBF, 0xBF], "invalid UTF-8: overlong encoding"),
    ([0xED, 0xA0, 0x80], "invalid UTF-8: encoded surrogate"),
    ([0xED, 0xBF, 0xBF], "invalid UTF-8: encoded surrogate"),
    ([0xF4, 0x90, 0x80, 0x80], "invalid UTF-8: code point above U+10FFFF"),
    ([0xF5, 0x80, 0x80, 0x80], "invalid UTF-8: byte 0xF5 would encode a code point above U+10FFFF"),
    ([0xFF], "invalid UTF-8: byte 0xFF"),
    ([0xC3], "invalid UTF-8: truncated 2-byte sequence"),
    ([0xE2, 0x82], "invalid UTF-8: truncated 3-byte sequence"),
    ([0xF0, 0x9F, 0x98], "invalid UTF-8: truncated 4-byte sequence"),
    ([0xE2, 0x41, 0x82], "invalid UTF-8: truncated 3-byte sequence"),
]

@Test(arguments: invalidSequences.indices)
func rejectsInvalidUTF8InStrings(_ k: Int) {
    let (sequence, message) = invalidSequences[k]
    for input in [[0x22] + sequence + [0x22], [0x22] + sequence + [0x5C, 0x6E, 0x22]] {
        do {
            _ = try JSONReader.parse(input)
            Issue.record("accepted \(sequence)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(sequence): \(error.message)")
            #expect(error.location.offset == 1)
        }
    }
}

@Test func rejectsTruncatedSequenceAtEndOfInput() {
    #expect(throws: DocumentError.self) { try JSONReader.parse([0x22, 0xF0, 0x9F]) }
    #expect(throws: DocumentError.self) { try JSONReader.parse([0x22, 0x61, 0xC3]) }
}

@Test func acceptsBoundaryScalars() throws {
    let valid: [[UInt8]] = [
        [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
        [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    ]
    for sequence in valid {
        let v = try JSONReader.parse([0x22] + sequence + [0x22])
        #expect(v.stringValue.map { Array($0.utf8) } == sequence)
    }
}

@Test func rejectsNonASCIIOutsideStrings() {
    #expect(throws: DocumentError.self) { try JSONReader.parse([0x5B, 0xC2, 0xA0, 0x31, 0x5D]) }  // NBSP is not JSON whitespace
}

@Test func columnsCountScalarsNotBytes() {
    // "😀" is 4 bytes, 1 column; the error is at the 'x' in column 7 (offset 9).
    do {
        _ = try JSONReader.parse(Array("[\"😀\", x]".utf8))
        Issue.record("accepted")
    } catch {
        #expect(error.location == SourceLocation(line: 1, column: 7, offset: 9))
    }
}

/// The string scanner skips 8 plain bytes at a time; a quote, backslash, control or non-ASCII byte
/// at any offset after a run of plain bytes must still be seen exactly where it is.
@Test func stringScanSeesSpecialBytesAtEveryOffset() throws {
    for k in 0..<20 {
        let plain = String(repeating: "a", count: k)
        let tail = String(repeating: "b", count: 19 - k)
        #expect(try JSONReader.parse(Array("\"\(plain)\"".utf8)) == .string(plain))
        #expect(try JSONReader.parse(Array("\"\(plain)\\n\(tail)\"".utf8)) == .string(plain + "\n" + tail))
        #expect(try JSONReader.parse(Array("\"\(plain)\u{E9}\(tail)\"".utf8)) == .string(plain + "\u{E9}" + tail))
        #expect(try JSONReader.parse(Array("\"\(plain)~\u{7F} \(tail)\"".utf8)) == .string(plain + "~\u{7F} " + tail))
        for bad: UInt8 in [0x01, 0x1F, 0xFF, 0x80] {
            var bytes = Array("\"\(plain)x\(tail)\"".utf8)
            bytes[1 + k] = bad
            do {
                _ = try JSONReader.parse(bytes)
                Issue.record("accepted byte \(bad) at offset \(1 + k)")
            } catch {
                #expect(error.location.offset == 1 + k, "byte \(bad) at \(1 + k): \(error.message)")
            }
        }
    }
}
