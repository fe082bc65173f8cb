// libFuzzer entry point for HTTPParser: built by scripts/fuzz/http-parser.sh together with the
// parser's sources (not part of the SwiftPM package). Each input is parsed as a request and as a
// response, whole and split in two at a position taken from the input, and the outcomes must agree.

/// Feeds the pieces, drains events, finishes; returns the events (bodies joined) and the error.
func outcome(_ pieces: [ArraySlice<UInt8>], kind: HTTPParser.Kind) -> ([HTTPParserEvent], HTTPParseError?) {
    var parser = HTTPParser(kind: kind, limits: HTTPParserLimits(maxRequestLineBytes: 256, maxHeadBytes: 1024,
                                                                 maxHeaderCount: 16, maxBodyBytes: 4096,
                                                                 maxChunkLineBytes: 64, maxTrailerBytes: 256))
    var events: [HTTPParserEvent] = []
    func record(_ event: HTTPParserEvent) {
        if case .body(let more) = event, case .body(let previous)? = events.last {
            events[events.count - 1] = .body(previous + more)
        } else {
            events.append(event)
        }
    }
    do {
        for piece in pieces {
            parser.append(piece)
            while let event = try parser.next() { record(event) }
        }
        while let event = try parser.finish() { record(event) }
        return (events, nil)
    } catch {
        return (events, error)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTTPParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    for kind in [HTTPParser.Kind.request, .response] {
        let whole = outcome([bytes[...]], kind: kind)
        let halves = outcome([bytes[..<split], bytes[split...]], kind: kind)
        if whole.0 != halves.0 || whole.1 != halves.1 {
            fatalError("outcome depends on the split at \(split)")
        }
    }
    return 0
}
