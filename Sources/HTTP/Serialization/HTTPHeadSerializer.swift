/// Writes request and response heads as HTTP/1.1 bytes, appending to a caller-owned buffer.
///
/// Framing headers come only from the `framing` argument: any `Content-Length` or `Transfer-Encoding`
/// in `head.headers` is not written, so a head can never announce two framings (no smuggling through
/// forwarded headers). Field lines that could split the message are neutralised: a field whose name is
/// not a token is dropped, and control bytes (other than HTAB) in values and reason phrases become spaces.
public enum HTTPHeadSerializer {
    /// Appends `HTTP/1.1 200 OK\r\n`, the fields, the framing header, `Date` (when given and the head
    /// has none) and the final empty line.
    public static func write(_ head: HTTPResponseHead, framing: HTTPBodyFraming, date: [UInt8]? = nil,
                             into buffer: inout [UInt8]) {
        buffer.reserveCapacity(buffer.count + 64 + head.headers.count * 32)
        writeVersion(head.version, into: &buffer)
        buffer.append(HTTPBytes.sp)
        writeDecimal(head.status.code, into: &buffer)
        buffer.append(HTTPBytes.sp)
        writeSanitized(head.reason, into: &buffer)
        buffer.append(contentsOf: crlf)
        writeFields(head.headers, into: &buffer)
        if let date, !head.headers.contains(name: "Date") {
            buffer.append(contentsOf: "Date: ".utf8)
            buffer.append(contentsOf: date)
            buffer.append(contentsOf: crlf)
        }
        writeFraming(framing, into: &buffer)
        buffer.append(contentsOf: crlf)
    }

    /// Appends `METHOD target HTTP/1.1\r\n`, the fields, the framing header and the final empty line.
    /// Bytes of the target outside visible ASCII are percent-encoded.
    public static func write(_ head: HTTPRequestHead, framing: HTTPBodyFraming, into buffer: inout [UInt8]) {
        buffer.reserveCapacity(buffer.count + 64 + head.target.utf8.count + head.headers.count * 32)
        buffer.append(contentsOf: head.method.rawValue.utf8)
        buffer.append(HTTPBytes.sp)
        writeTarget(head.target, into: &buffer)
        buffer.append(HTTPBytes.sp)
        writeVersion(head.version, into: &buffer)
        buffer.append(contentsOf: crlf)
        writeFields(head.headers, into: &buffer)
        writeFraming(framing, into: &buffer)
        buffer.append(contentsOf: crlf)
    }

    static let crlf: [UInt8] = [HTTPBytes.cr, HTTPBytes.lf]

    /// `HTTP/1.1`.
    static func writeVersion(_ version: HTTPVersion, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: "HTTP/".utf8)
        buffer.append(UInt8(truncatingIfNeeded: 0x30 + version.major % 10))
        buffer.append(UInt8(ascii: "."))
        buffer.append(UInt8(truncatingIfNeeded: 0x30 + version.minor % 10))
    }

    /// Every field except the framing ones, each as `Name: value\r\n`.
    static func writeFields(_ headers: HTTPHeaders, into buffer: inout [UInt8]) {
        let classes = HTTPBytes.classes
        for field in headers.fields {
            let written = field.name.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
                guard !bytes.isEmpty, bytes.allSatisfy({ classes[Int($0)] & HTTPBytes.token != 0 }) else { return false }
                if HTTPHeaders.bytesEqualIgnoringCase(bytes, "Content-Length".utf8)
                    || HTTPHeaders.bytesEqualIgnoringCase(bytes, "Transfer-Encoding".utf8) { return false }
                buffer.append(contentsOf: bytes)
                return true
            } ?? writeName(field.name, into: &buffer)
            guard written else { continue }
            buffer.append(HTTPBytes.colon)
            buffer.append(HTTPBytes.sp)
            writeSanitized(field.value, into: &buffer)
            buffer.append(contentsOf: crlf)
        }
    }

    /// `writeFields`' name check for a string without contiguous UTF-8 (bridged): false if skipped.
    private static func writeName(_ name: String, into buffer: inout [UInt8]) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.allSatisfy({ HTTPBytes.classes[Int($0)] & HTTPBytes.token != 0 }),
                  !HTTPHeaders.bytesEqualIgnoringCase(bytes, "Content-Length".utf8),
                  !HTTPHeaders.bytesEqualIgnoringCase(bytes, "Transfer-Encoding".utf8) else { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
    }

    /// The framing header the body needs, if any.
    static func writeFraming(_ framing: HTTPBodyFraming, into buffer: inout [UInt8]) {
        switch framing {
        case .contentLength(let length):
            buffer.append(contentsOf: "Content-Length: ".utf8)
            writeDecimal(length, into: &buffer)
            buffer.append(contentsOf: crlf)
        case .chunked:
            buffer.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        case .none, .untilClose:
            break
        }
    }

    /// A field value or reason phrase with every control byte except HTAB replaced by a space.
    static func writeSanitized(_ text: String, into buffer: inout [UInt8]) {
        let classes = HTTPBytes.classes
        let done = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard utf8.allSatisfy({ classes[Int($0)] & HTTPBytes.fieldValue != 0 }) else { return false }
            buffer.append(contentsOf: utf8)
            return true
        }
        if done == true { return }
        for b in text.utf8 { buffer.append(classes[Int(b)] & HTTPBytes.fieldValue != 0 ? b : HTTPBytes.sp) }
    }

    /// The request-target with bytes outside 0x21...0x7E percent-encoded.
    static func writeTarget(_ target: String, into buffer: inout [UInt8]) {
        let clean = target.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else { return false }
            buffer.append(contentsOf: bytes)
            return true
        }
        if clean == true { return }
        let hex = Array("0123456789ABCDEF".utf8)
        for b in target.utf8 {
            if b >= 0x21 && b <= 0x7E {
                buffer.append(b)
            } else {
                buffer.append(UInt8(ascii: "%"))
                buffer.append(hex[Int(b >> 4)])
                buffer.append(hex[Int(b & 0x0F)])
            }
        }
    }

    /// A non-negative integer in decimal, without allocating.
    static func writeDecimal(_ value: Int, into buffer: inout [UInt8]) {
        guard value > 0 else { buffer.append(UInt8(ascii: "0")); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            while rest > 0 {
                raw[count] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
                rest /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[i]) }
        }
    }
}
