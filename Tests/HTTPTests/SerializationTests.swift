import TestSupport
import Testing
@testable import HTTP

@Suite struct SerializationTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func writesResponseHeadWithContentLengthAndDate() {
        var out: [UInt8] = []
        let head = HTTPResponseHead(status: .ok, headers: ["Content-Type": "text/plain", "X-Id": "1"])
        HTTPHeadSerializer.write(head, framing: .contentLength(5), date: Array("Sun, 06 Nov 1994 08:49:37 GMT".utf8), into: &out)
        #expect(text(out) == "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Id: 1\r\nDate: Sun, 06 Nov 1994 08:49:37 GMT\r\nContent-Length: 5\r\n\r\n")
    }

    @Test func writesChunkedFramingAndKeepsExistingDate() {
        var out: [UInt8] = []
        let head = HTTPResponseHead(status: HTTPStatus(code: 404), headers: ["date": "x"])
        HTTPHeadSerializer.write(head, framing: .chunked, date: Array("y".utf8), into: &out)
        #expect(text(out) == "HTTP/1.1 404 Not Found\r\ndate: x\r\nTransfer-Encoding: chunked\r\n\r\n")
    }

    @Test func framingHeadersComeOnlyFromFramingArgument() {
        var out: [UInt8] = []
        let head = HTTPResponseHead(status: .ok, headers: ["Content-Length": "99", "transfer-encoding": "chunked", "A": "b"])
        HTTPHeadSerializer.write(head, framing: .contentLength(2), into: &out)
        #expect(text(out) == "HTTP/1.1 200 OK\r\nA: b\r\nContent-Length: 2\r\n\r\n")
    }

    @Test func neutralisesResponseSplittingAttempts() {
        var out: [UInt8] = []
        let head = HTTPResponseHead(status: .ok, reason: "OK\r\nX: y", headers: ["A": "1\r\nSet-Cookie: evil", "Bad Name": "v", "B\r\nC": "v"])
        HTTPHeadSerializer.write(head, framing: .none, into: &out)
        #expect(text(out) == "HTTP/1.1 200 OK  X: y\r\nA: 1  Set-Cookie: evil\r\n\r\n")
    }

    @Test func writesRequestHeadAndPercentEncodesTarget() {
        var out: [UInt8] = []
        let head = HTTPRequestHead(method: .POST, target: "/a b\r\n", headers: ["Host": "h"])
        HTTPHeadSerializer.write(head, framing: .contentLength(0), into: &out)
        #expect(text(out) == "POST /a%20b%0D%0A HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n")
    }

    @Test func serializedRequestParsesBackIdentically() throws {
        let head = HTTPRequestHead(method: .PUT, target: "/items/7?x=1", headers: ["Host": "api.test", "Accept": "application/json"])
        var out: [UInt8] = []
        HTTPHeadSerializer.write(head, framing: .chunked, into: &out)
        HTTPChunkedEncoder.writeChunk(Array("hello ".utf8), into: &out)
        HTTPChunkedEncoder.writeChunk([UInt8](), into: &out)
        HTTPChunkedEncoder.writeChunk(Array(repeating: UInt8(ascii: "z"), count: 300), into: &out)
        HTTPChunkedEncoder.writeEnd(trailers: ["Checksum": "c1"], into: &out)
        let outcome = parseBytes(out)
        var expected = head
        expected.headers.add(name: "Transfer-Encoding", value: "chunked")
        #expect(outcome.events == [.requestHead(expected), body("hello " + String(repeating: "z", count: 300)),
                                   .end(trailers: ["Checksum": "c1"])])
    }

    @Test func chunkHeaderIsLowercaseHexWithoutLeadingZeros() {
        #expect(text(HTTPChunkedEncoder.chunkHeader(count: 1)) == "1\r\n")
        #expect(text(HTTPChunkedEncoder.chunkHeader(count: 255)) == "ff\r\n")
        #expect(text(HTTPChunkedEncoder.chunkHeader(count: 4096)) == "1000\r\n")
        #expect(text(HTTPChunkedEncoder.chunkHeader(count: Int.max)) == "7fffffffffffffff\r\n")
    }

    @Test func writesLastChunkWithoutTrailers() {
        var out: [UInt8] = []
        HTTPChunkedEncoder.writeEnd(into: &out)
        #expect(text(out) == "0\r\n\r\n")
    }

    @Test func writesDecimalLengths() {
        for n in [0, 7, 10, 1234567890, Int.max] {
            var out: [UInt8] = []
            HTTPHeadSerializer.writeDecimal(n, into: &out)
            #expect(text(out) == String(n))
        }
    }

    @Test func dateCacheReformatsOnlyWhenSecondChanges() {
        var cache = HTTPDateCache()
        let a = cache.value(at: 784_111_777)
        #expect(cache.value(at: 784_111_777) == a)
        #expect(String(decoding: cache.value(at: 784_111_778), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:38 GMT")
        #expect(cache.current().count == 29)
    }
}

@Suite struct SerializationRoundTripTests {
    /// Random valid heads and bodies, serialized and parsed back, must come out equal.
    @Test func randomMessagesSurviveSerializeThenParse() {
        var rng = SplitMix64(seed: 0x5E71_A112)
        let tokenBytes = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~".utf8)
        let valueBytes = Array("abcXYZ019 \t!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8)
        func text(_ alphabet: [UInt8], _ length: ClosedRange<Int>) -> String {
            String(decoding: (0..<Int.random(in: length, using: &rng)).map { _ in alphabet.randomElement(using: &rng) ?? 97 }, as: UTF8.self)
        }
        for round in 0..<300 {
            var headers = HTTPHeaders([("Host", "api.test")])
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                var name = text(tokenBytes, 1...12)
                if ["host", "content-length", "transfer-encoding"].contains(name.lowercased()) { name = "X-" + name }
                var value = text(valueBytes, 0...20)
                while value.first == " " || value.first == "\t" { value.removeFirst() }
                while value.last == " " || value.last == "\t" { value.removeLast() }
                headers.add(name: name, value: value)
            }
            let head = HTTPRequestHead(method: .POST, target: "/r/\(round)?q=\(round)", headers: headers)
            let payload = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let chunked = round % 2 == 0
            var bytes: [UInt8] = []
            HTTPHeadSerializer.write(head, framing: chunked ? .chunked : .contentLength(payload.count), into: &bytes)
            if chunked {
                var rest = payload[...]
                while !rest.isEmpty {
                    let n = min(rest.count, Int.random(in: 1...64, using: &rng))
                    HTTPChunkedEncoder.writeChunk(rest.prefix(n), into: &bytes)
                    rest = rest.dropFirst(n)
                }
                HTTPChunkedEncoder.writeEnd(into: &bytes)
            } else {
                bytes += payload
            }
            let outcome = feed([bytes[...]], kind: .request, limits: HTTPParserLimits(), methods: [])
            var expected = head
            expected.headers.add(name: chunked ? "Transfer-Encoding" : "Content-Length", value: chunked ? "chunked" : String(payload.count))
            var expectedEvents: [HTTPParserEvent] = [.requestHead(expected)]
            if !payload.isEmpty { expectedEvents.append(.body(payload)) }
            expectedEvents.append(.end(trailers: nil))
            guard outcome.events == expectedEvents, outcome.error == nil else {
                Issue.record("round \(round): \(outcome)")
                return
            }
        }
    }
}
