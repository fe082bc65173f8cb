import Testing
@testable import HTTP

/// What a parser made of a whole input: its events (adjacent body pieces joined) and the error, if any.
struct ParseOutcome: Equatable, CustomStringConvertible {
    var events: [HTTPParserEvent] = []
    var error: HTTPParseError?

    var description: String { "events: \(events), error: \(error.map(String.init(describing:)) ?? "none")" }

    /// The error kind, for terse expectations.
    var errorKind: HTTPParseError.Kind? { error?.kind }

    /// The status the error maps to.
    var errorStatus: Int? { error?.status.code }

    /// The heads and ends only (bodies joined), for messages whose bodies are checked separately.
    var requestHeads: [HTTPRequestHead] {
        events.compactMap { if case .requestHead(let head) = $0 { head } else { nil } }
    }

    /// Response heads, final only.
    var responseHeads: [HTTPResponseHead] {
        events.compactMap { if case .responseHead(let head) = $0 { head } else { nil } }
    }

    /// Every body byte of every message, concatenated.
    var bodyText: String {
        var bytes: [UInt8] = []
        for case .body(let piece) in events { bytes += piece }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Feeds `pieces` to a fresh parser, draining events after each, then signals end of input.
func feed(_ pieces: [ArraySlice<UInt8>], kind: HTTPParser.Kind, limits: HTTPParserLimits,
          methods: [HTTPMethod]) -> ParseOutcome {
    var parser = HTTPParser(kind: kind, limits: limits)
    for method in methods { parser.expectResponse(toRequestMethod: method) }
    var outcome = ParseOutcome()
    func record(_ event: HTTPParserEvent) {
        if case .body(let more) = event, case .body(let previous)? = outcome.events.last {
            outcome.events[outcome.events.count - 1] = .body(previous + more)
        } else {
            outcome.events.append(event)
        }
    }
    do {
        for piece in pieces {
            piece.withUnsafeBytes { parser.append($0) }
            var guardCount = 0
            while let event = try parser.next() {
                record(event)
                guardCount += 1
                precondition(guardCount < 1_000_000, "parser does not make progress")
            }
        }
        var guardCount = 0
        while let event = try parser.finish() {
            record(event)
            guardCount += 1
            precondition(guardCount < 1_000_000, "parser does not make progress")
        }
    } catch {
        outcome.error = error
    }
    return outcome
}

/// Parses `input` whole, then split at every byte boundary, then one byte at a time, and expects every
/// way of feeding to give the same outcome (the byte-by-byte rule of issue 4). Returns the outcome.
@discardableResult
func parse(_ input: String, as kind: HTTPParser.Kind = .request, limits: HTTPParserLimits = HTTPParserLimits(),
           methods: [HTTPMethod] = [], sourceLocation: SourceLocation = #_sourceLocation) -> ParseOutcome {
    parseBytes(Array(input.utf8), as: kind, limits: limits, methods: methods, sourceLocation: sourceLocation)
}

/// `parse` for raw bytes (inputs with NUL, obs-text or invalid UTF-8).
@discardableResult
func parseBytes(_ bytes: [UInt8], as kind: HTTPParser.Kind = .request, limits: HTTPParserLimits = HTTPParserLimits(),
                methods: [HTTPMethod] = [], sourceLocation: SourceLocation = #_sourceLocation) -> ParseOutcome {
    let whole = feed([bytes[...]], kind: kind, limits: limits, methods: methods)
    for split in 0...bytes.count {
        let outcome = feed([bytes[..<split], bytes[split...]], kind: kind, limits: limits, methods: methods)
        if outcome != whole {
            Issue.record("split at \(split) gives \(outcome), whole gives \(whole)", sourceLocation: sourceLocation)
            return whole
        }
    }
    let bytewise = feed(bytes.indices.map { bytes[$0...$0] }, kind: kind, limits: limits, methods: methods)
    #expect(bytewise == whole, "one byte at a time differs", sourceLocation: sourceLocation)
    return whole
}

/// A request head value for expectations.
func request(_ method: HTTPMethod, _ target: String, _ version: HTTPVersion = .http1_1,
             _ headers: [(String, String)]) -> HTTPParserEvent {
    .requestHead(HTTPRequestHead(method: method, target: target, version: version, headers: HTTPHeaders(headers)))
}

/// Body bytes from text.
func body(_ text: String) -> HTTPParserEvent { .body(Array(text.utf8)) }
