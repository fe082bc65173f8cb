extension HTTPParser {
    /// Handles one complete head line; returns an event when the head is complete.
    mutating func processHeadLine(_ line: Range<Int>) throws(HTTPParseError) -> HTTPParserEvent? {
        let base = discarded
        if phase == .startLine {
            // RFC 9112 §2.2: empty lines before a request line are ignored (they still count toward the head limit).
            if line.isEmpty { return nil }
            let kind = self.kind
            startLine = try withBytes { p throws(HTTPParseError) in
                kind == .request ? try HTTPHeadGrammar.requestLine(p, line, base: base)
                                 : try HTTPHeadGrammar.statusLine(p, line, base: base)
            }
            phase = .headerLines
            return nil
        }
        if !line.isEmpty {
            let (field, special) = try withBytes { p throws(HTTPParseError) in try HTTPHeadGrammar.fieldLine(p, line, base: base) }
            if headers.count >= limits.maxHeaderCount {
                throw HTTPParseError(kind: .tooManyHeaders, status: .requestHeaderFieldsTooLarge,
                                     message: "more than \(limits.maxHeaderCount) header fields", offset: base + line.lowerBound)
            }
            if let special {
                framingFields.append(FramingField(name: special, index: headers.count, offset: base + line.lowerBound))
            }
            if headers.isEmpty { headers.reserveCapacity(16) }
            headers.add(field)
            return nil
        }
        return try completeHead(endOffset: base + line.lowerBound)
    }

    /// The empty line ended the head: checks Host, decides the framing and emits the head event.
    mutating func completeHead(endOffset: Int) throws(HTTPParseError) -> HTTPParserEvent? {
        let fields = headers
        headers = HTTPHeaders()
        defer { framingFields.removeAll(keepingCapacity: true) }
        phase = .startLine
        switch startLine {
        case .request(let method, let target, let version):
            try HTTPFraming.checkHost(fields, framingFields, version: version, endOffset: endOffset)
            let framing = try HTTPFraming.framing(of: fields, framingFields, version: version,
                                                  isRequest: true, limits: limits)
            beginBody(framing)
            return .requestHead(HTTPRequestHead(method: method, target: target, version: version, headers: fields))
        case .status(let status, let reason, let version):
            let head = HTTPResponseHead(status: status, reason: reason, version: version, headers: fields)
            if status.isInformational && status.code != 101 {
                messageStart = discarded + readIndex
                return .interimResponse(head)
            }
            let method = takePendingMethod()
            let noBody = status.forbidsBody || method == .HEAD || (method == .CONNECT && status.code / 100 == 2)
            if status.code == 101 { upgraded = true }
            let framing = noBody ? HTTPBodyFraming.none
                : try HTTPFraming.framing(of: fields, framingFields, version: version, isRequest: false, limits: limits)
            beginBody(framing)
            return .responseHead(head)
        case nil:
            preconditionFailure("head completed without a start line")
        }
    }

    /// Moves to the body state the framing calls for.
    mutating func beginBody(_ framing: HTTPBodyFraming) {
        self.framing = framing
        startLine = nil
        bodyReceived = 0
        switch framing {
        case .none, .contentLength(0):
            phase = .endOfMessage
        case .contentLength(let length):
            remaining = length
            phase = .fixedBody
        case .chunked:
            phase = .chunkSize
        case .untilClose:
            phase = .untilCloseBody
        }
    }

    /// The method of the oldest request still waiting for its response (GET when none was recorded).
    mutating func takePendingMethod() -> HTTPMethod? {
        guard pendingMethodsHead < pendingMethods.count else { return nil }
        let method = pendingMethods[pendingMethodsHead]
        pendingMethodsHead += 1
        if pendingMethodsHead == pendingMethods.count {
            pendingMethods.removeAll(keepingCapacity: true)
            pendingMethodsHead = 0
        }
        return method
    }
}
