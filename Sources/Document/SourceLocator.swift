/// Turns byte offsets into `SourceLocation`s (line, column in Unicode scalars) for one buffer.
///
/// Offsets asked in increasing order cost O(distance) each, so a reader that records every node
/// pays O(n) in total. A `\n`, a `\r\n` pair or a lone `\r` each end one line.
struct SourceLocator {
    private let buf: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ buf: UnsafeBufferPointer<UInt8>) { self.buf = buf }

    /// The location of `target` (clamped to the buffer end); rescans from the start when moving back.
    mutating func location(at target: Int) -> SourceLocation {
        let target = min(max(target, 0), buf.count)
        if target < offset { offset = 0; line = 1; column = 1 }
        var o = offset
        while o < target {
            let b = buf[o]
            if b == 0x0A {
                line += 1; column = 1
            } else if b == 0x0D {
                if o + 1 < buf.count, buf[o + 1] == 0x0A {
                    // counted when the \n is reached
                } else {
                    line += 1; column = 1
                }
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            o += 1
        }
        offset = target
        return SourceLocation(line: line, column: column, offset: target)
    }

    /// One-off lookup without keeping state.
    static func location(in buf: UnsafeBufferPointer<UInt8>, at offset: Int) -> SourceLocation {
        var l = SourceLocator(buf)
        return l.location(at: offset)
    }
}
