/// Serializes a response head into wire bytes (status line, fields, empty line) in one buffer.
enum ResponseHeadEncoder {
    /// `HTTP/1.1 <code> <reason>\r\n` + fields + extra fields + `\r\n`.
    static func encode(status: HTTPStatus, headers: HTTPHeaders, extra: [(String, String)], into bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + 128 + headers.count * 32)
        bytes.append(contentsOf: "HTTP/1.1 ".utf8)
        appendCode(status.code, to: &bytes)
        bytes.append(0x20)
        bytes.append(contentsOf: status.reasonPhrase.utf8)
        bytes.append(contentsOf: [0x0D, 0x0A])
        for field in headers {
            appendField(field.name, field.value, to: &bytes)
        }
        for (name, value) in extra {
            appendField(name, value, to: &bytes)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    @inline(__always) private static func appendField(_ name: String, _ value: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: [0x3A, 0x20])
        bytes.append(contentsOf: value.utf8)
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    private static func appendCode(_ code: Int, to bytes: inout [UInt8]) {
        let clamped = min(max(code, 100), 999)
        bytes.append(UInt8(48 + clamped / 100))
        bytes.append(UInt8(48 + clamped / 10 % 10))
        bytes.append(UInt8(48 + clamped % 10))
    }

    /// The chunk-size line for `count` bytes: hex digits + CRLF.
    static func chunkSizeLine(_ count: Int, into bytes: inout [UInt8]) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var value = count
        var reversed: [UInt8] = []
        repeat {
            reversed.append(digits[value & 0xF])
            value >>= 4
        } while value > 0
        bytes.append(contentsOf: reversed.reversed())
        bytes.append(contentsOf: [0x0D, 0x0A])
    }
}
