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

    @Test func formatsIMFFixdate() {
        #expect(HTTPDateCache.format(unixSeconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDateCache.format(unixSeconds: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDateCache.format(unixSeconds: 951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDateCache.format(unixSeconds: 4_102_444_799) == "Thu, 31 Dec 2099 23:59:59 GMT")
    }

    @Test func dateCacheReformatsOnlyWhenSecondChanges() {
        var cache = HTTPDateCache()
        let a = cache.value(at: 784_111_777)
        #expect(cache.value(at: 784_111_777) == a)
        #expect(String(decoding: cache.value(at: 784_111_778), as: UTF8.self) == "Sun, 06 Nov 1994 08:49:38 GMT")
        #expect(cache.current().count == 29)
    }
}
