import TestSupport
import Testing
@testable import HTTP

@Suite struct ParserFuzzTests {
    static let requests = [
        "GET /a?b=c HTTP/1.1\r\nHost: example.test\r\nAccept: */*\r\n\r\n",
        "POST /items HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello",
        "PUT /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4;e=1\r\nwiki\r\n5\r\npedia\r\n0\r\nT: v\r\n\r\n",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n",
    ]
    static let responses = [
        "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        "HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil close",
        "HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n",
    ]
    static let interesting: [UInt8] = [0, 9, 10, 13, 32, 58, 59, 48, 49, 102, 44, 0x7F, 0x80, 0xFF]

    /// Bit flips, insertions (often of framing bytes), deletions, duplications and truncations.
    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !bytes.isEmpty else { break }
            let at = Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: bytes[at] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &rng)
            case 1: bytes.insert(interesting.randomElement(using: &rng) ?? 0, at: at)
            case 2: bytes.remove(at: at)
            case 3: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + Int.random(in: 1...8, using: &rng))], at: at)
            case 4: bytes.removeSubrange(at...)
            default: bytes[at] = UInt8.random(in: 0...255, using: &rng)
            }
        }
        return bytes
    }

    /// Events must come as: (interim)* head, body*, end — repeated; an error may cut the last message short.
    static func isWellFormed(_ events: [HTTPParserEvent]) -> Bool {
        var inMessage = false
        for event in events {
            switch event {
            case .requestHead, .responseHead:
                if inMessage { return false }
                inMessage = true
            case .interimResponse:
                if inMessage { return false }
            case .body(let bytes):
                if !inMessage || bytes.isEmpty { return false }
            case .end:
                if !inMessage { return false }
                inMessage = false
            }
        }
        return true
    }

    @Test func randomMutationsNeverCrashHangOrDependOnSplits() {
        var rng = SplitMix64(seed: 0x6A7E_3A11)
        let limits = HTTPParserLimits(maxRequestLineBytes: 64, maxHeadBytes: 160, maxHeaderCount: 6,
                                      maxBodyBytes: 64, maxChunkLineBytes: 16, maxTrailerBytes: 32)
        var outcomes = [Int](repeating: 0, count: 2)
        for round in 0..<20_000 {
            let isRequest = round % 2 == 0
            let corpus = isRequest ? Self.requests : Self.responses
            let input = Self.mutate(Array(corpus[round % corpus.count].utf8), &rng)
            let kind: HTTPParser.Kind = isRequest ? .request : .response
            let whole = feed([input[...]], kind: kind, limits: limits, methods: [])
            let split = Int.random(in: 0...input.count, using: &rng)
            let halves = feed([input[..<split], input[split...]], kind: kind, limits: limits, methods: [])
            let bytewise = round % 50 == 0 ? feed(input.indices.map { input[$0...$0] }, kind: kind, limits: limits, methods: []) : whole
            guard whole == halves, whole == bytewise, Self.isWellFormed(whole.events) else {
                Issue.record("round \(round): input \(input) whole \(whole) split at \(split) \(halves)")
                return
            }
            if let error = whole.error {
                #expect([400, 413, 414, 431, 501, 505].contains(error.status.code))
                #expect(error.offset >= 0 && error.offset <= input.count)
            }
            outcomes[whole.error == nil ? 0 : 1] += 1
        }
        // Both outcomes must occur, or the mutations are too weak (or too strong) to mean anything.
        #expect(outcomes[0] > 1000 && outcomes[1] > 1000, "\(outcomes)")
    }
}
