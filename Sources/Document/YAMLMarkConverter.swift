import CYAML

/// Converts libyaml marks (0-based line and column, `index` counted in characters) into
/// `SourceLocation`s with a byte offset, walking the UTF-8 buffer incrementally.
struct YAMLMarkConverter {
    private let buf: UnsafeBufferPointer<UInt8>
    private var characters = 0
    private var byteOffset = 0

    init(_ buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    mutating func location(_ mark: yaml_mark_t) -> SourceLocation {
        SourceLocation(line: mark.line + 1, column: mark.column + 1, offset: offset(ofCharacter: mark.index))
    }

    /// Byte offset of the `index`-th character (restarting from 0 when asked to move back).
    private mutating func offset(ofCharacter index: Int) -> Int {
        if index < characters { characters = 0; byteOffset = 0 }
        // libyaml skips a leading UTF-8 byte order mark without counting it.
        if byteOffset == 0, buf.count >= 3, buf[0] == 0xEF, buf[1] == 0xBB, buf[2] == 0xBF { byteOffset = 3 }
        while characters < index, byteOffset < buf.count {
            byteOffset += 1
            while byteOffset < buf.count, buf[byteOffset] & 0xC0 == 0x80 { byteOffset += 1 }
            characters += 1
        }
        return byteOffset
    }
}
